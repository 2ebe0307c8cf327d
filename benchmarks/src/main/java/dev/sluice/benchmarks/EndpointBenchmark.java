package dev.sluice.benchmarks;

import dev.sluice.engine.EngineOptions;
import dev.sluice.server.ServerOptions;
import dev.sluice.server.SluiceServer;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The endpoint comparison: Sluice's SQS endpoint (durable, SQLite in a fresh temp dir) against an embedded
 * ElasticMQ ({@code elasticmq-rest-sqs}, in-memory), both driven by the same AWS SDK for Java v2 code: one sync
 * {@link SqsClient} per server on the Apache HTTP client (a pool larger than the largest thread count), static
 * credentials, SDK defaults otherwise (JSON protocol, MD5 checks of bodies on send and receive, standard retries).
 *
 * <p><b>Each server runs in its own child JVM</b> (this class's {@link ServerProcess}, same classpath, same JVM
 * flags), and this JVM only runs the client. In one JVM the client, Sluice, ElasticMQ and their garbage would
 * share one heap, one GC and one JIT, and whichever server ran first would leave its garbage and compiled code to
 * the other; separate processes keep the two servers from taxing each other, let the report give each server's own
 * CPU time per message (from {@link ProcessHandle.Info#totalCpuDuration()}), and let a profiler attach to one
 * server alone. On a 2-core machine the client and the server under test still share the cores, equally for both
 * servers. Both servers stay up for the whole run; the one not being measured is idle. Rows are interleaved
 * (Sluice then ElasticMQ for each workload and thread count) so drifting background load hits both alike.
 *
 * <p>Workloads, 1 KiB bodies, each with 1 and 4 threads sharing one client and one queue per run:
 * <ul>
 *   <li>{@code send}: SendMessage, one message per call; latency is the call.</li>
 *   <li>{@code batch}: SendMessageBatch of 10; latency is the call.</li>
 *   <li>{@code receive}: ReceiveMessage (max 10, no wait) then DeleteMessageBatch of what it got; latency is the
 *       pair. The queue is filled beforehand (SendMessageBatch from 4 threads, not measured) with enough for the
 *       warm-up and the measured phase; msgs/s counts deleted messages.</li>
 * </ul>
 * Every run gets its own queue (deleted afterwards), a warm-up of the same workload on it, then a measured phase
 * timed with {@link System#nanoTime()} around every call.
 *
 * <p>Settings, as {@code key=value} arguments or {@code -Dbench.key=value} system properties (arguments win):
 * <pre>
 *   servers=sluice,elasticmq   which servers: sluice (durable), sluice-memory, elasticmq (a ratio needs elasticmq),
 *                              ceiling ({@link CeilingServer}: no work at all, the bound of every server's ratio)
 *   threads=1,4                thread counts
 *   workloads=send,batch,receive
 *   messages=N                 measured messages per run, all workloads (defaults: send 10000, batch and receive 50000)
 *   send.messages=N            ... for one workload (likewise batch.messages, receive.messages)
 *   warmup=N                   warm-up messages per run (default: a fifth of the measured count, at least 1000)
 *   maxSeconds=S               cap on one measured phase; a capped run reports what it did (default 30)
 *   serverJvmArgs="..."        JVM flags of both server JVMs (default: -Xms2g -Xmx2g)
 *   sluice.jvmArgs="..."       extra flags for one server JVM (likewise elasticmq.jvmArgs)
 *   jfr=DIR                    record both server JVMs with JFR (settings=profile) into DIR/&lt;server&gt;.jfr
 *   dir=PATH                   parent of the temp dir (default java.io.tmpdir)
 *   keep=true                  keep the temp dir (Sluice's data)
 * </pre>
 * Results go to stdout as Markdown; progress (and the server JVMs' own output) to stderr.
 */
public final class EndpointBenchmark {

    static final int BODY_BYTES = EngineBenchmark.BODY_BYTES;
    static final int BATCH = 10;
    static final String ELASTICMQ_VERSION = "1.6.16";

    private final Map<String, String> settings;
    private final String body;

    private EndpointBenchmark(Map<String, String> settings) {
        this.settings = settings;
        this.body = BenchSettings.body(BODY_BYTES);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> settings = BenchSettings.parse(args, "messages=20000 threads=1,4");
        BenchSettings.quietLogging();
        new EndpointBenchmark(settings).run();
    }

    // ---- settings --------------------------------------------------------------------------------------

    private String get(String key, String fallback) {
        return BenchSettings.get(settings, key, fallback);
    }

    private List<String> list(String key, String fallback) {
        return BenchSettings.list(settings, key, fallback);
    }

    private int messagesFor(Workload w) {
        return Integer.parseInt(get(w.key + ".messages", get("messages", w == Workload.SEND ? "10000" : "50000")));
    }

    private int warmupFor(Workload w) {
        return Integer.parseInt(get(w.key + ".warmup", get("warmup",
                String.valueOf(Math.max(1000, messagesFor(w) / 5)))));
    }

    private static List<String> words(String s) {
        return s == null || s.isBlank() ? List.of() : List.of(s.trim().split("\\s+"));
    }

    // ---- the run ---------------------------------------------------------------------------------------

    enum Server {
        SLUICE("sluice", "Sluice (durable)"),
        SLUICE_MEMORY("sluice-memory", "Sluice (memory)"),
        ELASTICMQ("elasticmq", "ElasticMQ " + ELASTICMQ_VERSION + " (in-memory)"),
        CEILING("ceiling", "No server work (canned answers)");

        final String key;
        final String label;

        Server(String key, String label) {
            this.key = key;
            this.label = label;
        }

        static Server parse(String s) {
            for (Server v : values()) {
                if (v.key.equals(s)) {
                    return v;
                }
            }
            throw new IllegalArgumentException("unknown server " + s + " (sluice, sluice-memory, elasticmq, ceiling)");
        }
    }

    enum Workload {
        SEND("send", "SendMessage", "the call", 1),
        BATCH("batch", "SendMessageBatch(10)", "the call", EndpointBenchmark.BATCH),
        RECEIVE("receive", "ReceiveMessage(10) + DeleteMessageBatch", "receive + delete", EndpointBenchmark.BATCH);

        final String key;
        final String label;
        final String latencyOf;
        final int messagesPerOp;

        Workload(String key, String label, String latencyOf, int messagesPerOp) {
            this.key = key;
            this.label = label;
            this.latencyOf = latencyOf;
            this.messagesPerOp = messagesPerOp;
        }

        static Workload parse(String s) {
            for (Workload w : values()) {
                if (w.key.equals(s)) {
                    return w;
                }
            }
            throw new IllegalArgumentException("unknown workload " + s + " (send, batch, receive)");
        }
    }

    private void run() throws Exception {
        List<Server> servers = list("servers", "sluice,elasticmq").stream().map(Server::parse).toList();
        List<Integer> threadCounts = list("threads", "1,4").stream().map(Integer::parseInt).toList();
        List<Workload> workloads = list("workloads", "send,batch,receive").stream().map(Workload::parse).toList();
        double maxSeconds = Double.parseDouble(get("maxSeconds", "30"));
        boolean keep = Boolean.parseBoolean(get("keep", "false"));
        int maxThreads = threadCounts.stream().mapToInt(Integer::intValue).max().orElse(1);
        Path parent = Path.of(get("dir", System.getProperty("java.io.tmpdir")));
        Files.createDirectories(parent);
        Path root = Files.createTempDirectory(parent, "sluice-endpoint-bench-");
        long started = System.nanoTime();
        String load = loadAverage();

        Map<Server, ServerChild> children = new LinkedHashMap<>();
        Map<Server, SqsClient> clients = new LinkedHashMap<>();
        List<Result> results = new ArrayList<>();
        try {
            for (Server s : servers) {
                ServerChild child = ServerChild.start(s, root, serverJvmArgs(s));
                children.put(s, child);
                clients.put(s, client(child.endpoint, maxThreads));
                progress("%s at %s (pid %d)", s.label, child.endpoint, child.process.pid());
            }
            int runNo = 0;
            for (Workload w : workloads) {
                for (int threads : threadCounts) {
                    for (Server s : servers) {
                        runNo++;
                        String queue = "bench-" + runNo + "-" + w.key + "-t" + threads;
                        System.gc();
                        try {
                            results.add(runOne(s, clients.get(s), children.get(s), queue, w, threads,
                                    warmupFor(w), messagesFor(w), maxSeconds));
                        } catch (Exception | Error e) {
                            e.printStackTrace();
                            results.add(Result.failed(s, w, threads, e));
                        }
                    }
                }
            }
        } finally {
            clients.values().forEach(SqsClient::close);
            children.values().forEach(ServerChild::close);
            if (!keep) {
                EngineBenchmark.deleteTree(root);
            } else {
                progress("kept %s", root);
            }
        }
        double total = (System.nanoTime() - started) / 1e9;
        printReport(root, servers, threadCounts, workloads, results, total, load);
    }

    private List<String> serverJvmArgs(Server s) {
        List<String> args = new ArrayList<>(words(get("serverJvmArgs", "-Xms2g -Xmx2g")));
        args.addAll(words(get(s.key + ".jvmArgs", "")));
        String jfr = get("jfr", "");
        if (!jfr.isBlank()) {
            Path file = Path.of(jfr).toAbsolutePath().resolve(s.key + ".jfr");
            args.add("-XX:StartFlightRecording=filename=" + file + ",settings=profile,dumponexit=true");
        }
        return args;
    }

    private static SqsClient client(String endpoint, int maxThreads) {
        return SqsClient.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(maxThreads + 4))
                .overrideConfiguration(c -> c.apiCallTimeout(Duration.ofSeconds(60)))
                .build();
    }

    private Result runOne(Server server, SqsClient sqs, ServerChild child, String queue, Workload w, int threads,
                          int warmup, int messages, double maxSeconds) throws Exception {
        progress("%s: %s, %d thread(s), %,d messages (+%,d warm-up)", server.label, w.key, threads, messages, warmup);
        String url = sqs.createQueue(b -> b.queueName(queue)).queueUrl();
        try {
            if (w == Workload.RECEIVE) {
                // Enough for both phases plus what a phase can overshoot (each thread stops after a whole receive).
                fill(sqs, url, warmup + messages + 2 * threads * BATCH);
            }
            phase(sqs, url, w, threads, warmup, Double.POSITIVE_INFINITY);
            long serverCpu0 = child.cpuNanos();
            long clientCpu0 = clientCpuNanos();
            Measured m = phase(sqs, url, w, threads, messages, maxSeconds);
            long serverCpu = child.cpuNanos() - serverCpu0;
            long clientCpu = clientCpuNanos() - clientCpu0;
            Result r = new Result(server, w, threads, m, serverCpu, clientCpu, null);
            progress("  %,.0f msgs/s, p50 %s µs, p99 %s µs", r.messagesPerSecond(), EngineBenchmark.micros(m.percentile(0.5)),
                    EngineBenchmark.micros(m.percentile(0.99)));
            return r;
        } finally {
            sqs.deleteQueue(b -> b.queueUrl(url));
        }
    }

    /** Fills the queue for the receive workload: SendMessageBatch from 4 threads, not measured. */
    private void fill(SqsClient sqs, String url, int messages) throws Exception {
        int batches = (messages + BATCH - 1) / BATCH;
        int fillers = 4;
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int t = 0; t < fillers; t++) {
            int mine = batches / fillers + (t < batches % fillers ? 1 : 0);
            Thread th = new Thread(() -> {
                try {
                    SendMessageBatchRequest req = sendBatchRequest(url);
                    for (int i = 0; i < mine; i++) {
                        checkSent(sqs.sendMessageBatch(req));
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }, "bench-fill");
            th.start();
            threads.add(th);
        }
        for (Thread th : threads) {
            th.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("filling the queue failed", failures.get(0));
        }
    }

    private SendMessageBatchRequest sendBatchRequest(String url) {
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            entries.add(SendMessageBatchRequestEntry.builder().id("m" + i).messageBody(body).build());
        }
        return SendMessageBatchRequest.builder().queueUrl(url).entries(entries).build();
    }

    private static void checkSent(SendMessageBatchResponse r) {
        if (r.hasFailed() && !r.failed().isEmpty()) {
            throw new IllegalStateException("SendMessageBatch failed: " + r.failed());
        }
    }

    /** One phase: {@code messages} messages' worth of the workload over {@code threads} threads. */
    private Measured phase(SqsClient sqs, String url, Workload w, int threads, int messages, double maxSeconds)
            throws Exception {
        int opsTotal = Math.max(threads, messages / w.messagesPerOp);
        long maxNanos = (long) (maxSeconds * 1e9); // saturates at Long.MAX_VALUE
        CyclicBarrier start = new CyclicBarrier(threads + 1);
        AtomicLong remaining = new AtomicLong(messages); // receive: messages still to delete
        AtomicLong emptyReceives = new AtomicLong();
        Worker[] workers = new Worker[threads];
        for (int t = 0; t < threads; t++) {
            int ops = opsTotal / threads + (t < opsTotal % threads ? 1 : 0);
            workers[t] = new Worker(sqs, url, w, ops, start, maxNanos, remaining, emptyReceives);
            workers[t].thread.start();
        }
        start.await();
        long begin = System.nanoTime();
        for (Worker worker : workers) {
            worker.thread.join();
        }
        long elapsed = System.nanoTime() - begin;
        long done = 0;
        int calls = 0;
        boolean capped = false;
        for (Worker worker : workers) {
            if (worker.failure != null) {
                throw new IllegalStateException("worker failed", worker.failure);
            }
            done += worker.messages;
            calls += worker.done;
            capped |= worker.capped;
        }
        long[] all = new long[calls];
        int at = 0;
        for (Worker worker : workers) {
            System.arraycopy(worker.latencies, 0, all, at, worker.done);
            at += worker.done;
        }
        Arrays.sort(all);
        return new Measured(done, elapsed, all, capped, emptyReceives.get());
    }

    private final class Worker implements Runnable {
        final SqsClient sqs;
        final String url;
        final Workload workload;
        final CyclicBarrier start;
        final long maxNanos;
        final AtomicLong remaining;
        final AtomicLong emptyReceives;
        final Thread thread;
        long[] latencies;
        int ops;
        int done;
        long messages;
        boolean capped;
        volatile Throwable failure;

        Worker(SqsClient sqs, String url, Workload workload, int ops, CyclicBarrier start, long maxNanos,
               AtomicLong remaining, AtomicLong emptyReceives) {
            this.sqs = sqs;
            this.url = url;
            this.workload = workload;
            this.ops = ops;
            this.latencies = new long[workload == Workload.RECEIVE ? 1024 : ops];
            this.start = start;
            this.maxNanos = maxNanos;
            this.remaining = remaining;
            this.emptyReceives = emptyReceives;
            this.thread = new Thread(this, "bench-worker");
        }

        @Override
        public void run() {
            try {
                SendMessageRequest send = SendMessageRequest.builder().queueUrl(url).messageBody(body).build();
                SendMessageBatchRequest sendBatch = sendBatchRequest(url);
                ReceiveMessageRequest receive = ReceiveMessageRequest.builder().queueUrl(url)
                        .maxNumberOfMessages(BATCH).waitTimeSeconds(0).build();
                start.await();
                long begin = System.nanoTime();
                long lastGot = begin;
                while (workload == Workload.RECEIVE ? remaining.get() > 0 : done < ops) {
                    long t0 = System.nanoTime();
                    if (t0 - begin > maxNanos) {
                        capped = true;
                        break;
                    }
                    int n;
                    switch (workload) {
                        case SEND -> {
                            sqs.sendMessage(send);
                            n = 1;
                        }
                        case BATCH -> {
                            checkSent(sqs.sendMessageBatch(sendBatch));
                            n = BATCH;
                        }
                        default -> n = receiveAndDelete(receive);
                    }
                    long t1 = System.nanoTime();
                    if (n == 0) {
                        emptyReceives.incrementAndGet();
                        if (t1 - lastGot > 5_000_000_000L) {
                            throw new IllegalStateException("the queue stayed empty for 5 s with "
                                    + remaining.get() + " messages still to receive");
                        }
                        continue; // an empty receive is not a measured call
                    }
                    lastGot = t1;
                    if (done == latencies.length) {
                        latencies = Arrays.copyOf(latencies, latencies.length * 2);
                    }
                    latencies[done++] = t1 - t0;
                    messages += n;
                    if (workload == Workload.RECEIVE) {
                        remaining.addAndGet(-n);
                    }
                }
            } catch (Throwable e) {
                failure = e;
            }
        }

        private int receiveAndDelete(ReceiveMessageRequest receive) {
            List<Message> got = sqs.receiveMessage(receive).messages();
            if (got.isEmpty()) {
                return 0;
            }
            List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>(got.size());
            for (int i = 0; i < got.size(); i++) {
                entries.add(DeleteMessageBatchRequestEntry.builder().id("d" + i)
                        .receiptHandle(got.get(i).receiptHandle()).build());
            }
            DeleteMessageBatchResponse deleted = sqs.deleteMessageBatch(b -> b.queueUrl(url).entries(entries));
            if (deleted.hasFailed() && !deleted.failed().isEmpty()) {
                throw new IllegalStateException("DeleteMessageBatch failed: " + deleted.failed());
            }
            return got.size();
        }
    }

    record Measured(long messages, long elapsedNanos, long[] sortedLatencies, boolean capped, long emptyReceives) {
        long percentile(double p) {
            if (sortedLatencies.length == 0) {
                return 0;
            }
            int rank = (int) Math.ceil(p * sortedLatencies.length);
            return sortedLatencies[Math.min(sortedLatencies.length, Math.max(1, rank)) - 1];
        }

        long max() {
            return sortedLatencies.length == 0 ? 0 : sortedLatencies[sortedLatencies.length - 1];
        }
    }

    record Result(Server server, Workload workload, int threads, Measured m, long serverCpuNanos, long clientCpuNanos,
                  String failure) {

        static Result failed(Server s, Workload w, int threads, Throwable e) {
            return new Result(s, w, threads, null, 0, 0, String.valueOf(e).replace('|', '/'));
        }

        double messagesPerSecond() {
            return m == null ? 0 : m.messages / (m.elapsedNanos / 1e9);
        }

        String detailRow() {
            if (failure != null) {
                return String.format("| %s | %s | %d | FAILED: %s | | | | | | | | |", workload.key, server.label,
                        threads, failure);
            }
            return String.format(Locale.ROOT, "| %s | %s | %d | %,d%s | %.1f | %,.0f | %s | %s | %s | %,.0f | %,.0f | %s |",
                    workload.key, server.label, threads, m.messages, m.capped ? " (capped)" : "", m.elapsedNanos / 1e9,
                    messagesPerSecond(), EngineBenchmark.micros(m.percentile(0.50)),
                    EngineBenchmark.micros(m.percentile(0.99)), EngineBenchmark.micros(m.max()),
                    serverCpuNanos / 1e3 / Math.max(1, m.messages), clientCpuNanos / 1e3 / Math.max(1, m.messages),
                    m.emptyReceives == 0 ? "" : String.format(Locale.ROOT, "%,d", m.emptyReceives));
        }
    }

    // ---- the server JVMs -------------------------------------------------------------------------------

    /** A server in a child JVM: started with this JVM's classpath, stopped by closing its stdin. */
    static final class ServerChild implements AutoCloseable {
        final Server server;
        final Process process;
        final String endpoint;

        private ServerChild(Server server, Process process, String endpoint) {
            this.server = server;
            this.process = process;
            this.endpoint = endpoint;
        }

        static ServerChild start(Server server, Path root, List<String> jvmArgs) throws Exception {
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.addAll(jvmArgs);
            cmd.add("-cp");
            cmd.add(System.getProperty("java.class.path"));
            cmd.add(ServerProcess.class.getName());
            cmd.add(server.key);
            cmd.add(root.resolve(server.key + "-data").toString());
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            CompletableFuture<String> endpoint = new CompletableFuture<>();
            Thread pump = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        if (line.startsWith(ServerProcess.READY) && !endpoint.isDone()) {
                            endpoint.complete(line.substring(ServerProcess.READY.length()).trim());
                        } else {
                            System.err.println("[" + server.key + "] " + line);
                        }
                    }
                } catch (IOException e) {
                    // the child is gone
                } finally {
                    endpoint.completeExceptionally(new IllegalStateException(server.key + " exited before it was ready"));
                }
            }, "bench-" + server.key + "-stdout");
            pump.setDaemon(true);
            pump.start();
            try {
                return new ServerChild(server, p, endpoint.get(120, TimeUnit.SECONDS));
            } catch (Exception e) {
                p.destroyForcibly();
                throw e;
            }
        }

        /** CPU time of the whole server process so far (Linux: /proc, clock-tick resolution). */
        long cpuNanos() {
            return process.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
        }

        @Override
        public void close() {
            try {
                process.getOutputStream().close();
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    progress("%s did not stop in 60 s; killing it", server.key);
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (IOException e) {
                process.destroyForcibly();
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * The child JVM's main: {@code sluice|elasticmq DATA_DIR}. Prints {@code READY <endpoint>} on stdout once it
     * serves, then serves until its stdin is closed (the parent closes it, or dies).
     */
    public static final class ServerProcess {
        static final String READY = "READY ";

        private ServerProcess() {
        }

        public static void main(String[] args) throws Exception {
            Logger.getLogger("").setLevel(Level.WARNING);
            Arrays.stream(Logger.getLogger("").getHandlers()).forEach(h -> h.setLevel(Level.WARNING));
            AutoCloseable stop;
            String endpoint;
            switch (args[0]) {
                case "sluice" -> {
                    Path data = Path.of(args[1]);
                    Files.createDirectories(data);
                    SluiceServer server = SluiceServer.start(ServerOptions.defaults().withPort(0).withDataDir(data));
                    endpoint = server.endpointUrl();
                    stop = server;
                }
                case "sluice-memory" -> {
                    SluiceServer server = SluiceServer.start(ServerOptions.defaults().withPort(0)
                            .withStorage(EngineOptions.Storage.MEMORY));
                    endpoint = server.endpointUrl();
                    stop = server;
                }
                case "ceiling" -> {
                    CeilingServer server = CeilingServer.start(BenchSettings.body(BODY_BYTES));
                    endpoint = server.endpoint();
                    stop = server;
                }
                case "elasticmq" -> {
                    SQSRestServer server = SQSRestServerBuilder.withInterface("127.0.0.1").withPort(0).start();
                    int port = server.waitUntilStarted().localAddress().getPort();
                    endpoint = "http://127.0.0.1:" + port;
                    stop = server::stopAndWait;
                }
                default -> throw new IllegalArgumentException("unknown server " + args[0]);
            }
            System.out.println(READY + endpoint);
            System.out.flush();
            while (System.in.read() >= 0) {
                // serve until the parent closes our stdin
            }
            stop.close();
            System.exit(0);
        }
    }

    // ---- report ----------------------------------------------------------------------------------------

    private static long clientCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + ", " + f[1] + ", " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private void printReport(Path root, List<Server> servers, List<Integer> threadCounts, List<Workload> workloads,
                             List<Result> results, double total, String loadBefore) throws IOException {
        StringBuilder out = new StringBuilder();
        out.append("# Sluice endpoint vs. ElasticMQ\n\n");
        out.append("Machine\n\n");
        Runtime rt = Runtime.getRuntime();
        out.append("- date: ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append('\n');
        out.append("- cores (availableProcessors): ").append(rt.availableProcessors()).append('\n');
        EngineBenchmark.cpuModel().ifPresent(m -> out.append("- cpu: ").append(m).append('\n'));
        EngineBenchmark.totalMemory().ifPresent(m -> out.append("- memory: ").append(m).append('\n'));
        out.append("- load average (1, 5, 15 min): before ").append(loadBefore).append(", after ")
                .append(loadAverage()).append('\n');
        out.append("- os: ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version"))
                .append(' ').append(System.getProperty("os.arch")).append('\n');
        out.append("- java: ").append(System.getProperty("java.version")).append(" (")
                .append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.vm.version"))
                .append(")\n");
        out.append("- client JVM: max heap ").append(rt.maxMemory() >> 20).append(" MiB, args ")
                .append(ManagementFactory.getRuntimeMXBean().getInputArguments()).append("; AWS SDK for Java ")
                .append(software.amazon.awssdk.core.util.VersionInfo.SDK_VERSION)
                .append(", sync SqsClient on the Apache HTTP client\n");
        for (Server s : servers) {
            out.append("- server JVM ").append(s.label).append(": ").append(serverJvmArgs(s)).append('\n');
        }
        out.append("- Sluice data: ").append(root.getParent()).append(" (");
        try {
            var store = Files.getFileStore(root.getParent());
            out.append(store.type()).append(" on ").append(store.name());
        } catch (IOException e) {
            out.append("file store unknown");
        }
        out.append(")\n");
        out.append(String.format(Locale.ROOT, "- settings: %s; maxSeconds %s per measured phase; whole run %.0f s%n",
                describeSettings(workloads), get("maxSeconds", "30"), total));
        out.append('\n');

        if (servers.contains(Server.ELASTICMQ)) {
            for (Server sluice : servers) {
                if (sluice != Server.ELASTICMQ) {
                    comparison(out, sluice, threadCounts, workloads, results);
                }
            }
        }
        out.append("Every run (CPU µs/msg: the server process's and the client JVM's CPU time in the measured phase, "
                + "per message)\n\n");
        out.append("| Workload | Server | Threads | Messages | Seconds | Msg/s | p50 µs | p99 µs | max µs "
                + "| Server CPU µs/msg | Client CPU µs/msg | Empty receives |\n");
        out.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        results.forEach(r -> out.append(r.detailRow()).append('\n'));
        System.out.print(out);
        System.out.flush();
    }

    private static void comparison(StringBuilder out, Server sluice, List<Integer> threadCounts,
                                   List<Workload> workloads, List<Result> results) {
        out.append(sluice.label).append(" vs. ElasticMQ (1 KiB bodies; latency per call, for receive per receive + "
                + "delete pair)\n\n");
        out.append("| Workload | Threads | " + sluice.label + " msg/s | ElasticMQ msg/s | ratio | " + sluice.label
                + " p50 / p99 µs | ElasticMQ p50 / p99 µs |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (Workload w : workloads) {
            for (int threads : threadCounts) {
                Result a = find(results, sluice, w, threads);
                Result b = find(results, Server.ELASTICMQ, w, threads);
                out.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %s |%n", w.label, threads,
                        rate(a), rate(b),
                        a.failure == null && b.failure == null && b.messagesPerSecond() > 0
                                ? String.format(Locale.ROOT, "%.2f×", a.messagesPerSecond() / b.messagesPerSecond())
                                : "—",
                        latencies(a), latencies(b)));
            }
        }
        out.append('\n');
    }

    private static Result find(List<Result> results, Server s, Workload w, int threads) {
        return results.stream().filter(r -> r.server == s && r.workload == w && r.threads == threads).findFirst()
                .orElseThrow();
    }

    private static String rate(Result r) {
        return r.failure != null ? "FAILED" : String.format(Locale.ROOT, "%,.0f%s", r.messagesPerSecond(),
                r.m.capped ? " (capped)" : "");
    }

    private static String latencies(Result r) {
        return r.failure != null ? "—" : EngineBenchmark.micros(r.m.percentile(0.50)) + " / "
                + EngineBenchmark.micros(r.m.percentile(0.99));
    }

    private String describeSettings(List<Workload> workloads) {
        List<String> parts = new ArrayList<>();
        for (Workload w : workloads) {
            parts.add(String.format(Locale.ROOT, "%s %,d msgs (+%,d warm-up)", w.key, messagesFor(w), warmupFor(w)));
        }
        return String.join(", ", parts);
    }

    static void progress(String format, Object... args) {
        System.err.println("[bench] " + String.format(Locale.ROOT, format, args));
    }
}
