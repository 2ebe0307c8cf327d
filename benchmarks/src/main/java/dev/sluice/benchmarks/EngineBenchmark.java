package dev.sluice.benchmarks;

import dev.sluice.engine.EngineOptions;
import dev.sluice.engine.SqsEngine;
import dev.sluice.engine.model.BatchEntry;
import dev.sluice.engine.model.BatchResult;
import dev.sluice.engine.model.ReceiveMessageRequest;
import dev.sluice.engine.model.ReceivedMessage;
import dev.sluice.engine.model.SendMessageRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Engine-only throughput and latency: the {@link SqsEngine} facade called directly from N threads, no HTTP,
 * no SDK. Plain {@code main}, no JMH: each run is a warm-up followed by a measured phase of a fixed number of
 * messages, timed with {@link System#nanoTime()} around every call.
 *
 * <p>Matrix: storage {@code memory} / {@code durable} (SQLite in a fresh temp dir) × threads × workload:
 * <ul>
 *   <li>{@code send}: SendMessage of a 1 KiB body, one message per call; latency is the call.</li>
 *   <li>{@code cycle}: each thread sends one message, receives one (max 1) and deletes it; latency is the
 *       whole send+receive+delete cycle. All threads share one queue, so a thread may receive a message another
 *       thread sent; the queue never runs dry (every thread sends before it receives), an empty receive would
 *       simply be retried and is counted.</li>
 *   <li>{@code batch}: SendMessageBatch of 10, then ReceiveMessage (max 10, repeated until 10 are held), then
 *       DeleteMessageBatch of those 10; latency is the whole batch cycle.</li>
 * </ul>
 * Each run gets a fresh engine (and, when durable, a fresh data directory) and its own queue. Before the engine
 * runs, a raw baseline measures what the disk under the temp dir can do: 1 KiB write + {@code fdatasync}
 * ({@code FileChannel.force(false)}) in a loop.
 *
 * <p>Settings, as {@code key=value} arguments or {@code -Dbench.key=value} system properties (arguments win):
 * <pre>
 *   modes=memory,durable     storage modes
 *   threads=1,4              thread counts
 *   workloads=send,cycle,batch
 *   messages=N               measured messages per run, both modes (default: memory 200000, durable 10000)
 *   memory.messages=N        ... for memory runs only
 *   durable.messages=N       ... for durable runs only
 *   warmup=N                 warm-up messages per run (default: a fifth of the measured count)
 *   maxSeconds=S             cap on one measured phase; a capped run reports what it did (default 30)
 *   fsyncSeconds=S           duration of each raw fsync baseline, 0 to skip (default 2)
 *   dir=PATH                 parent of the temp dir (default java.io.tmpdir)
 *   keep=true                keep the temp dir
 * </pre>
 * Results go to stdout as Markdown; progress goes to stderr.
 */
public final class EngineBenchmark {

    static final int BODY_BYTES = 1024;
    static final int BATCH = 10;

    private final Map<String, String> settings;
    private final String body;

    private EngineBenchmark(Map<String, String> settings) {
        this.settings = settings;
        this.body = BenchSettings.body(BODY_BYTES);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> settings = BenchSettings.parse(args, "messages=50000 threads=1,4");
        // The engine logs each open at INFO; keep stderr for our progress lines.
        BenchSettings.quietLogging();
        new EngineBenchmark(settings).run();
    }

    // ---- settings --------------------------------------------------------------------------------------

    private String get(String key, String fallback) {
        return BenchSettings.get(settings, key, fallback);
    }

    private List<String> list(String key, String fallback) {
        return BenchSettings.list(settings, key, fallback);
    }

    private int messagesFor(String mode) {
        return Integer.parseInt(get(mode + ".messages", get("messages", mode.equals("memory") ? "200000" : "10000")));
    }

    private int warmupFor(String mode) {
        return Integer.parseInt(get(mode + ".warmup", get("warmup", String.valueOf(messagesFor(mode) / 5))));
    }

    // ---- the run ---------------------------------------------------------------------------------------

    private void run() throws Exception {
        List<String> modes = list("modes", "memory,durable");
        List<Integer> threadCounts = list("threads", "1,4").stream().map(Integer::parseInt).toList();
        List<Workload> workloads = list("workloads", "send,cycle,batch").stream().map(Workload::parse).toList();
        double maxSeconds = Double.parseDouble(get("maxSeconds", "30"));
        double fsyncSeconds = Double.parseDouble(get("fsyncSeconds", "2"));
        boolean keep = Boolean.parseBoolean(get("keep", "false"));
        Path parent = Path.of(get("dir", System.getProperty("java.io.tmpdir")));
        Files.createDirectories(parent);
        Path root = Files.createTempDirectory(parent, "sluice-bench-");
        long started = System.nanoTime();

        List<String> baseline = new ArrayList<>();
        List<String> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        try {
            if (fsyncSeconds > 0) {
                progress("raw fsync baseline in %s", root);
                baseline.add(fsyncBaseline(root, false, fsyncSeconds));
                baseline.add(fsyncBaseline(root, true, fsyncSeconds));
            }
            int runNo = 0;
            for (String mode : modes) {
                for (int threads : threadCounts) {
                    for (Workload w : workloads) {
                        runNo++;
                        Path dataDir = root.resolve("run-" + runNo + "-" + mode + "-t" + threads + "-" + w.key);
                        EngineOptions options = switch (mode) {
                            case "memory" -> EngineOptions.memory();
                            case "durable" -> EngineOptions.durable(dataDir);
                            default -> throw new IllegalArgumentException("unknown mode " + mode
                                    + " (memory or durable)");
                        };
                        // Leave the previous run's garbage (a closed engine with its messages) out of this one.
                        System.gc();
                        try {
                            Result r = runOne(options, w, threads, warmupFor(mode), messagesFor(mode), maxSeconds);
                            rows.add(r.row(mode, threads));
                            r.note(mode, threads).ifPresent(notes::add);
                        } catch (Exception | Error e) {
                            e.printStackTrace();
                            rows.add(String.format("| %s | %s | %d | FAILED: %s | | | | | | |", w.key, mode, threads,
                                    String.valueOf(e).replace('|', '/')));
                        } finally {
                            if (mode.equals("durable") && !keep) {
                                deleteTree(dataDir);
                            }
                        }
                    }
                }
            }
        } finally {
            if (!keep) {
                deleteTree(root);
            } else {
                progress("kept %s", root);
            }
        }
        double total = (System.nanoTime() - started) / 1e9;
        printReport(root, baseline, rows, notes, total);
    }

    enum Workload {
        SEND("send", "send", 1),
        CYCLE("cycle", "send+receive+delete", 1),
        BATCH("batch", "sendBatch(10)+receive(10)+deleteBatch(10)", EngineBenchmark.BATCH);

        final String key;
        final String latencyOf;
        final int messagesPerOp;

        Workload(String key, String latencyOf, int messagesPerOp) {
            this.key = key;
            this.latencyOf = latencyOf;
            this.messagesPerOp = messagesPerOp;
        }

        static Workload parse(String s) {
            for (Workload w : values()) {
                if (w.key.equals(s)) {
                    return w;
                }
            }
            throw new IllegalArgumentException("unknown workload " + s + " (send, cycle or batch)");
        }
    }

    private Result runOne(EngineOptions options, Workload w, int threads, int warmupMessages, int messages,
                          double maxSeconds) throws Exception {
        String label = String.format("%s %s t=%d", options.storage().name().toLowerCase(Locale.ROOT), w.key, threads);
        try (SqsEngine engine = SqsEngine.open(options)) {
            String queue = "bench-" + w.key;
            engine.createQueue(queue);
            if (warmupMessages > 0) {
                progress("%s: warm-up %d messages", label, warmupMessages);
                phase(engine, queue, w, threads, warmupMessages, Double.MAX_VALUE);
                if (w == Workload.SEND) {
                    engine.purgeQueue(queue); // start the measured phase from an empty queue
                }
            }
            progress("%s: measuring %d messages", label, messages);
            Result r = phase(engine, queue, w, threads, messages, maxSeconds);
            progress("%s: %,.0f msg/s, p50 %s, p99 %s%s", label, r.messagesPerSecond(), micros(r.percentile(0.50)),
                    micros(r.percentile(0.99)), r.capped ? " (time-capped)" : "");
            return r;
        }
    }

    /** Runs {@code messages} messages' worth of the workload, split evenly over the threads. */
    private Result phase(SqsEngine engine, String queue, Workload w, int threads, int messages, double maxSeconds)
            throws Exception {
        int opsTotal = Math.max(threads, messages / w.messagesPerOp);
        long deadline = (long) (maxSeconds * 1e9); // saturates at Long.MAX_VALUE
        CyclicBarrier start = new CyclicBarrier(threads + 1);
        Worker[] workers = new Worker[threads];
        AtomicLong emptyReceives = new AtomicLong();
        for (int t = 0; t < threads; t++) {
            int ops = opsTotal / threads + (t < opsTotal % threads ? 1 : 0);
            workers[t] = new Worker(engine, queue, w, ops, start, deadline, emptyReceives);
            workers[t].thread.start();
        }
        start.await();
        long begin = System.nanoTime();
        for (Worker worker : workers) {
            worker.thread.join();
        }
        long elapsed = System.nanoTime() - begin;
        int done = 0;
        boolean capped = false;
        for (Worker worker : workers) {
            if (worker.failure != null) {
                throw new IllegalStateException("worker failed", worker.failure);
            }
            done += worker.done;
            capped |= worker.done < worker.latencies.length;
        }
        long[] all = new long[done];
        int at = 0;
        for (Worker worker : workers) {
            System.arraycopy(worker.latencies, 0, all, at, worker.done);
            at += worker.done;
        }
        Arrays.sort(all);
        return new Result(w, (long) done * w.messagesPerOp, elapsed, all, capped, emptyReceives.get());
    }

    private final class Worker implements Runnable {
        final SqsEngine engine;
        final String queue;
        final Workload workload;
        final long[] latencies;
        final CyclicBarrier start;
        final long maxNanos;
        final AtomicLong emptyReceives;
        final Thread thread;
        int done;
        volatile Throwable failure;

        Worker(SqsEngine engine, String queue, Workload workload, int ops, CyclicBarrier start, long maxNanos,
               AtomicLong emptyReceives) {
            this.engine = engine;
            this.queue = queue;
            this.workload = workload;
            this.latencies = new long[ops];
            this.start = start;
            this.maxNanos = maxNanos;
            this.emptyReceives = emptyReceives;
            this.thread = new Thread(this, "bench-worker");
        }

        @Override
        public void run() {
            try {
                SendMessageRequest send = SendMessageRequest.of(queue, body);
                ReceiveMessageRequest receiveOne = ReceiveMessageRequest.all(queue, 1).withWaitTimeSeconds(0);
                List<BatchEntry<SendMessageRequest>> sendBatch = new ArrayList<>(BATCH);
                for (int i = 0; i < BATCH; i++) {
                    sendBatch.add(new BatchEntry<>("m" + i, send));
                }
                start.await();
                long begin = System.nanoTime();
                for (int i = 0; i < latencies.length; i++) {
                    long t0 = System.nanoTime();
                    if (t0 - begin > maxNanos) {
                        break;
                    }
                    switch (workload) {
                        case SEND -> engine.sendMessage(send);
                        case CYCLE -> cycle(send, receiveOne);
                        case BATCH -> batchCycle(sendBatch);
                    }
                    latencies[i] = System.nanoTime() - t0;
                    done = i + 1;
                }
            } catch (Throwable e) {
                failure = e;
            }
        }

        private void cycle(SendMessageRequest send, ReceiveMessageRequest receiveOne) {
            engine.sendMessage(send);
            List<ReceivedMessage> got = engine.receiveMessage(receiveOne);
            while (got.isEmpty()) {
                emptyReceives.incrementAndGet();
                got = engine.receiveMessage(receiveOne);
            }
            engine.deleteMessage(queue, got.get(0).receiptHandle());
        }

        private void batchCycle(List<BatchEntry<SendMessageRequest>> sendBatch) {
            BatchResult<?> sent = engine.sendMessageBatch(queue, sendBatch);
            if (!sent.failed().isEmpty()) {
                throw new IllegalStateException("sendMessageBatch failed: " + sent.failed());
            }
            List<BatchEntry<String>> handles = new ArrayList<>(BATCH);
            while (handles.size() < BATCH) {
                List<ReceivedMessage> got = engine.receiveMessage(
                        ReceiveMessageRequest.all(queue, BATCH - handles.size()).withWaitTimeSeconds(0));
                if (got.isEmpty()) {
                    emptyReceives.incrementAndGet();
                }
                for (ReceivedMessage m : got) {
                    handles.add(new BatchEntry<>("d" + handles.size(), m.receiptHandle()));
                }
            }
            BatchResult<?> deleted = engine.deleteMessageBatch(queue, handles);
            if (!deleted.failed().isEmpty()) {
                throw new IllegalStateException("deleteMessageBatch failed: " + deleted.failed());
            }
        }
    }

    record Result(Workload workload, long messages, long elapsedNanos, long[] sortedLatencies, boolean capped,
                  long emptyReceives) {

        double messagesPerSecond() {
            return messages / (elapsedNanos / 1e9);
        }

        long percentile(double p) {
            if (sortedLatencies.length == 0) {
                return 0;
            }
            int rank = (int) Math.ceil(p * sortedLatencies.length);
            return sortedLatencies[Math.min(sortedLatencies.length, Math.max(1, rank)) - 1];
        }

        String row(String mode, int threads) {
            return String.format(Locale.ROOT, "| %s | %s | %d | %,d%s | %.1f | %,.0f | %s | %s | %s | %s |",
                    workload.key, mode, threads, messages, capped ? " (capped)" : "", elapsedNanos / 1e9,
                    messagesPerSecond(), workload.latencyOf, micros(percentile(0.50)), micros(percentile(0.99)),
                    micros(sortedLatencies.length == 0 ? 0 : sortedLatencies[sortedLatencies.length - 1]));
        }

        java.util.Optional<String> note(String mode, int threads) {
            return emptyReceives == 0 ? java.util.Optional.empty() : java.util.Optional.of(String.format(
                    "%s/%s/%d threads: %,d empty receives were retried (counted in the cycle latency).",
                    workload.key, mode, threads, emptyReceives));
        }
    }

    // ---- raw disk baseline -------------------------------------------------------------------------------

    /**
     * 1 KiB write + fdatasync in a loop for {@code seconds}. {@code overwrite}: the same preallocated block
     * every time (data only); otherwise appending, so each sync also has to persist the new file size.
     */
    private static String fsyncBaseline(Path dir, boolean overwrite, double seconds) throws IOException {
        Path file = dir.resolve(overwrite ? "fsync-overwrite.bin" : "fsync-append.bin");
        ByteBuffer block = ByteBuffer.allocateDirect(BODY_BYTES);
        for (int i = 0; i < BODY_BYTES; i++) {
            block.put((byte) i);
        }
        List<Long> lat = new ArrayList<>();
        long ops = 0;
        long elapsed;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            if (overwrite) {
                block.flip();
                ch.write(block, 0);
                ch.force(true);
            }
            long begin = System.nanoTime();
            long end = begin + (long) (seconds * 1e9);
            long position = 0;
            while (true) {
                long t0 = System.nanoTime();
                if (t0 >= end) {
                    break;
                }
                block.clear();
                while (block.hasRemaining()) {
                    ch.write(block, overwrite ? block.position() : position + block.position());
                }
                ch.force(false);
                lat.add(System.nanoTime() - t0);
                position += BODY_BYTES;
                ops++;
            }
            elapsed = System.nanoTime() - begin;
        } finally {
            Files.deleteIfExists(file);
        }
        long[] sorted = lat.stream().mapToLong(Long::longValue).sorted().toArray();
        double rate = ops / (elapsed / 1e9);
        progress("fsync %s: %,.0f ops/s", overwrite ? "overwrite" : "append", rate);
        Result r = new Result(Workload.SEND, ops, elapsed, sorted, false, 0);
        return String.format(Locale.ROOT, "| 1 KiB %s + fdatasync (`FileChannel.force(false)`) | %,d | %.1f | %,.0f | %s | %s | %s |",
                overwrite ? "overwrite in place" : "append", ops, elapsed / 1e9, rate, micros(r.percentile(0.50)),
                micros(r.percentile(0.99)), micros(sorted.length == 0 ? 0 : sorted[sorted.length - 1]));
    }

    // ---- report ----------------------------------------------------------------------------------------

    private void printReport(Path root, List<String> baseline, List<String> rows, List<String> notes, double total)
            throws IOException {
        StringBuilder out = new StringBuilder();
        out.append("# Sluice engine benchmark\n\n");
        out.append("Machine\n\n");
        Runtime rt = Runtime.getRuntime();
        out.append("- date: ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append('\n');
        out.append("- cores (availableProcessors): ").append(rt.availableProcessors()).append('\n');
        cpuModel().ifPresent(m -> out.append("- cpu: ").append(m).append('\n'));
        totalMemory().ifPresent(m -> out.append("- memory: ").append(m).append('\n'));
        out.append("- os: ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version"))
                .append(' ').append(System.getProperty("os.arch")).append('\n');
        out.append("- java: ").append(System.getProperty("java.version")).append(" (")
                .append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.vm.version"))
                .append(", ").append(System.getProperty("java.vendor")).append(")\n");
        out.append("- jvm: max heap ").append(rt.maxMemory() >> 20).append(" MiB, GC ")
                .append(ManagementFactory.getGarbageCollectorMXBeans().stream().map(b -> b.getName()).toList())
                .append(", args ").append(ManagementFactory.getRuntimeMXBean().getInputArguments()).append('\n');
        out.append("- temp dir: ").append(root.getParent()).append(" (");
        try {
            var store = Files.getFileStore(root.getParent());
            out.append(store.type()).append(" on ").append(store.name());
        } catch (IOException e) {
            out.append("file store unknown");
        }
        out.append(")\n");
        sqliteVersion().ifPresent(v -> out.append("- sqlite: ").append(v).append('\n'));
        out.append(String.format(Locale.ROOT, "- settings: %s; whole run %.0f s%n", describeSettings(), total));
        out.append('\n');

        if (!baseline.isEmpty()) {
            out.append("Raw disk baseline (same temp dir, one thread)\n\n");
            out.append("| Loop | Ops | Seconds | Ops/s | p50 µs | p99 µs | max µs |\n");
            out.append("|---|---:|---:|---:|---:|---:|---:|\n");
            baseline.forEach(b -> out.append(b).append('\n'));
            out.append('\n');
        }
        out.append("Engine (SqsEngine called directly; 1 KiB bodies; latency = one call or one whole cycle)\n\n");
        out.append("| Workload | Storage | Threads | Messages | Seconds | Msg/s | Latency of | p50 µs | p99 µs | max µs |\n");
        out.append("|---|---|---:|---:|---:|---:|---|---:|---:|---:|\n");
        rows.forEach(r -> out.append(r).append('\n'));
        if (!notes.isEmpty()) {
            out.append('\n');
            notes.forEach(n -> out.append("- ").append(n).append('\n'));
        }
        System.out.print(out);
        System.out.flush();
    }

    private String describeSettings() {
        return String.format(Locale.ROOT, "memory %,d msgs (+%,d warm-up), durable %,d msgs (+%,d warm-up), "
                        + "maxSeconds %s per measured phase",
                messagesFor("memory"), warmupFor("memory"), messagesFor("durable"), warmupFor("durable"),
                get("maxSeconds", "30"));
    }

    static java.util.Optional<String> cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst();
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    static java.util.Optional<String> totalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return java.util.Optional.of((os.getTotalMemorySize() >> 20) + " MiB");
        }
        return java.util.Optional.empty();
    }

    private static java.util.Optional<String> sqliteVersion() {
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite::memory:");
             var s = c.createStatement();
             var rs = s.executeQuery("select sqlite_version()")) {
            rs.next();
            return java.util.Optional.of(rs.getString(1));
        } catch (java.sql.SQLException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    static String micros(long nanos) {
        double us = nanos / 1e3;
        return us >= 100 ? String.format(Locale.ROOT, "%,.0f", us) : String.format(Locale.ROOT, "%.1f", us);
    }

    private static void progress(String format, Object... args) {
        System.err.println("[bench] " + String.format(Locale.ROOT, format, args));
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
