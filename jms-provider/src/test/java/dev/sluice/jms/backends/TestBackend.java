package dev.sluice.jms.backends;

import dev.sluice.jms.SluiceConnectionFactory;

import java.util.Map;

/**
 * One backend the provider's suite runs on: the embedded engine, Sluice's server over HTTP, ElasticMQ, or (with
 * -Paws) Amazon SQS. Besides a connection factory it offers the queue administration a test needs before JMS
 * comes in (a queue with a RedrivePolicy, say), done the backend's own way.
 */
interface TestBackend {

    /** For test names: embedded, sluice-server, elasticmq, aws. */
    String name();

    /** Whether this is an SQS endpoint (no capability beyond the SQS API). */
    boolean sqs();

    /** A factory for this backend with extra URL settings ({@code visibilityTimeout=2&…}, may be empty). */
    SluiceConnectionFactory factory(String settings);

    void createQueue(String name, Map<String, String> attributes);

    void deleteQueue(String name);

    String arn(String queue);

    /** Messages waiting (ApproximateNumberOfMessages + NotVisible + Delayed): what is left in the queue. */
    int messagesIn(String queue);
}
