package dev.sluice.jms.sqs;

import dev.sluice.jms.SluiceSettings;
import jakarta.jms.JMSException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;

/**
 * Builds the AWS SDK client of an SQS backend from the factory's settings: region, endpoint override,
 * credentials, retries and the small HTTP client the resource adapter bundles.
 */
final class SqsClients {

    /** A local endpoint (Sluice's server on loopback, ElasticMQ) checks no signature but the SDK signs anyway. */
    static final String LOCAL_ACCESS_KEY = "sluice-local";
    /** Above SQS's longest long poll (20 s), so a long poll is never cut by the socket timeout. */
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(35);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private SqsClients() {
    }

    /** A client for the settings; nothing is sent yet. Bad settings: a JMSException naming the setting. */
    static SqsClient build(SluiceSettings settings) throws JMSException {
        SqsClientBuilder b = SqsClient.builder()
                .region(region(settings))
                .credentialsProvider(credentials(settings))
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(CONNECT_TIMEOUT)
                        .socketTimeout(SOCKET_TIMEOUT))
                // throttling, 5xx and I/O errors: retried with exponential back-off and jitter (the SDK's
                // standard strategy; throttling backs off from 1 s, the rest from 100 ms)
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .maxAttempts(settings.maxAttempts()).build()));
        URI endpoint = endpoint(settings);
        if (endpoint != null) {
            b.endpointOverride(endpoint);
        }
        return b.build();
    }

    /** "the SQS backend (endpoint …, region …)", for error messages; never contains credentials. */
    static String describe(SluiceSettings settings) {
        String endpoint = settings.get("endpoint");
        String region = settings.get("region");
        if (endpoint == null) {
            return "Amazon SQS (region " + (region == null ? "from the AWS default chain" : region) + ")";
        }
        return "the SQS endpoint " + endpoint + (region == null ? "" : " (region " + region + ")");
    }

    static URI endpoint(SluiceSettings settings) throws JMSException {
        String endpoint = settings.get("endpoint");
        if (endpoint == null || endpoint.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(endpoint);
            if (uri.getScheme() == null || uri.getHost() == null
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new URISyntaxException(endpoint, "needs http:// or https:// and a host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new JMSException("endpoint must be an http(s) URL such as http://127.0.0.1:9324, not '" + endpoint
                    + "': " + e.getReason(), "InvalidEndpoint");
        }
    }

    /**
     * The region setting; without it, us-east-1 for an endpoint override (local servers ignore it) or the AWS
     * default region chain for Amazon SQS itself.
     */
    static Region region(SluiceSettings settings) throws JMSException {
        String region = settings.get("region");
        if (region != null && !region.isBlank()) {
            return Region.of(region);
        }
        if (settings.get("endpoint") != null) {
            return Region.US_EAST_1;
        }
        try {
            return DefaultAwsRegionProviderChain.builder().build().getRegion();
        } catch (SdkClientException e) {
            throw new JMSException("No AWS region for the SQS backend: set region=<region> in the URL (or setRegion), "
                    + "or AWS_REGION in the environment", "MissingRegion");
        }
    }

    /**
     * Static keys when both are set, a named profile, or the AWS default chain. With an endpoint override and
     * nothing configured, the environment, system properties and the default profile are tried, then a fixed
     * local key: a local server needs no real one, and the default chain's instance-metadata lookup would only
     * slow the first call down.
     */
    static AwsCredentialsProvider credentials(SluiceSettings settings) throws JMSException {
        String id = settings.get("accessKeyId");
        String secret = settings.get("secretAccessKey");
        if ((id == null) != (secret == null)) {
            throw new JMSException("Static credentials need both accessKeyId and secretAccessKey; only "
                    + (id == null ? "secretAccessKey" : "accessKeyId") + " is set", "IncompleteCredentials");
        }
        if (id != null) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(id, secret));
        }
        String profile = settings.get("profile");
        if (profile != null) {
            return ProfileCredentialsProvider.create(profile);
        }
        if (settings.get("endpoint") != null) {
            return AwsCredentialsProviderChain.builder()
                    .reuseLastProviderEnabled(true)
                    .credentialsProviders(EnvironmentVariableCredentialsProvider.create(),
                            SystemPropertyCredentialsProvider.create(),
                            ProfileCredentialsProvider.create(),
                            StaticCredentialsProvider.create(AwsBasicCredentials.create(LOCAL_ACCESS_KEY, LOCAL_ACCESS_KEY)))
                    .build();
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
