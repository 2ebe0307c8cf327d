package dev.sluice.samples.support;

import dev.sluice.engine.EngineOptions;
import dev.sluice.engine.SqsEngine;
import dev.sluice.engine.model.ReceiveMessageRequest;
import dev.sluice.engine.model.ReceivedMessage;
import dev.sluice.engine.queue.RedrivePolicy;
import dev.sluice.jms.SluiceConnectionFactory;
import dev.sluice.jms.embedded.EngineRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;

/**
 * The queue administration JMS has no API for, done on the embedded engine the injected factory uses — what
 * {@code aws sqs create-queue / set-queue-attributes / start-message-move-task} do against the SQS endpoint:
 * queue attributes (visibility timeout, redrive policy), depths, moving messages back from a dead-letter queue.
 */
@ApplicationScoped
public class QueueAdmin {

    @Inject
    SluiceConnectionFactory factory;

    private EngineOptions options;
    private SqsEngine engine;

    @PostConstruct
    void open() {
        options = factory.settings().engineOptions();
        engine = EngineRegistry.acquire(options);
    }

    @PreDestroy
    void close() {
        EngineRegistry.release(options);
    }

    /** Creates the queue if needed and sets these attributes (e.g. VisibilityTimeout, DelaySeconds). */
    public void queue(String name, Map<String, String> attributes) {
        engine.createQueue(name);
        if (!attributes.isEmpty()) {
            engine.setQueueAttributes(name, attributes);
        }
    }

    /** The guide's configure_dlq(): after {@code maxReceiveCount} receives a message of source moves to deadLetter. */
    public void deadLetterQueue(String source, String deadLetter, int maxReceiveCount) {
        engine.createQueue(deadLetter);
        queue(source, Map.of("RedrivePolicy", new RedrivePolicy(engine.queueArn(deadLetter), maxReceiveCount).toJson()));
    }

    /** SQS's redrive of a dead-letter queue: moves its messages back to the queue they came from (the move task). */
    public String redrive(String deadLetter, String source) {
        return engine.startMessageMoveTask(engine.queueArn(deadLetter), engine.queueArn(source), null);
    }

    public long waiting(String queue) {
        return attribute(queue, "ApproximateNumberOfMessages");
    }

    public long inFlight(String queue) {
        return attribute(queue, "ApproximateNumberOfMessagesNotVisible");
    }

    private long attribute(String queue, String name) {
        return Long.parseLong(engine.getQueueAttributes(queue, List.of(name)).get(name));
    }

    /** Deletes whatever an interrupted earlier run left behind (a purge would refuse a second run within 60 s). */
    public void drain(String queue) {
        List<ReceivedMessage> batch;
        while (!(batch = engine.receiveMessage(ReceiveMessageRequest.all(queue, 10).withVisibilityTimeout(60))).isEmpty()) {
            batch.forEach(m -> engine.deleteMessage(queue, m.receiptHandle()));
        }
    }
}
