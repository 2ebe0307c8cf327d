package dev.sluice.server.clients;

import dev.sluice.engine.EngineOptions;
import dev.sluice.server.ServerOptions;
import dev.sluice.server.SluiceServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.net.URI;
import java.time.Duration;

/** A Sluice server on a free loopback port with an in-memory engine. */
final class Endpoint implements AutoCloseable {

    final SluiceServer server;

    Endpoint() {
        try {
            server = SluiceServer.start(ServerOptions.defaults().withPort(0).withStorage(EngineOptions.Storage.MEMORY));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String url() {
        return server.endpointUrl();
    }

    /** An SDK v2 client (JSON protocol) with its default checksum (MD5) validation left on. */
    SqsClient sdkV2() {
        return SqsClient.builder()
                .endpointOverride(URI.create(url()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(30)))
                .build();
    }

    @Override
    public void close() {
        server.close();
    }
}
