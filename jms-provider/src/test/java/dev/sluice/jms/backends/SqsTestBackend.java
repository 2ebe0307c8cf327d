package dev.sluice.jms.backends;

import dev.sluice.jms.SluiceConnectionFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * An SQS endpoint reached over HTTP: the provider through {@code sluice:sqs?endpoint=…}, the administration
 * through a plain AWS SDK client. {@code endpoint} null means Amazon SQS itself (region and credentials from the
 * environment).
 */
final class SqsTestBackend implements TestBackend {

    private final String name;
    private final String endpoint;
    private final String region;
    private final SqsClient admin;
    private final AutoCloseable server;

    SqsTestBackend(String name, String endpoint, String region, AutoCloseable server) {
        this.name = name;
        this.endpoint = endpoint;
        this.region = region;
        this.server = server;
        AwsCredentialsProvider credentials = endpoint == null ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        SqsClientBuilder b = SqsClient.builder().region(Region.of(region)).credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(30)));
        if (endpoint != null) {
            b.endpointOverride(URI.create(endpoint));
        }
        this.admin = b.build();
    }

    String endpoint() {
        return endpoint;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean sqs() {
        return true;
    }

    @Override
    public SluiceConnectionFactory factory(String settings) {
        String url = "sluice:sqs?region=" + region + (endpoint == null ? "" : "&endpoint=" + endpoint);
        return new SluiceConnectionFactory(url + (settings.isEmpty() ? "" : "&" + settings));
    }

    @Override
    public void createQueue(String queue, Map<String, String> attributes) {
        admin.createQueue(r -> r.queueName(queue).attributesWithStrings(attributes));
    }

    @Override
    public void deleteQueue(String queue) {
        admin.deleteQueue(r -> r.queueUrl(url(queue)));
    }

    private String url(String queue) {
        return admin.getQueueUrl(r -> r.queueName(queue)).queueUrl();
    }

    @Override
    public String arn(String queue) {
        return admin.getQueueAttributes(r -> r.queueUrl(url(queue)).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }

    @Override
    public int messagesIn(String queue) {
        Map<QueueAttributeName, String> a = admin.getQueueAttributes(r -> r.queueUrl(url(queue)).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
        return a.values().stream().mapToInt(Integer::parseInt).sum();
    }

    /** Not close(): JUnit closes AutoCloseable arguments after each parameterised test. */
    void stop() throws Exception {
        admin.close();
        if (server != null) {
            server.close();
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
