package dev.sluice.engine.proof;

import dev.sluice.engine.EngineOptions;
import dev.sluice.engine.SqsEngine;
import dev.sluice.engine.model.BatchEntry;
import dev.sluice.engine.model.BatchResult;
import dev.sluice.engine.model.ReceiveMessageRequest;
import dev.sluice.engine.model.ReceivedMessage;
import dev.sluice.engine.model.SendMessageRequest;
import dev.sluice.engine.model.SendMessageResult;
import dev.sluice.engine.queue.QueueAttributeNames;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proof: under many concurrent producers and consumers, on memory and on durable storage, a queue hands each
 * message to one consumer at a time, loses none, deletes each exactly once and ends empty; a FIFO queue keeps
 * the order of every group although four consumers take turns on it.
 *
 * <p>The visibility timeout (300 s) is far longer than the test, so no message may legitimately come back:
 * every message is received exactly once, and a second receive while the first is still in flight is the
 * violation this test exists to catch.
 */
class ConcurrencyTest {

    private static final int PRODUCERS = 4;
    private static final int CONSUMERS = 4;
    private static final int PER_PRODUCER = 5_000;
    private static final int TOTAL = PRODUCERS * PER_PRODUCER;
    private static final int GROUPS = 10;
    private static final int VISIBILITY_SECONDS = 300;
    private static final List<String> COUNTERS = List.of(QueueAttributeNames.APPROXIMATE_NUMBER_OF_MESSAGES,
            QueueAttributeNames.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
            QueueAttributeNames.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED);

    @TempDir
    Path dir;

    private SqsEngine open(EngineOptions.Storage storage) {
        return SqsEngine.open(storage == EngineOptions.Storage.MEMORY ? EngineOptions.memory()
                : EngineOptions.durable(dir.resolve("data")));
    }

    /** What the consumers observed; every collection is safe for concurrent use. */
    private static final class Observed {
        /** message id → receipts currently in flight (taken, not yet deleted). Must never exceed 1. */
        final Map<String, AtomicInteger> inflight = new ConcurrentHashMap<>();
        /** message id → how many times it was received at all. */
        final Map<String, AtomicInteger> receipts = new ConcurrentHashMap<>();
        /** message id → how many deleteMessageBatch entries succeeded for it. */
        final Map<String, AtomicInteger> deletions = new ConcurrentHashMap<>();
        final Map<String, String> receivedBodies = new ConcurrentHashMap<>();
        final ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
        final AtomicInteger deleted = new AtomicInteger();

        /** Records a receipt; false if the message was already in flight with another consumer. */
        void received(ReceivedMessage m, String consumer) {
            receipts.computeIfAbsent(m.messageId(), k -> new AtomicInteger()).incrementAndGet();
            receivedBodies.putIfAbsent(m.messageId(), m.body());
            int holders = inflight.computeIfAbsent(m.messageId(), k -> new AtomicInteger()).incrementAndGet();
            if (holders > 1) {
                violations.add(consumer + " received " + m.messageId() + " while " + (holders - 1)
                        + " other receipt(s) of it were in flight");
            }
            String count = m.attributes().get("ApproximateReceiveCount");
            if (!"1".equals(count)) {
                violations.add(consumer + " received " + m.messageId() + " with ApproximateReceiveCount " + count);
            }
        }

        /** Deletes a received batch, ending each message's in-flight period before the delete can free it. */
        void delete(SqsEngine engine, String queue, List<ReceivedMessage> batch, String consumer) {
            List<BatchEntry<String>> entries = new ArrayList<>(batch.size());
            Map<String, String> idOfEntry = new HashMap<>();
            for (int i = 0; i < batch.size(); i++) {
                ReceivedMessage m = batch.get(i);
                entries.add(new BatchEntry<>("e" + i, m.receiptHandle()));
                idOfEntry.put("e" + i, m.messageId());
                inflight.get(m.messageId()).decrementAndGet();
            }
            BatchResult<Void> result = engine.deleteMessageBatch(queue, entries);
            for (BatchResult.Failure f : result.failed()) {
                violations.add(consumer + " could not delete " + idOfEntry.get(f.id()) + ": " + f.code() + " "
                        + f.message());
            }
            for (BatchResult.Success<Void> s : result.successful()) {
                deletions.computeIfAbsent(idOfEntry.get(s.id()), k -> new AtomicInteger()).incrementAndGet();
            }
            deleted.addAndGet(result.successful().size());
        }
    }

