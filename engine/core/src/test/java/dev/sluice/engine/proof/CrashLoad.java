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

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The child JVM of {@link CrashTest}: a mixed load on a durable data directory that runs until it is killed.
 * Usage: {@code CrashLoad <dataDir> <firstBodySeq>}.
 *
 * <p>It acknowledges on stdout, one flushed line per completed call, and only after the call returned:
 * <pre>
 * READY
 * SENT &lt;queue&gt; &lt;messageId&gt; &lt;group or -&gt; &lt;body-seq&gt;
 * DELETING &lt;queue&gt; &lt;messageId&gt;      (before the delete call: from here on the message may be gone)
 * DELETED &lt;queue&gt; &lt;messageId&gt;       (the delete returned and certainly removed the message)
 * </pre>
 * Body sequence numbers grow across restarts (the parent passes the first one), so "send order" within a
 * FIFO group is the order of body sequence numbers.
 *
 * <p>On a standard queue SQS (and this engine) answers success for a delete with a stale handle of a message
 * someone else has received since, and keeps the message. So a standard-queue delete is acknowledged as
 * DELETED only if the whole receive-to-delete round trip ended within the visibility timeout (minus a margin):
 * then the handle was still current when the delete ran. A FIFO delete with a stale handle fails instead, so a
 * successful FIFO delete is always real.
 */
public final class CrashLoad {

    static final String STANDARD = "proof-crash";
    static final String FIFO = "proof-crash.fifo";
    static final int FIFO_GROUPS = 4;
    static final int VISIBILITY_SECONDS = 2;
    private static final long MARGIN_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private static final PrintWriter OUT = new PrintWriter(new OutputStreamWriter(
            new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), false);

    private CrashLoad() {
    }

    public static void main(String[] args) {
        Path dataDir = Path.of(args[0]);
        AtomicLong bodySeq = new AtomicLong(Long.parseLong(args[1]));
        SqsEngine engine = SqsEngine.open(EngineOptions.durable(dataDir));
        engine.createQueue(STANDARD);
        engine.createQueue(FIFO, Map.of(QueueAttributeNames.FIFO_QUEUE, "true"), Map.of());
        ack("READY");
        List<Thread> threads = new ArrayList<>();
        threads.add(thread("send-standard-1", () -> sendStandard(engine, bodySeq)));
        threads.add(thread("send-standard-2", () -> sendStandard(engine, bodySeq)));
        // Each FIFO sender owns its groups, so a group's send order is one thread's call order.
        threads.add(thread("send-fifo-a", () -> sendFifo(engine, bodySeq, 0)));
        threads.add(thread("send-fifo-b", () -> sendFifo(engine, bodySeq, 1)));
        threads.add(thread("consume-standard", () -> consume(engine, STANDARD)));
        threads.add(thread("consume-fifo", () -> consume(engine, FIFO)));
        threads.forEach(Thread::start);
    }

    private static Thread thread(String name, Runnable body) {
        Thread t = new Thread(() -> {
            try {
                body.run();
            } catch (Throwable e) {
                e.printStackTrace();
                ack("FAILED " + name + " " + e);
                Runtime.getRuntime().halt(3);
            }
        }, name);
        return t;
    }

    private static void sendStandard(SqsEngine engine, AtomicLong bodySeq) {
        while (true) {
            long seq = bodySeq.getAndIncrement();
            SendMessageResult r = engine.sendMessage(SendMessageRequest.of(STANDARD, body(STANDARD, "-", seq)));
            ack("SENT " + STANDARD + " " + r.messageId() + " - " + seq);
        }
    }

    private static void sendFifo(SqsEngine engine, AtomicLong bodySeq, int parity) {
        for (int i = 0; ; i++) {
            String group = "g" + (2 * (i % (FIFO_GROUPS / 2)) + parity);
            long seq = bodySeq.getAndIncrement();
            SendMessageResult r = engine.sendMessage(SendMessageRequest.of(FIFO, body(FIFO, group, seq))
                    .withGroupId(group).withDeduplicationId("d" + seq));
            ack("SENT " + FIFO + " " + r.messageId() + " " + group + " " + seq);
        }
    }

    /** Receives batches; deletes most messages at once, leaves some to come back after the timeout. */
    private static void consume(SqsEngine engine, String queue) {
        ReceiveMessageRequest receive = ReceiveMessageRequest.all(queue, 10)
                .withVisibilityTimeout(VISIBILITY_SECONDS).withWaitTimeSeconds(1);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (true) {
            long before = System.nanoTime();
            List<ReceivedMessage> batch = engine.receiveMessage(receive);
            List<BatchEntry<String>> entries = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (ReceivedMessage m : batch) {
                if (random.nextInt(10) < 8) {
                    entries.add(new BatchEntry<>(Integer.toString(ids.size()), m.receiptHandle()));
                    ids.add(m.messageId());
                }
            }
            if (entries.isEmpty()) {
                continue;
            }
            ids.forEach(id -> ack("DELETING " + queue + " " + id));
            BatchResult<Void> result = engine.deleteMessageBatch(queue, entries);
            boolean handlesCurrent = queue.endsWith(".fifo") || System.nanoTime() - before
                    < TimeUnit.SECONDS.toNanos(VISIBILITY_SECONDS) - MARGIN_NANOS;
            if (handlesCurrent) {
                for (BatchResult.Success<Void> s : result.successful()) {
                    ack("DELETED " + queue + " " + ids.get(Integer.parseInt(s.id())));
                }
            }
        }
    }

    /** {@code queue|group|seq|padding}: the checker reads group and seq back from messages it never saw sent. */
    static String body(String queue, String group, long seq) {
        return queue + "|" + group + "|" + seq + "|" + "x".repeat(200);
    }

    private static void ack(String line) {
        synchronized (OUT) {
            OUT.println(line);
            OUT.flush();
        }
    }
}
