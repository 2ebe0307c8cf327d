package dev.sluice.engine.semantics;

import dev.sluice.engine.EngineOptions;
import dev.sluice.engine.SqsEngine;
import dev.sluice.engine.error.SqsException;
import dev.sluice.engine.model.ReceiveMessageRequest;
import dev.sluice.engine.model.ReceivedMessage;
import dev.sluice.engine.model.SendMessageRequest;
import dev.sluice.engine.model.SendMessageResult;
import dev.sluice.engine.time.ManualClock;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static dev.sluice.engine.queue.QueueAttributeNames.APPROXIMATE_NUMBER_OF_MESSAGES;
import static dev.sluice.engine.queue.QueueAttributeNames.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED;
import static dev.sluice.engine.queue.QueueAttributeNames.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * Shared fixture of the semantics tests: an engine on a {@link ManualClock}, in memory or durable in a
 * temporary directory, closed after each test; plus short helpers for the SQS calls the tests repeat.
 */
abstract class EngineSemanticsTest {

    @TempDir
    Path dataDir;

    final ManualClock clock = new ManualClock();
    EngineOptions.Storage storage;
    SqsEngine engine;
    int memoryLimit = EngineOptions.DEFAULT_MEMORY_LIMIT;

    SqsEngine open(EngineOptions.Storage mode) {
        storage = mode;
        EngineOptions options = mode == EngineOptions.Storage.MEMORY ? EngineOptions.memory()
                : EngineOptions.durable(dataDir);
        engine = SqsEngine.open(options.withClock(clock).withMemoryLimitPerQueue(memoryLimit));
        return engine;
    }

    /** Closes the engine and opens a new one on the same directory and clock, as a process restart would. */
    SqsEngine restart() {
        engine.close();
        engine = null;
        return open(storage);
    }

    @AfterEach
    void closeEngine() {
        if (engine != null) {
            engine.close();
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------

    String create(String name, Map<String, String> attributes) {
        return engine.createQueue(name, attributes, Map.of());
    }

    String createFifo(String name, Map<String, String> attributes) {
        Map<String, String> all = new java.util.HashMap<>(attributes);
        all.put("FifoQueue", "true");
        return engine.createQueue(name, all, Map.of());
    }

    SendMessageResult send(String queue, String body) {
        return engine.sendMessage(SendMessageRequest.of(queue, body));
    }

    SendMessageResult sendFifo(String queue, String group, String body) {
        return engine.sendMessage(SendMessageRequest.of(queue, body).withGroupId(group)
                .withDeduplicationId(body));
    }

    List<ReceivedMessage> receive(String queue, int max) {
        return engine.receiveMessage(ReceiveMessageRequest.all(queue, max).withWaitTimeSeconds(0));
    }

    ReceivedMessage receiveOne(String queue) {
        List<ReceivedMessage> got = receive(queue, 1);
        assertThat(got).as("one message received from %s", queue).hasSize(1);
        return got.get(0);
    }

    List<String> bodies(List<ReceivedMessage> messages) {
        return messages.stream().map(ReceivedMessage::body).toList();
    }

    int receiveCount(ReceivedMessage m) {
        return Integer.parseInt(m.attributes().get("ApproximateReceiveCount"));
    }

    /** [visible, not visible, delayed] as GetQueueAttributes reports them. */
    List<String> counters(String queue) {
        Map<String, String> a = engine.getQueueAttributes(queue, List.of("All"));
        return List.of(a.get(APPROXIMATE_NUMBER_OF_MESSAGES), a.get(APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE),
                a.get(APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED));
    }

    String arn(String queue) {
        return engine.queueArn(queue);
    }

    static SqsException sqsError(ThrowableAssert.ThrowingCallable call) {
        SqsException e = catchThrowableOfType(call, SqsException.class);
        assertThat(e).as("an SqsException").isNotNull();
        return e;
    }

    /** A call running on its own thread, so a test can see it block and then wake it. */
    static final class Background<T> {
        private final CompletableFuture<T> result = new CompletableFuture<>();
        private final Thread thread;

        Background(Callable<T> call) {
            thread = new Thread(() -> {
                try {
                    result.complete(call.call());
                } catch (Throwable t) {
                    result.completeExceptionally(t);
                }
            }, "semantics-background");
            thread.setDaemon(true);
            thread.start();
        }

        /** Waits until the call is parked in a timed wait (a long poll) or has already finished. */
        Background<T> awaitBlockedOrDone() {
            await().atMost(10, TimeUnit.SECONDS)
                    .until(() -> thread.getState() == Thread.State.TIMED_WAITING || result.isDone());
            return this;
        }

        boolean isDone() {
            return result.isDone();
        }

        T get() throws Exception {
            return result.get(10, TimeUnit.SECONDS);
        }
    }
}
