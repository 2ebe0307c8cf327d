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

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The child JVM of {@link BacklogTest}: sends {@code total} messages of 1 KiB with SendMessageBatch from several
 * threads, then drains them with ReceiveMessage (10) and DeleteMessageBatch from several threads, on a durable
 * store. Usage: {@code BacklogLoad <dataDir> <total> <threads>}. Run it with a small heap: the backlog is many
 * times larger than the heap, so it only works if bodies live on disk.
 *
 * <p>Each body starts with the message's index, so 2,000,000 receipts are tracked in two bitsets rather than
 * in sets of ids that would not fit the heap. Prints progress lines and one {@code RESULT} line; exits 0 only
 * if every message was received exactly once and deleted exactly once and the queue is empty.
 */
public final class BacklogLoad {

    static final String QUEUE = "proof-backlog";
    static final int BODY_BYTES = 1024;
    private static final int VISIBILITY_SECONDS = 900;

    private BacklogLoad() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        int total = Integer.parseInt(args[1]);
        int threads = Integer.parseInt(args[2]);
        if (total % 10 != 0) {
            throw new IllegalArgumentException("total must be a multiple of 10: " + total);
        }
        System.out.printf("HEAP max=%d MiB%n", Runtime.getRuntime().maxMemory() >> 20);
        long started = System.nanoTime();
        SqsEngine engine = SqsEngine.open(EngineOptions.durable(dataDir));
        engine.createQueue(QUEUE);
        ExecutorService pool = Executors.newFixedThreadPool(threads);

