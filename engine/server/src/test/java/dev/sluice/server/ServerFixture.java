package dev.sluice.server;

import dev.sluice.engine.EngineOptions;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.net.URI;
import java.time.Duration;

/** A server on a free loopback port with an in-memory engine, and an AWS SDK v2 client pointed at it. */
final class ServerFixture implements AutoCloseable {

    final SluiceServer server;
    final SqsClient sqs;

    ServerFixture() throws InterruptedException {
        this(ServerOptions.defaults().withPort(0).withStorage(EngineOptions.Storage.MEMORY));
    }

    ServerFixture(ServerOptions options) throws InterruptedException {
        server = SluiceServer.start(options);
        sqs = SqsClient.builder()
                .endpointOverride(URI.create(server.endpointUrl()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(30)))
                .build();
    }

    @Override
    public void close() {
        sqs.close();
        server.close();
    }
}
