package dev.sluice.benchmarks;

import dev.sluice.jms.SluiceConnectionFactory;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.io.aio.AIOSequentialFileFactory;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Jakarta Messaging throughput and end-to-end latency: one piece of {@code jakarta.jms} code drives every peer,
 * where a peer is a {@link ConnectionFactory} plus its setup and teardown:
 * <ul>
 *   <li>{@code sluice-durable}: {@code sluice:embedded?dataDir=<fresh temp dir>} (SQLite, group commit);</li>
 *   <li>{@code sluice-memory}: {@code sluice:embedded?storage=memory}. Sent PERSISTENT like the durable peer:
 *       a Sluice send is synchronous either way, the delivery mode changes nothing there;</li>
 *   <li>{@code artemis-default}: EmbeddedActiveMQ, persistence on, journal (AIO if libaio is usable, else NIO)
 *       in a temp dir, every journal setting at its default (NIO buffer timeout 3,333,333 ns);</li>
 *   <li>{@code artemis-tuned}: the same with {@code journalBufferTimeout} set to the disk's mean 1 KiB
 *       write+fdatasync latency measured first in the same temp dir (what {@code artemis create} calibrates);</li>
 *   <li>{@code artemis-nonpersistent}: persistence disabled, NON_PERSISTENT sends (the Artemis client does
 *       not block on those by default);</li>
 *   <li>{@code sqs-sluice}, {@code sqs-elasticmq} (not in the default list): the provider's SQS backend
 *       ({@code sluice:sqs?endpoint=…}) against Sluice's server (durable) or ElasticMQ (in-memory), each in a
 *       child JVM; {@code sqs.prefetch=N} sets the backend's prefetch (default 1).</li>
 * </ul>
 * Artemis is reached through its in-VM connector ({@code vm://0}), so no peer pays for a network.
 *
 * <p>Scenarios, all on 1 KiB TextMessages, each connection with one session (producers and consumers on
 * separate connections), latency = consumer's receive returned − producer's {@code System.nanoTime()} just
 * before {@code send} (a long property; one JVM, so one clock):
 * <ul>
 *   <li>{@code 1x1}, {@code 4x4}: P producers sending synchronously (AUTO_ACKNOWLEDGE sessions) as fast as
 *       they can for {@code seconds}, C consumers {@code receive(timeout)}ing until every sent message arrived.
 *       At most {@code inFlight} messages may be sent and not yet received (a semaphore), so a consumer slower
 *       than its producer shows up as lower throughput, not as an ever-growing queue and unbounded latency;</li>
 *   <li>{@code tx}: the same with transacted sessions, producers and consumers committing every
 *       {@code txBatch} messages ({@code txProducers} × {@code txConsumers}, default 4 × 4). Latency includes
 *       the wait for the producer's commit;</li>
 *   <li>{@code topic1x4}: one producer publishing to a topic with four durable subscribers, each consumer on
 *       its own connection with a client id; received and msgs/s count deliveries (4 per publish), and the
 *       in-flight window is in deliveries. Opt-in (not in the default scenario list);</li>
 *   <li>{@code drain1}, {@code drain4}: {@code drainMessages} pre-loaded (4 transacted producers, commit every
 *       100, not measured), then consumed by 1 or 4 AUTO_ACKNOWLEDGE consumers; msgs/s only.</li>
 * </ul>
 * Msgs/s = messages received / (first send … last receipt). Each peer first runs every flow scenario for
 * {@code warmupSeconds} unmeasured. Every scenario uses a fresh queue.
 *
 * <p>Settings as {@code key=value} arguments or {@code -Dbench.key=value} (arguments win):
 * <pre>
 *   peers=sluice-durable,sluice-memory,artemis-default,artemis-tuned,artemis-nonpersistent
 *   scenarios=1x1,4x4,tx,drain1,drain4   (also: topic1x4)
 *   seconds=20            measured sending time of a flow scenario
 *   warmupSeconds=4       per flow scenario per peer, 0 to skip
 *   inFlight=1000         max sent-not-yet-received messages, 0 for unbounded
 *   txBatch=10  txProducers=4  txConsumers=4
 *   drainMessages=200000  drainSeconds=30 (cap on one drain)
 *   fsyncSeconds=3        the disk calibration
 *   ceilingSeconds=2      per design of the disk's ceiling for four synchronous writers ({@link DiskCeiling}), 0 to skip
 *   sqs.prefetch=1        prefetch of the sqs-* peers;  serverJvmArgs="-Xms1g -Xmx1g"  their server JVMs
 *   journalBufferTimeout=NS   use this instead of the measured value for artemis-tuned
 *   dir=PATH              parent of the temp dir (default java.io.tmpdir)
 * </pre>
 * Markdown report on stdout, progress on stderr.
 */
public final class JmsBenchmark {

    static final int BODY_BYTES = 1024;
    /** The producers of the 4+4 scenario. */
    private static final int CEILING_WRITERS = 4;
    static final String SENT = "benchSentNanos";
    /** A consumer's receive timeout, only so it can notice that the scenario is over. */
    static final long POLL_MILLIS = 100;

    private final Map<String, String> settings;
    private final String body;

    private JmsBenchmark(Map<String, String> settings) {
        this.settings = settings;
        this.body = BenchSettings.body(BODY_BYTES);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> settings = BenchSettings.parse(args, "seconds=20 peers=sluice-durable");
        BenchSettings.quietLogging();
        new JmsBenchmark(settings).run();
        System.exit(0); // Artemis leaves non-daemon threads behind now and then
    }

    private String get(String key, String fallback) {
        return BenchSettings.get(settings, key, fallback);
    }

    private List<String> list(String key, String fallback) {
        return BenchSettings.list(settings, key, fallback);
    }

    // ---- peers -----------------------------------------------------------------------------------------

    /** A connection factory plus what it takes to start and stop what is behind it. */
    interface Peer {
        String name();

        ConnectionFactory factory();

        int deliveryMode();

        String describe();

        /** Stops what {@link #factory()} talks to and deletes its files. */
        void close() throws Exception;
    }

    private static final class SluicePeer implements Peer {
        final String name;
        final String url;
        final Path dir;
        final SluiceConnectionFactory factory;
        /** Keeps the engine open between scenarios (the registry closes it with its last connection). */
        final Connection keepAlive;

        SluicePeer(String name, String url, Path dir) throws JMSException {
            this.name = name;
            this.url = url;
            this.dir = dir;
            this.factory = new SluiceConnectionFactory(url);
            this.keepAlive = factory.createConnection();
        }

        public String name() {
            return name;
        }

        public ConnectionFactory factory() {
            return factory;
        }

        public int deliveryMode() {
            return DeliveryMode.PERSISTENT;
        }

        public String describe() {
            return "`" + url + "`, PERSISTENT sends";
        }

        public void close() throws Exception {
            keepAlive.close();
            if (dir != null) {
                EngineBenchmark.deleteTree(dir);
            }
        }
    }

    private static final AtomicInteger ARTEMIS_IDS = new AtomicInteger();

    private static final class ArtemisPeer implements Peer {
        final String name;
        final Path dir;
        final EmbeddedActiveMQ server;
        final ActiveMQConnectionFactory factory;
        final boolean persistent;
        final String description;

        /** {@code bufferTimeoutNanos} < 0: the default. */
        ArtemisPeer(String name, Path dir, boolean persistent, int bufferTimeoutNanos) throws Exception {
            this.name = name;
            this.dir = dir;
            this.persistent = persistent;
            Files.createDirectories(dir);
            boolean aio = persistent && AIOSequentialFileFactory.isSupported(dir.toFile());
            ConfigurationImpl config = new ConfigurationImpl();
            config.setName("bench-" + ARTEMIS_IDS.incrementAndGet())
                    .setPersistenceEnabled(persistent)
                    .setSecurityEnabled(false)
                    .setJMXManagementEnabled(false)
                    .setJournalType(aio ? JournalType.ASYNCIO : JournalType.NIO)
                    .setJournalDirectory(dir.resolve("journal").toString())
                    .setBindingsDirectory(dir.resolve("bindings").toString())
                    .setLargeMessagesDirectory(dir.resolve("large").toString())
                    .setPagingDirectory(dir.resolve("paging").toString())
                    .addAcceptorConfiguration("in-vm", "vm://0");
            if (bufferTimeoutNanos >= 0) {
                config.setJournalBufferTimeout_NIO(bufferTimeoutNanos);
                config.setJournalBufferTimeout_AIO(bufferTimeoutNanos);
            }
            config.addAddressSetting("#", new AddressSettings()
                    .setAutoCreateQueues(true)
                    .setAutoCreateAddresses(true)
                    .setAutoDeleteQueues(false)
                    .setAutoDeleteAddresses(false));
            Configuration c = config;
            server = new EmbeddedActiveMQ();
            server.setConfiguration(c);
            server.start();
            factory = new ActiveMQConnectionFactory("vm://0");
            int timeout = aio ? config.getJournalBufferTimeout_AIO() : config.getJournalBufferTimeout_NIO();
            description = !persistent ? "EmbeddedActiveMQ, persistence disabled, NON_PERSISTENT sends (not blocking)"
                    : String.format(Locale.ROOT, "EmbeddedActiveMQ, %s journal, journalBufferTimeout %,d ns%s, "
                                    + "PERSISTENT sends (blockOnDurableSend)", aio ? "AIO" : "NIO (no libaio)", timeout,
                            bufferTimeoutNanos >= 0 ? " (tuned)" : " (default)");
        }

        public String name() {
            return name;
        }

        public ConnectionFactory factory() {
            return factory;
        }

        public int deliveryMode() {
            return persistent ? DeliveryMode.PERSISTENT : DeliveryMode.NON_PERSISTENT;
        }

        public String describe() {
            return description;
        }

        public void close() throws Exception {
            factory.close();
            server.stop();
            EngineBenchmark.deleteTree(dir);
        }
    }

    /**
     * The provider's SQS backend ({@code sluice:sqs?endpoint=…}) against an SQS server in a child JVM (Sluice's
     * server, durable, or ElasticMQ, in-memory; started as EndpointBenchmark starts them), so the server's CPU and
     * garbage are not this JVM's. Every JMS operation is an HTTP call: PERSISTENT sends like the Sluice peers.
     */
    private static final class SqsPeer implements Peer {
        final String name;
        final EndpointBenchmark.ServerChild server;
        final String url;
        final SluiceConnectionFactory factory;
        final List<String> jvmArgs;

        SqsPeer(String name, EndpointBenchmark.Server server, Path root, List<String> jvmArgs, String extra)
                throws Exception {
            this.name = name;
            this.jvmArgs = jvmArgs;
            this.server = EndpointBenchmark.ServerChild.start(server, root, jvmArgs);
            this.url = "sluice:sqs?endpoint=" + this.server.endpoint + "&region=us-east-1" + extra;
            this.factory = new SluiceConnectionFactory(url);
        }

        public String name() {
            return name;
        }

        public ConnectionFactory factory() {
            return factory;
        }

        public int deliveryMode() {
            return DeliveryMode.PERSISTENT;
        }

        public String describe() {
            return "`" + url + "` → " + server.server.label + " in a child JVM (" + String.join(" ", jvmArgs)
                    + "), AWS SDK v2 with the url-connection client";
        }

        public void close() {
            server.close();
        }
    }

    private Peer openPeer(String key, Path root, int tunedTimeout) throws Exception {
        Path dir = root.resolve(key);
        // sqs.prefetch=N: the SQS peers' prefetch setting (default 1, the provider's default)
        String sqsExtra = "&prefetch=" + get("sqs.prefetch", "1");
        // serverJvmArgs: the SQS servers' child JVMs, as in EndpointBenchmark
        List<String> serverJvm = List.of(get("serverJvmArgs", "-Xms1g -Xmx1g").trim().split("\\s+"));
        return switch (key) {
            case "sqs-sluice" -> new SqsPeer(key, EndpointBenchmark.Server.SLUICE, root, serverJvm, sqsExtra);
            case "sqs-elasticmq" -> new SqsPeer(key, EndpointBenchmark.Server.ELASTICMQ, root, serverJvm, sqsExtra);
            case "sluice-durable" -> new SluicePeer(key, "sluice:embedded?dataDir=" + dir, dir);
            case "sluice-memory" -> new SluicePeer(key, "sluice:embedded?storage=memory", null);
            case "artemis-default" -> new ArtemisPeer(key, dir, true, -1);
            case "artemis-tuned" -> new ArtemisPeer(key, dir, true, tunedTimeout);
            case "artemis-nonpersistent" -> new ArtemisPeer(key, dir, false, -1);
            default -> throw new IllegalArgumentException("unknown peer " + key);
        };
    }

    // ---- scenarios -------------------------------------------------------------------------------------

    /** {@code topic}: the producers publish to a topic and each consumer has a durable subscription of its own. */
    record Scenario(String key, int producers, int consumers, boolean transacted, boolean drain, boolean topic) {
        Scenario(String key, int producers, int consumers, boolean transacted, boolean drain) {
            this(key, producers, consumers, transacted, drain, false);
        }

        /** How many deliveries one send makes. */
        int fanOut() {
            return topic ? consumers : 1;
        }
    }

    private Scenario scenario(String key) {
        int txP = Integer.parseInt(get("txProducers", "4"));
        int txC = Integer.parseInt(get("txConsumers", "4"));
        return switch (key) {
            case "1x1" -> new Scenario(key, 1, 1, false, false);
            case "4x4" -> new Scenario(key, 4, 4, false, false);
            case "tx" -> new Scenario(key, txP, txC, true, false);
            case "drain1" -> new Scenario(key, 0, 1, false, true);
            case "drain4" -> new Scenario(key, 0, 4, false, true);
            case "topic1x4" -> new Scenario(key, 1, 4, false, false, true);
            default -> throw new IllegalArgumentException("unknown scenario " + key
                    + " (1x1, 4x4, tx, drain1, drain4, topic1x4)");
        };
    }

    /** One measured scenario. */
    record Result(String peer, String scenario, long sent, long received, double seconds, long[] latencies,
                  long[] sendLatencies, long[] receiveLatencies, boolean complete, double sendSeconds) {

        double rate() {
            return received / seconds;
        }

        static long pct(long[] sorted, double p) {
            if (sorted.length == 0) {
                return -1;
            }
            int rank = (int) Math.ceil(p * sorted.length);
            return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
        }
    }

    private int queueNo;

    private String freshQueue(String peer, String scenario) {
        return "bench-" + peer + "-" + scenario + "-" + (++queueNo);
    }

    /** A growable long array. */
    static final class Longs {
        long[] a = new long[1 << 14];
        int n;

        void add(long v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, a.length * 2);
            }
            a[n++] = v;
        }
    }

    /**
     * P producers and C consumers, each on its own connection and session, for {@code seconds} of sending;
     * returns when every sent message has been received (or the grace period after sending ran out).
     */
    private Result flow(Peer peer, Scenario s, double seconds) throws Exception {
        String queueName = freshQueue(peer.name(), s.key());
        int txBatch = Integer.parseInt(get("txBatch", "10"));
        int inFlight = Integer.parseInt(get("inFlight", "1000"));
        Semaphore window = inFlight > 0 ? new Semaphore(inFlight) : null;
        List<Connection> connections = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        CountDownLatch ready = new CountDownLatch(s.producers() + s.consumers());
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch producersDone = new CountDownLatch(s.producers());
        AtomicLong sent = new AtomicLong();
        AtomicLong received = new AtomicLong();
        AtomicLong lastReceipt = new AtomicLong();
        AtomicLong lastSend = new AtomicLong();
        List<Longs> latencies = new ArrayList<>();
        List<Longs> sendLatencies = new ArrayList<>();
        List<Longs> receiveLatencies = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        long[] beginBox = new long[1];
        long sendNanos = (long) (seconds * 1e9);
        // a publish makes one delivery per subscription: the window and the totals count deliveries
        int fanOut = s.fanOut();
        long graceNanos = (long) (Math.max(30, seconds) * 1e9);
        int mode = peer.deliveryMode();
        try {
            for (int c = 0; c < s.consumers(); c++) {
                Connection conn = peer.factory().createConnection();
                connections.add(conn);
                if (s.topic()) {
                    conn.setClientID(queueName + "-subscriber-" + c);
                }
                Session session = conn.createSession(s.transacted(), s.transacted() ? Session.SESSION_TRANSACTED
                        : Session.AUTO_ACKNOWLEDGE);
                MessageConsumer consumer = s.topic()
                        ? session.createDurableConsumer(session.createTopic(queueName), "durable-" + c)
                        : session.createConsumer(session.createQueue(queueName));
                conn.start();
                Longs lat = new Longs();
                latencies.add(lat);
                Longs recvLat = new Longs();
                receiveLatencies.add(recvLat);
                threads.add(new Thread(() -> {
                    try {
                        ready.countDown();
                        go.await();
                        long begin = beginBox[0];
                        int pending = 0;
                        while (true) {
                            long r0 = System.nanoTime();
                            Message m = consumer.receive(POLL_MILLIS);
                            if (m == null) {
                                if (pending > 0) {
                                    session.commit();
                                    pending = 0;
                                }
                                if (producersDone.getCount() == 0 && received.get() >= sent.get() * fanOut) {
                                    break;
                                }
                                if (System.nanoTime() - begin > sendNanos + graceNanos) {
                                    break;
                                }
                                continue;
                            }
                            long now = System.nanoTime();
                            recvLat.add(now - r0);
                            lat.add(now - m.getLongProperty(SENT));
                            received.incrementAndGet();
                            lastReceipt.accumulateAndGet(now, Math::max);
                            if (window != null) {
                                window.release();
                            }
                            if (s.transacted() && ++pending == txBatch) {
                                session.commit();
                                pending = 0;
                            }
                        }
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }, "consumer-" + c));
            }
            for (int p = 0; p < s.producers(); p++) {
                Connection conn = peer.factory().createConnection();
                connections.add(conn);
                Session session = conn.createSession(s.transacted(), s.transacted() ? Session.SESSION_TRANSACTED
                        : Session.AUTO_ACKNOWLEDGE);
                MessageProducer producer = session.createProducer(s.topic() ? session.createTopic(queueName)
                        : session.createQueue(queueName));
                producer.setDeliveryMode(mode);
                Longs lat = new Longs();
                sendLatencies.add(lat);
                threads.add(new Thread(() -> {
                    long n = 0;
                    try {
                        ready.countDown();
                        go.await();
                        long begin = beginBox[0];
                        while (true) {
                            boolean batchOpen = s.transacted() && n % txBatch != 0;
                            if (!batchOpen && System.nanoTime() - begin >= sendNanos) {
                                break;
                            }
                            if (window != null) {
                                while (!window.tryAcquire(fanOut, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                                    if (System.nanoTime() - begin > sendNanos + graceNanos) {
                                        throw new IllegalStateException("no room in the in-flight window");
                                    }
                                }
                            }
                            TextMessage m = session.createTextMessage(body);
                            long t0 = System.nanoTime();
                            m.setLongProperty(SENT, t0);
                            producer.send(m);
                            n++;
                            if (s.transacted() && n % txBatch == 0) {
                                session.commit();
                            }
                            lat.add(System.nanoTime() - t0);
                        }
                    } catch (Throwable e) {
                        failures.add(e);
                    } finally {
                        lastSend.accumulateAndGet(System.nanoTime(), Math::max);
                        sent.addAndGet(n);
                        producersDone.countDown();
                    }
                }, "producer-" + p));
            }
            threads.forEach(Thread::start);
            ready.await();
            beginBox[0] = System.nanoTime();
            go.countDown();
            for (Thread t : threads) {
                t.join();
            }
        } finally {
            for (Connection c : connections) {
                try {
                    c.close();
                } catch (JMSException e) {
                    failures.add(e);
                }
            }
        }
        if (!failures.isEmpty()) {
            IllegalStateException e = new IllegalStateException(peer.name() + " " + s.key() + " failed",
                    failures.get(0));
            failures.stream().skip(1).forEach(e::addSuppressed);
            throw e;
        }
        long begin = beginBox[0];
        double secs = (lastReceipt.get() - begin) / 1e9;
        long expected = sent.get() * fanOut;
        return new Result(peer.name(), s.key(), expected, received.get(), secs, merge(latencies),
                merge(sendLatencies), merge(receiveLatencies), received.get() >= expected, (lastSend.get() - begin) / 1e9);
    }

    private static long[] merge(List<Longs> parts) {
        int total = parts.stream().mapToInt(l -> l.n).sum();
        long[] all = new long[total];
        int at = 0;
        for (Longs l : parts) {
            System.arraycopy(l.a, 0, all, at, l.n);
            at += l.n;
        }
        Arrays.sort(all);
        return all;
    }

    /** Pre-loads {@code messages} (4 transacted producers, commit every 100), then drains with C consumers. */
    private Result drain(Peer peer, Scenario s) throws Exception {
        String queueName = freshQueue(peer.name(), s.key());
        int messages = Integer.parseInt(get("drainMessages", "200000"));
        double capSeconds = Double.parseDouble(get("drainSeconds", "30"));
        int loaders = 4;
        int perTx = 100;
        long loadStart = System.nanoTime();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicLong loaded = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < loaders; p++) {
            int share = messages / loaders + (p < messages % loaders ? 1 : 0);
            threads.add(new Thread(() -> {
                try (Connection conn = peer.factory().createConnection()) {
                    Session session = conn.createSession(true, Session.SESSION_TRANSACTED);
                    MessageProducer producer = session.createProducer(s.topic() ? session.createTopic(queueName)
                        : session.createQueue(queueName));
                    producer.setDeliveryMode(peer.deliveryMode());
                    for (int i = 1; i <= share; i++) {
                        TextMessage m = session.createTextMessage(body);
                        m.setLongProperty(SENT, System.nanoTime());
                        producer.send(m);
                        if (i % perTx == 0 || i == share) {
                            session.commit();
                        }
                    }
                    loaded.addAndGet(share);
                } catch (Throwable e) {
                    failures.add(e);
                }
            }, "loader-" + p));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException(peer.name() + " pre-load failed", failures.get(0));
        }
        progress("%s %s: pre-loaded %,d in %.1f s", peer.name(), s.key(), loaded.get(),
                (System.nanoTime() - loadStart) / 1e9);

        List<Connection> connections = new ArrayList<>();
        threads.clear();
        CountDownLatch ready = new CountDownLatch(s.consumers());
        CountDownLatch go = new CountDownLatch(1);
        AtomicLong received = new AtomicLong();
        AtomicLong lastReceipt = new AtomicLong();
        long[] beginBox = new long[1];
        long capNanos = (long) (capSeconds * 1e9);
        try {
            for (int c = 0; c < s.consumers(); c++) {
                Connection conn = peer.factory().createConnection();
                connections.add(conn);
                Session session = conn.createSession(false, Session.AUTO_ACKNOWLEDGE);
                MessageConsumer consumer = session.createConsumer(session.createQueue(queueName));
                threads.add(new Thread(() -> {
                    try {
                        ready.countDown();
                        go.await();
                        long begin = beginBox[0];
                        while (received.get() < messages && System.nanoTime() - begin < capNanos) {
                            Message m = consumer.receive(POLL_MILLIS);
                            if (m != null) {
                                received.incrementAndGet();
                                lastReceipt.accumulateAndGet(System.nanoTime(), Math::max);
                            }
                        }
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }, "drainer-" + c));
            }
            threads.forEach(Thread::start);
            ready.await();
            beginBox[0] = System.nanoTime();
            // start delivery only now, so Artemis does not prefetch before the clock starts
            for (Connection c : connections) {
                c.start();
            }
            go.countDown();
            for (Thread t : threads) {
                t.join();
            }
        } finally {
            for (Connection c : connections) {
                try {
                    c.close();
                } catch (JMSException e) {
                    failures.add(e);
                }
            }
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException(peer.name() + " " + s.key() + " failed", failures.get(0));
        }
        double secs = (lastReceipt.get() - beginBox[0]) / 1e9;
        return new Result(peer.name(), s.key(), messages, received.get(), secs, new long[0], new long[0],
                new long[0], received.get() >= messages, 0);
    }

    // ---- the run ---------------------------------------------------------------------------------------

    private void run() throws Exception {
        List<String> peers = list("peers", "sluice-durable,sluice-memory,artemis-default,artemis-tuned,"
                + "artemis-nonpersistent");
        List<Scenario> scenarios = list("scenarios", "1x1,4x4,tx,drain1,drain4").stream().map(this::scenario).toList();
        double seconds = Double.parseDouble(get("seconds", "20"));
        double warmup = Double.parseDouble(get("warmupSeconds", "4"));
        double fsyncSeconds = Double.parseDouble(get("fsyncSeconds", "3"));
        Path parent = Path.of(get("dir", System.getProperty("java.io.tmpdir")));
        Files.createDirectories(parent);
        Path root = Files.createTempDirectory(parent, "sluice-jms-bench-");
        long started = System.nanoTime();
        String load0 = loadAverage();

        Fsync fsync = fsyncSeconds > 0 ? fsync(root, fsyncSeconds) : null;
        int tuned;
        if (settings.containsKey("journalBufferTimeout")) {
            tuned = Integer.parseInt(get("journalBufferTimeout", "0"));
        } else if (fsync != null) {
            tuned = (int) Math.round(fsync.meanNanos);
        } else {
            tuned = 75_000;
        }
        List<DiskCeiling.Ceiling> ceilings = new ArrayList<>();
        double ceilingSeconds = Double.parseDouble(get("ceilingSeconds", "2"));
        if (ceilingSeconds > 0) {
            for (DiskCeiling.Design design : DiskCeiling.Design.values()) {
                ceilings.add(DiskCeiling.measure(design, CEILING_WRITERS, root, ceilingSeconds));
                progress("disk ceiling: %s", DiskCeiling.describe(ceilings.get(ceilings.size() - 1)));
            }
        }
        if (fsync != null) {
            progress("disk: 1 KiB write+fdatasync mean %.1f µs (p50 %s µs) -> artemis-tuned journalBufferTimeout %,d ns",
                    fsync.meanNanos / 1e3, EngineBenchmark.micros(fsync.p50), tuned);
        }

        Map<String, Map<String, Result>> results = new LinkedHashMap<>();
        Map<String, String> descriptions = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        try {
            for (String key : peers) {
                System.gc();
                progress("%s: starting", key);
                Map<String, Result> byScenario = new LinkedHashMap<>();
                results.put(key, byScenario);
                Peer peer = null;
                try {
                    peer = openPeer(key, root, tuned);
                    descriptions.put(key, peer.describe());
                    if (warmup > 0) {
                        for (Scenario s : scenarios) {
                            if (!s.drain()) {
                                progress("%s %s: warm-up %.0f s", key, s.key(), warmup);
                                flow(peer, s, warmup);
                            }
                        }
                    }
                    for (Scenario s : scenarios) {
                        System.gc();
                        progress("%s %s: measuring (load %s)", key, s.key(), loadAverage());
                        try {
                            Result r = s.drain() ? drain(peer, s) : flow(peer, s, seconds);
                            byScenario.put(s.key(), r);
                            progress("%s %s: %,.0f msg/s, p50 %s, p99 %s, p99.9 %s µs%s", key, s.key(), r.rate(),
                                    us(Result.pct(r.latencies(), 0.50)), us(Result.pct(r.latencies(), 0.99)),
                                    us(Result.pct(r.latencies(), 0.999)), r.complete() ? "" : " (INCOMPLETE)");
                            if (!r.complete()) {
                                notes.add(String.format(Locale.ROOT, "%s %s: only %,d of %,d sent messages arrived "
                                        + "within the time cap", key, s.key(), r.received(), r.sent()));
                            }
                        } catch (Exception e) {
                            e.printStackTrace();
                            notes.add(key + " " + s.key() + " FAILED: " + e + (e.getCause() == null ? ""
                                    : " caused by " + e.getCause()));
                        }
                    }
                } catch (Exception e) {
                    e.printStackTrace();
                    notes.add(key + " FAILED to start: " + e);
                } finally {
                    if (peer != null) {
                        try {
                            peer.close();
                        } catch (Exception e) {
                            e.printStackTrace();
                            notes.add(key + " FAILED to stop: " + e);
                        }
                    }
                }
            }
        } finally {
            EngineBenchmark.deleteTree(root);
        }
        double total = (System.nanoTime() - started) / 1e9;
        report(root, fsync, ceilings, tuned, descriptions, scenarios, results, notes, total, load0, seconds, warmup);
    }

    // ---- disk calibration --------------------------------------------------------------------------------

    record Fsync(long ops, double seconds, double meanNanos, long p50, long p99) {
    }

    /**
     * What {@code artemis create} does to pick journal-buffer-timeout, at 1 KiB: sequential blocks into a
     * preallocated file, each written then {@code fdatasync}ed; the mean time per write+sync.
     */
    private static Fsync fsync(Path dir, double seconds) throws IOException {
        Path file = dir.resolve("fsync-calibration.bin");
        int blocks = 4096;
        ByteBuffer block = ByteBuffer.allocateDirect(BODY_BYTES);
        for (int i = 0; i < BODY_BYTES; i++) {
            block.put((byte) i);
        }
        Longs lat = new Longs();
        long elapsed;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer fill = ByteBuffer.allocateDirect(BODY_BYTES * blocks);
            while (fill.hasRemaining()) {
                ch.write(fill);
            }
            ch.force(true);
            long begin = System.nanoTime();
            long end = begin + (long) (seconds * 1e9);
            int i = 0;
            while (true) {
                long t0 = System.nanoTime();
                if (t0 >= end) {
                    break;
                }
                block.clear();
                long pos = (long) (i++ % blocks) * BODY_BYTES;
                while (block.hasRemaining()) {
                    ch.write(block, pos + block.position());
                }
                ch.force(false);
                lat.add(System.nanoTime() - t0);
            }
            elapsed = System.nanoTime() - begin;
        } finally {
            Files.deleteIfExists(file);
        }
        long[] sorted = Arrays.copyOf(lat.a, lat.n);
        Arrays.sort(sorted);
        return new Fsync(lat.n, elapsed / 1e9, (double) elapsed / Math.max(1, lat.n), Result.pct(sorted, 0.5),
                Result.pct(sorted, 0.99));
    }

    // ---- report ----------------------------------------------------------------------------------------

    private void report(Path root, Fsync fsync, List<DiskCeiling.Ceiling> ceilings, int tuned,
                        Map<String, String> descriptions, List<Scenario> scenarios,
                        Map<String, Map<String, Result>> results, List<String> notes, double total, String load0,
                        double seconds, double warmup) {
        StringBuilder out = new StringBuilder();
        out.append("# Sluice JMS benchmark (jakarta.jms, Sluice vs. embedded Artemis)\n\n");
        Runtime rt = Runtime.getRuntime();
        out.append("- date: ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append('\n');
        out.append("- cores: ").append(rt.availableProcessors());
        EngineBenchmark.cpuModel().ifPresent(m -> out.append(", ").append(m));
        out.append("; load average at start ").append(load0).append(", at end ").append(loadAverage()).append('\n');
        out.append("- java: ").append(System.getProperty("java.version")).append(" (")
                .append(System.getProperty("java.vm.name")).append("), heap ").append(rt.maxMemory() >> 20)
                .append(" MiB, args ").append(ManagementFactory.getRuntimeMXBean().getInputArguments()).append('\n');
        out.append("- temp dir: ").append(root.getParent()).append('\n');
        if (fsync != null) {
            out.append(String.format(Locale.ROOT, "- disk: 1 KiB write + fdatasync, preallocated file: %,d ops in %.1f s,"
                            + " mean %.1f µs, p50 %s µs, p99 %s µs%n", fsync.ops(), fsync.seconds(), fsync.meanNanos() / 1e3,
                    us(fsync.p50()), us(fsync.p99())));
        }
        if (!ceilings.isEmpty()) {
            out.append("- disk ceiling, ").append(CEILING_WRITERS).append(" writers that only write 1 KiB and wait "
                    + "until it is durable (no broker; the most 4 synchronous senders can get on this disk): ");
            out.append(String.join("; ", ceilings.stream().map(c -> String.format(Locale.ROOT, "%s %,.0f/s",
                    c.design().label, c.perSecond())).toList())).append('\n');
        }
        out.append(String.format(Locale.ROOT, "- artemis-tuned journalBufferTimeout: %,d ns%n", tuned));
        out.append(String.format(Locale.ROOT, "- flow scenarios: %.0f s of sending (+%.0f s warm-up each), in-flight "
                        + "window %s, tx = %s producers + %s consumers committing every %s; drain: %s pre-loaded; "
                        + "whole run %.0f s%n", seconds, warmup, get("inFlight", "1000"), get("txProducers", "4"),
                get("txConsumers", "4"), get("txBatch", "10"), get("drainMessages", "200000"), total));
        out.append("\nPeers\n\n");
        descriptions.forEach((k, v) -> out.append("- ").append(k).append(": ").append(v).append('\n'));

        out.append("\nLatency = end to end (send → receive returned); send = the send call (+ commit every "
                + get("txBatch", "10") + "th when transacted); recv = a receive call that returned a message\n");
        out.append("\n| Peer | Scenario | Received | Seconds | Msg/s | p50 µs | p99 µs | p99.9 µs | send p50 µs | send p99 µs "
                + "| recv p50 µs | recv p99 µs |\n");
        out.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        results.forEach((peer, byScenario) -> {
            for (Scenario s : scenarios) {
                Result r = byScenario.get(s.key());
                if (r == null) {
                    out.append("| ").append(peer).append(" | ").append(label(s)).append(" | FAILED | | | | | | | | | |\n");
                    continue;
                }
                out.append(String.format(Locale.ROOT, "| %s | %s | %,d%s | %.1f | %,.0f | %s | %s | %s | %s | %s | %s | %s |%n",
                        peer, label(s), r.received(), r.complete() ? "" : " (of " + r.sent() + ")", r.seconds(),
                        r.rate(), us(Result.pct(r.latencies(), 0.5)), us(Result.pct(r.latencies(), 0.99)),
                        us(Result.pct(r.latencies(), 0.999)), us(Result.pct(r.sendLatencies(), 0.5)),
                        us(Result.pct(r.sendLatencies(), 0.99)), us(Result.pct(r.receiveLatencies(), 0.5)),
                        us(Result.pct(r.receiveLatencies(), 0.99))));
            }
        });

        out.append("\nRatios (msg/s) against the targets\n\n");
        out.append("| Scenario | Sluice durable / Artemis tuned | target | Sluice durable / Artemis default "
                + "| Sluice memory / Artemis non-persistent | target |\n");
        out.append("|---|---:|---|---:|---:|---|\n");
        for (Scenario s : scenarios) {
            String durableTarget = switch (s.key()) {
                case "1x1" -> "≥ 1.75× and p99 ≤ 500 µs";
                case "4x4", "tx" -> "≥ 2×";
                default -> "—";
            };
            String memoryTarget = s.drain() ? "—" : "≥ 1.5×";
            Result d = find(results, "sluice-durable", s);
            Result m = find(results, "sluice-memory", s);
            String durableVsTuned = ratio(d, find(results, "artemis-tuned", s));
            if (s.key().equals("1x1") && d != null) {
                durableVsTuned += " (p99 " + us(Result.pct(d.latencies(), 0.99)) + " µs)";
            }
            out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", label(s), durableVsTuned,
                    durableTarget, ratio(d, find(results, "artemis-default", s)),
                    ratio(m, find(results, "artemis-nonpersistent", s)), memoryTarget));
        }
        Result tuned4x4 = scenarios.stream().filter(s -> s.key().equals("4x4")).findFirst()
                .map(s -> find(results, "artemis-tuned", s)).orElse(null);
        if (tuned4x4 != null && !ceilings.isEmpty()) {
            double best = ceilings.stream().mapToDouble(DiskCeiling.Ceiling::perSecond).max().orElseThrow();
            out.append(String.format(Locale.ROOT, "%n4+4's target, 2 × artemis-tuned: %,.0f msg/s; the disk's best "
                    + "ceiling for %d synchronous writers with no broker at all: %,.0f/s%n", 2 * tuned4x4.rate(),
                    CEILING_WRITERS, best));
        }
        if (!notes.isEmpty()) {
            out.append('\n');
            notes.forEach(n -> out.append("- ").append(n).append('\n'));
        }
        System.out.print(out);
        System.out.flush();
    }

    private static String label(Scenario s) {
        if (s.drain()) {
            return "drain, " + s.consumers() + " consumer" + (s.consumers() == 1 ? "" : "s");
        }
        if (s.topic()) {
            return s.producers() + " publisher + " + s.consumers() + " durable subscribers (deliveries)";
        }
        return s.producers() + "+" + s.consumers() + (s.transacted() ? " transacted" : " sync");
    }

    private static Result find(Map<String, Map<String, Result>> results, String peer, Scenario s) {
        Map<String, Result> m = results.get(peer);
        return m == null ? null : m.get(s.key());
    }

    private static String ratio(Result a, Result b) {
        if (a == null || b == null || b.rate() == 0) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.2f×", a.rate() / b.rate());
    }

    private static String us(long nanos) {
        return nanos < 0 ? "—" : EngineBenchmark.micros(nanos);
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static void progress(String format, Object... args) {
        System.err.println("[jms-bench] " + String.format(Locale.ROOT, format, args));
    }
}
