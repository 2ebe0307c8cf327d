package dev.sluice.samples.quickstart;

import dev.sluice.engine.EngineOptions;
import dev.sluice.engine.SqsEngine;
import dev.sluice.engine.model.MessageAttribute;
import dev.sluice.engine.model.ReceiveMessageRequest;
import dev.sluice.engine.model.ReceivedMessage;
import dev.sluice.engine.model.SendMessageRequest;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The SQS guide's first use case — decoupled order processing — on the embedded engine with its durable
 * store: producers send orders with OrderId/Priority attributes, a pool of consumers long-polls, processes
 * and deletes them. One order is poisoned: its consumer fails, the message comes back each time its
 * visibility timeout ends, and after three receives the redrive policy moves it to the dead-letter queue.
 */
public final class OrderFlowQuickstart {

    static final String ORDERS = "quickstart-orders";
    static final String DLQ = "quickstart-orders-dlq";
    static final int VISIBILITY_SECONDS = 2;
    static final int MAX_RECEIVES = 3;

    private final SqsEngine engine;
    private final PrintStream out;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong processed = new AtomicLong();
    private final AtomicLong failedAttempts = new AtomicLong();

    OrderFlowQuickstart(SqsEngine engine, PrintStream out) {
        this.engine = engine;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args.length > 0 ? args[0] : "sluice-data");
        int orders = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        try (SqsEngine engine = SqsEngine.open(EngineOptions.durable(dataDir))) {
            Result r = new OrderFlowQuickstart(engine, System.out).run(orders, 2, 4);
            System.exit(r.ok() ? 0 : 1);
        }
    }

    record Result(long sent, long processed, List<ReceivedMessage> deadLetters, double seconds) {
        boolean ok() {
            return processed == sent - 1 && deadLetters.size() == 1;
        }
    }

    Result run(int orders, int producers, int consumers) throws InterruptedException {
        setUpQueues();
        out.printf("Sluice quickstart: %d orders, %d producers, %d consumers, visibility timeout %d s, "
                + "redrive after %d receives%n", orders, producers, consumers, VISIBILITY_SECONDS, MAX_RECEIVES);
        long start = System.nanoTime();
        ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor();
        progress.scheduleAtFixedRate(this::printProgress, 500, 500, TimeUnit.MILLISECONDS);
        ExecutorService pool = Executors.newFixedThreadPool(producers + consumers);
        CountDownLatch producersDone = new CountDownLatch(producers);
        int poisoned = orders / 2;
        for (int p = 0; p < producers; p++) {
            int first = p;
            pool.execute(() -> {
                for (int i = first; i < orders; i += producers) {
                    sendOrder(i, i == poisoned);
                }
                producersDone.countDown();
            });
        }
        for (int c = 0; c < consumers; c++) {
            pool.execute(() -> consume(orders - 1));
        }
        producersDone.await();
        pool.shutdown();
        pool.awaitTermination(5, TimeUnit.MINUTES);
        progress.shutdownNow();
        double seconds = (System.nanoTime() - start) / 1e9;
        List<ReceivedMessage> dead = engine.receiveMessage(ReceiveMessageRequest.all(DLQ, 10).withWaitTimeSeconds(1));
        printProgress();
        out.printf("Done in %.1f s: %d orders sent, %d processed (%.0f orders/s), %d failed attempts.%n",
                seconds, sent.get(), processed.get(), processed.get() / seconds, failedAttempts.get());
        for (ReceivedMessage m : dead) {
            out.printf("Dead-letter queue holds %s (OrderId %s) from %s.%n", m.body(),
                    m.messageAttributes().get("OrderId").stringValue(), m.attributes().get("DeadLetterQueueSourceArn"));
            engine.deleteMessage(DLQ, m.receiptHandle());
        }
        return new Result(sent.get(), processed.get(), dead, seconds);
    }

    private void setUpQueues() {
        engine.createQueue(DLQ);
        engine.createQueue(ORDERS, Map.of("VisibilityTimeout", Integer.toString(VISIBILITY_SECONDS),
                "RedrivePolicy", "{\"deadLetterTargetArn\":\"" + engine.queueArn(DLQ) + "\",\"maxReceiveCount\":"
                        + MAX_RECEIVES + "}"), Map.of());
        drain(ORDERS);
        drain(DLQ);
    }

    /** Leftovers of an interrupted earlier run would skew the counts. */
    private void drain(String queue) {
        List<ReceivedMessage> batch;
        while (!(batch = engine.receiveMessage(ReceiveMessageRequest.all(queue, 10).withVisibilityTimeout(60))).isEmpty()) {
            batch.forEach(m -> engine.deleteMessage(queue, m.receiptHandle()));
        }
    }

    private void sendOrder(int i, boolean poison) {
        String body = poison ? "{\"order_id\":\"" + i + "\",\"items\":" : "{\"order_id\":\"" + i + "\",\"items\":["
                + (i % 7 + 1) + "]}";
        engine.sendMessage(SendMessageRequest.of(ORDERS, body).withAttributes(Map.of(
                "OrderId", MessageAttribute.string(Integer.toString(i)),
                "Priority", MessageAttribute.string(i % 10 == 0 ? "high" : "normal"))));
        sent.incrementAndGet();
    }

    /** Consumes until every good order is processed and the poisoned one has reached the dead-letter queue. */
    private void consume(long target) {
        while (processed.get() < target || !deadLettered()) {
            for (ReceivedMessage m : engine.receiveMessage(ReceiveMessageRequest.all(ORDERS, 10).withWaitTimeSeconds(1))) {
                if (m.body().endsWith("]}")) {
                    processed.incrementAndGet();
                    engine.deleteMessage(ORDERS, m.receiptHandle());
                } else {
                    // A malformed order: leave it; it returns when its visibility timeout ends.
                    failedAttempts.incrementAndGet();
                    out.printf("  order %s is malformed (receive #%s); it will be visible again in %d s%n",
                            m.messageAttributes().get("OrderId").stringValue(),
                            m.attributes().get("ApproximateReceiveCount"), VISIBILITY_SECONDS);
                }
            }
        }
    }

    private boolean deadLettered() {
        return !"0".equals(engine.getQueueAttributes(DLQ, List.of("ApproximateNumberOfMessages"))
                .get("ApproximateNumberOfMessages"));
    }

    private void printProgress() {
        Map<String, String> orders = engine.getQueueAttributes(ORDERS, List.of("All"));
        Map<String, String> dlq = engine.getQueueAttributes(DLQ, List.of("ApproximateNumberOfMessages"));
        out.printf("[progress] sent %d | processed %d | waiting %s | in flight %s | dead-letter %s%n", sent.get(),
                processed.get(), orders.get("ApproximateNumberOfMessages"),
                orders.get("ApproximateNumberOfMessagesNotVisible"), dlq.get("ApproximateNumberOfMessages"));
    }
}
