package dev.sluice.engine.validation;

import dev.sluice.engine.EngineOptions;
import dev.sluice.engine.SqsEngine;
import dev.sluice.engine.model.ReceiveMessageRequest;
import dev.sluice.engine.model.ReceivedMessage;
import dev.sluice.engine.model.SendMessageRequest;
import dev.sluice.engine.time.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A fresh in-memory engine on a manual clock per test, and the few steps most rule tests share. */
abstract class RulesTestBase {

    protected ManualClock clock;
    protected SqsEngine engine;

    @BeforeEach
    void openEngine() {
        clock = new ManualClock();
        engine = SqsEngine.open(EngineOptions.memory().withClock(clock));
    }

    @AfterEach
    void closeEngine() {
        engine.close();
    }

    protected String standardQueue(String name) {
        return engine.createQueue(name);
    }

    protected String fifoQueue(String name) {
        return engine.createQueue(name, Map.of("FifoQueue", "true"), Map.of());
    }

    protected String attribute(String queue, String name) {
        return engine.getQueueAttributes(queue, List.of("All")).get(name);
    }

    protected long visibleCount(String queue) {
        return Long.parseLong(attribute(queue, "ApproximateNumberOfMessages"));
    }

    protected long inFlightCount(String queue) {
        return Long.parseLong(attribute(queue, "ApproximateNumberOfMessagesNotVisible"));
    }

    protected long delayedCount(String queue) {
        return Long.parseLong(attribute(queue, "ApproximateNumberOfMessagesDelayed"));
    }

    /** Sends one message and receives it (with the given visibility timeout); answers the receipt handle. */
    protected String sendAndReceive(String queue, SendMessageRequest send, int visibilityTimeout) {
        engine.sendMessage(send);
        List<ReceivedMessage> got = engine.receiveMessage(ReceiveMessageRequest.of(queue)
                .withVisibilityTimeout(visibilityTimeout).withWaitTimeSeconds(0));
        assertThat(got).hasSize(1);
        return got.get(0).receiptHandle();
    }

    protected String sendAndReceive(String queue, int visibilityTimeout) {
        return sendAndReceive(queue, SendMessageRequest.of(queue, "body"), visibilityTimeout);
    }

    protected static String repeat(char c, int n) {
        return String.valueOf(c).repeat(n);
    }
}
