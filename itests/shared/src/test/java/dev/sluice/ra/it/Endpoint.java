package dev.sluice.ra.it;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.net.URI;

/** The SQS endpoint the adapter serves inside the application server (-Dsluice.ra.sqsEndpointPort). */
final class Endpoint {

    static final int PORT = Integer.getInteger("sluice.endpoint.port", 19324);
    static final String URL = "http://127.0.0.1:" + PORT;

    private Endpoint() {
    }

    static SqsClient client() {
        return SqsClient.builder()
                .endpointOverride(URI.create(URL))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("it", "it")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    static String queueUrl(SqsClient sqs, String name) {
        return sqs.getQueueUrl(b -> b.queueName(name)).queueUrl();
    }
}