    @ParameterizedTest
    @EnumSource(EngineOptions.Storage.class)
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void standardQueueDeliversEachMessageToOneConsumerAndLosesNone(EngineOptions.Storage storage) throws Exception {
        long started = System.nanoTime();
        String queue = "proof-concurrency";
        Observed seen = new Observed();
        Map<String, String> sentBodies = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(PRODUCERS + CONSUMERS);
        try (SqsEngine engine = open(storage)) {
            engine.createQueue(queue);
            List<Future<?>> tasks = new ArrayList<>();
            for (int p = 0; p < PRODUCERS; p++) {
                int producer = p;
                tasks.add(pool.submit(() -> {
                    for (int i = 0; i < PER_PRODUCER; i++) {
                        String body = "p" + producer + "-" + i;
                        SendMessageResult r = engine.sendMessage(SendMessageRequest.of(queue, body));
                        assertThat(sentBodies.put(r.messageId(), body)).as("message id reused").isNull();
                    }
                    return null;
                }));
            }
            for (int c = 0; c < CONSUMERS; c++) {
                String consumer = "consumer-" + c;
                tasks.add(pool.submit(() -> {
                    ReceiveMessageRequest receive = ReceiveMessageRequest.all(queue, 10)
                            .withVisibilityTimeout(VISIBILITY_SECONDS).withWaitTimeSeconds(1);
                    while (seen.deleted.get() < TOTAL && seen.violations.isEmpty()
                            && !Thread.currentThread().isInterrupted()) {
                        List<ReceivedMessage> batch = engine.receiveMessage(receive);
                        if (batch.isEmpty()) {
                            continue;
                        }
                        batch.forEach(m -> seen.received(m, consumer));
                        seen.delete(engine, queue, batch, consumer);
                    }
                    return null;
                }));
            }
            for (Future<?> t : tasks) {
                t.get(4, TimeUnit.MINUTES);
            }

            assertThat(seen.violations).as("in-flight and delete violations").isEmpty();
            assertThat(sentBodies).hasSize(TOTAL);
            assertThat(seen.receipts.keySet()).as("received ids").isEqualTo(sentBodies.keySet());
            assertThat(seen.receipts.values()).as("receipts per message").allMatch(n -> n.get() == 1);
            assertThat(seen.receivedBodies).as("bodies as sent").isEqualTo(sentBodies);
            assertThat(seen.deletions.keySet()).as("deleted ids").isEqualTo(sentBodies.keySet());
            assertThat(seen.deletions.values()).as("successful deletes per message").allMatch(n -> n.get() == 1);
            assertThat(seen.deleted.get()).isEqualTo(TOTAL);
            assertEmpty(engine, queue);
        } finally {
            pool.shutdownNow();
        }
        if (storage == EngineOptions.Storage.DURABLE) {
            // Every delete was acknowledged, so none of the 20,000 messages may come back after a restart.
            try (SqsEngine reopened = open(storage)) {
                assertEmpty(reopened, queue);
                assertThat(reopened.receiveMessage(ReceiveMessageRequest.all(queue, 10).withWaitTimeSeconds(0)))
                        .isEmpty();
            }
        }
        System.out.printf("ConcurrencyTest standard/%s: %,d messages, %d producers, %d consumers in %,d ms%n",
                storage, TOTAL, PRODUCERS, CONSUMERS, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    @ParameterizedTest
    @EnumSource(EngineOptions.Storage.class)
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void fifoQueueKeepsEachGroupInOrderAcrossConsumers(EngineOptions.Storage storage) throws Exception {
        long started = System.nanoTime();
        String queue = "proof-concurrency.fifo";
        Observed seen = new Observed();
        Map<String, String> sentBodies = new ConcurrentHashMap<>();
        // group → sequence numbers in the order consumers got them. A consumer appends a batch before it
        // deletes it, and a FIFO group stays blocked until its messages in flight are deleted, so the log of a
        // group is in delivery order even though four threads write it.
        Map<String, List<Long>> deliveredSeqs = new ConcurrentHashMap<>();
        // group → (producer → body index) of the last message delivered: each producer's sends to a group must
        // arrive in the order it made them.
        Map<String, Map<Integer, Integer>> lastIndex = new ConcurrentHashMap<>();
        for (int g = 0; g < GROUPS; g++) {
            deliveredSeqs.put("g" + g, new ArrayList<>());
            lastIndex.put("g" + g, new HashMap<>());
        }
        ExecutorService pool = Executors.newFixedThreadPool(PRODUCERS + CONSUMERS);
        try (SqsEngine engine = open(storage)) {
            engine.createQueue(queue, Map.of(QueueAttributeNames.FIFO_QUEUE, "true"), Map.of());
            List<Future<?>> tasks = new ArrayList<>();
            for (int p = 0; p < PRODUCERS; p++) {
                int producer = p;
                tasks.add(pool.submit(() -> {
                    for (int i = 0; i < PER_PRODUCER; i++) {
                        String group = "g" + ((i + producer) % GROUPS);
                        String body = producer + ":" + i;
                        SendMessageResult r = engine.sendMessage(SendMessageRequest.of(queue, body)
                                .withGroupId(group).withDeduplicationId("p" + producer + "-" + i));
                        assertThat(sentBodies.put(r.messageId(), body)).as("message id reused").isNull();
                    }
                    return null;
                }));
            }
            for (int c = 0; c < CONSUMERS; c++) {
                String consumer = "consumer-" + c;
                tasks.add(pool.submit(() -> {
                    ReceiveMessageRequest receive = ReceiveMessageRequest.all(queue, 10)
                            .withVisibilityTimeout(VISIBILITY_SECONDS).withWaitTimeSeconds(1);
                    while (seen.deleted.get() < TOTAL && seen.violations.isEmpty()
                            && !Thread.currentThread().isInterrupted()) {
                        List<ReceivedMessage> batch = engine.receiveMessage(receive);
                        if (batch.isEmpty()) {
                            continue;
                        }
                        batch.forEach(m -> seen.received(m, consumer));
                        for (ReceivedMessage m : batch) {
                            String group = m.attributes().get("MessageGroupId");
                            long seq = Long.parseLong(m.attributes().get("SequenceNumber"));
                            String[] parts = m.body().split(":");
                            int producer = Integer.parseInt(parts[0]);
                            int index = Integer.parseInt(parts[1]);
                            List<Long> log = deliveredSeqs.get(group);
                            Map<Integer, Integer> last = lastIndex.get(group);
                            synchronized (log) {
                                if (!log.isEmpty() && log.get(log.size() - 1) >= seq) {
                                    seen.violations.add(consumer + " got seq " + seq + " of " + group + " after "
                                            + log.get(log.size() - 1));
                                }
                                log.add(seq);
                                Integer before = last.put(producer, index);
                                if (before != null && before >= index) {
                                    seen.violations.add(consumer + " got " + m.body() + " of " + group
                                            + " after " + producer + ":" + before);
                                }
                            }
                        }
                        seen.delete(engine, queue, batch, consumer);
                    }
                    return null;
                }));
            }
            for (Future<?> t : tasks) {
                t.get(4, TimeUnit.MINUTES);
            }

            assertThat(seen.violations).as("order, in-flight and delete violations").isEmpty();
            assertThat(sentBodies).hasSize(TOTAL);
            assertThat(seen.receipts.keySet()).as("received ids").isEqualTo(sentBodies.keySet());
            assertThat(seen.receipts.values()).as("receipts per message").allMatch(n -> n.get() == 1);
            assertThat(seen.receivedBodies).as("bodies as sent").isEqualTo(sentBodies);
            assertThat(seen.deletions.values()).as("successful deletes per message").allMatch(n -> n.get() == 1);
            assertThat(seen.deletions).hasSize(TOTAL);
            assertThat(deliveredSeqs.values().stream().mapToInt(List::size).sum()).isEqualTo(TOTAL);
            for (int g = 0; g < GROUPS; g++) {
                // Producer p sends index i to group (i + p) % 10: each producer reaches each group 500 times.
                assertThat(lastIndex.get("g" + g)).as("producers seen in g" + g).hasSize(PRODUCERS);
                assertThat(deliveredSeqs.get("g" + g)).as("g" + g).hasSize(TOTAL / GROUPS).isSorted();
            }
            assertEmpty(engine, queue);
        } finally {
            pool.shutdownNow();
        }
        System.out.printf("ConcurrencyTest fifo/%s: %,d messages in %d groups, %d producers, %d consumers in %,d ms%n",
                storage, TOTAL, GROUPS, PRODUCERS, CONSUMERS,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    private static void assertEmpty(SqsEngine engine, String queue) {
        Map<String, String> attributes = engine.getQueueAttributes(queue, COUNTERS);
        assertThat(attributes).as("counters of " + queue).containsOnlyKeys(COUNTERS)
                .allSatisfy((name, value) -> assertThat(value).as(name).isEqualTo("0"));
    }
}