        // ---- send -----------------------------------------------------------------------------------------
        AtomicLong nextBatch = new AtomicLong();
        AtomicLong sent = new AtomicLong();
        AtomicLong sendFailures = new AtomicLong();
        String padding = "x".repeat(BODY_BYTES - 10);
        List<Future<?>> tasks = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            tasks.add(pool.submit(() -> {
                for (long b = nextBatch.getAndIncrement(); b < total / 10; b = nextBatch.getAndIncrement()) {
                    List<BatchEntry<SendMessageRequest>> entries = new ArrayList<>(10);
                    for (int i = 0; i < 10; i++) {
                        entries.add(new BatchEntry<>("m" + i,
                                SendMessageRequest.of(QUEUE, String.format("%09d|", b * 10 + i) + padding)));
                    }
                    BatchResult<SendMessageResult> r = engine.sendMessageBatch(QUEUE, entries);
                    sendFailures.addAndGet(r.failed().size());
                    long n = sent.addAndGet(r.successful().size());
                    if (n % 200_000 < 10) {
                        progress("sent", n, started);
                    }
                }
                return null;
            }));
        }
        for (Future<?> t : tasks) {
            t.get();
        }
        long sendMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        System.out.printf("PHASE send %d messages in %d ms; ApproximateNumberOfMessages=%s%n", sent.get(), sendMillis,
                engine.getQueueAttributes(QUEUE, List.of(QueueAttributeNames.APPROXIMATE_NUMBER_OF_MESSAGES))
                        .get(QueueAttributeNames.APPROXIMATE_NUMBER_OF_MESSAGES));

        // ---- drain ----------------------------------------------------------------------------------------
        long drainStarted = System.nanoTime();
        BitSet received = new BitSet(total);
        BitSet deleted = new BitSet(total);
        AtomicLong receivedCount = new AtomicLong();
        AtomicLong deletedCount = new AtomicLong();
        AtomicLong duplicates = new AtomicLong();
        AtomicLong deleteFailures = new AtomicLong();
        AtomicLong corrupt = new AtomicLong();
        tasks.clear();
        for (int t = 0; t < threads; t++) {
            tasks.add(pool.submit(() -> {
                ReceiveMessageRequest receive = ReceiveMessageRequest.of(QUEUE).withMax(10)
                        .withVisibilityTimeout(VISIBILITY_SECONDS).withWaitTimeSeconds(1);
                while (deletedCount.get() < total) {
                    List<ReceivedMessage> batch = engine.receiveMessage(receive);
                    if (batch.isEmpty()) {
                        if (remaining(engine) == 0) {
                            return null; // nothing left anywhere: the counts tell whether that is right
                        }
                        continue;
                    }
                    List<BatchEntry<String>> entries = new ArrayList<>(batch.size());
                    int[] indexes = new int[batch.size()];
                    for (int i = 0; i < batch.size(); i++) {
                        ReceivedMessage m = batch.get(i);
                        int index = Integer.parseInt(m.body().substring(0, 9));
                        if (m.body().length() != BODY_BYTES || !m.body().endsWith(padding)) {
                            corrupt.incrementAndGet();
                        }
                        indexes[i] = index;
                        synchronized (received) {
                            if (received.get(index)) {
                                duplicates.incrementAndGet();
                            }
                            received.set(index);
                        }
                        entries.add(new BatchEntry<>(Integer.toString(i), m.receiptHandle()));
                    }
                    long n = receivedCount.addAndGet(batch.size());
                    BatchResult<Void> r = engine.deleteMessageBatch(QUEUE, entries);
                    deleteFailures.addAndGet(r.failed().size());
                    synchronized (deleted) {
                        for (BatchResult.Success<Void> s : r.successful()) {
                            int index = indexes[Integer.parseInt(s.id())];
                            if (deleted.get(index)) {
                                duplicates.incrementAndGet();
                            }
                            deleted.set(index);
                        }
                    }
                    deletedCount.addAndGet(r.successful().size());
                    if (n % 200_000 < batch.size()) {
                        progress("received", n, started);
                    }
                }
                return null;
            }));
        }
        for (Future<?> t : tasks) {
            t.get();
        }
        pool.shutdown();
        long drainMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - drainStarted);
        System.out.printf("PHASE drain %d messages in %d ms%n", deletedCount.get(), drainMillis);

        Map<String, String> counters = engine.getQueueAttributes(QUEUE, List.of(
                QueueAttributeNames.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeNames.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                QueueAttributeNames.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED));
        List<ReceivedMessage> leftOver = engine.receiveMessage(ReceiveMessageRequest.of(QUEUE).withMax(10)
                .withWaitTimeSeconds(0));
        engine.close();
        String result = String.format("RESULT sent=%d sendFailures=%d received=%d distinctReceived=%d deleted=%d "
                        + "distinctDeleted=%d duplicates=%d deleteFailures=%d corrupt=%d visible=%s notVisible=%s "
                        + "delayed=%s leftOver=%d sendMs=%d drainMs=%d totalMs=%d",
                sent.get(), sendFailures.get(), receivedCount.get(), received.cardinality(), deletedCount.get(),
                deleted.cardinality(), duplicates.get(), deleteFailures.get(), corrupt.get(),
                counters.get(QueueAttributeNames.APPROXIMATE_NUMBER_OF_MESSAGES),
                counters.get(QueueAttributeNames.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE),
                counters.get(QueueAttributeNames.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED), leftOver.size(),
                sendMillis, drainMillis, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        System.out.println(result);
        boolean ok = sent.get() == total && sendFailures.get() == 0 && receivedCount.get() == total
                && received.cardinality() == total && deletedCount.get() == total && deleted.cardinality() == total
                && duplicates.get() == 0 && deleteFailures.get() == 0 && corrupt.get() == 0
                && counters.values().stream().allMatch("0"::equals) && leftOver.isEmpty();
        System.out.flush();
        System.exit(ok ? 0 : 1);
    }

    private static long remaining(SqsEngine engine) {
        return engine.getQueueAttributes(QUEUE, List.of(QueueAttributeNames.ALL)).entrySet().stream()
                .filter(e -> e.getKey().startsWith("ApproximateNumberOfMessages"))
                .mapToLong(e -> Long.parseLong(e.getValue())).sum();
    }

    private static void progress(String what, long n, long started) {
        Runtime rt = Runtime.getRuntime();
        System.out.printf("PROGRESS %s=%d after %d ms, heap used %d MiB%n", what, n,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), (rt.totalMemory() - rt.freeMemory()) >> 20);
    }
}
