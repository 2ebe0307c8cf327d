package dev.sluice.server.badinput;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * At least 10,000 generated malformed or mutated requests, both protocols and every action, over a few
 * keep-alive connections: no answer is a 5xx, none hangs, the server goes on serving valid requests, and
 * the messages waiting in a queue the storm kept hitting with wrong requests are all still there.
 */
class MalformedRequestStormTest {

    static final int REQUESTS = Integer.getInteger("storm.requests", 12_000);
    static final long SEED = Long.getLong("storm.seed", 20_261_128L);
    static final int CONNECTIONS = 4;
    static final int KEPT = 50;

    static BadInputServer server;

    @BeforeAll
    static void start() throws InterruptedException {
        server = new BadInputServer(Duration.ofSeconds(2));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void tenThousandMalformedRequestsAndNothingBreaks() throws Exception {
        String keepUrl = create("storm-keep");
        List<String> scratch = List.of("storm-scratch-0", "storm-scratch-1", "storm-scratch-2", "storm-dlq",
                "storm-scratch-fifo.fifo");
        List<String> all = new ArrayList<>(scratch);
        scratch.forEach(n -> all.add(n.replace("storm-scratch-", "storm-doomed-"))); // DeleteQueue's targets
        for (String name : new HashSet<>(all)) {
            String body = name.endsWith(".fifo") ? "{\"QueueName\":\"" + name + "\",\"Attributes\":{\"FifoQueue\":\"true\"}}"
                    : "{\"QueueName\":\"" + name + "\"}";
            assertThat(Wire.json(server, "AmazonSQS.CreateQueue", body).status()).isEqualTo(200);
        }
        Set<String> kept = new HashSet<>();
        for (int i = 0; i < KEPT; i++) {
            String body = "kept-" + i + " \u00e9\uD83D\uDE00 <&>";
            Wire.Reply r = Wire.json(server, "AmazonSQS.SendMessage",
                    Wire.JSON.createObjectNode().put("QueueUrl", keepUrl).put("MessageBody", body).toString());
            assertThat(r.status()).isEqualTo(200);
            kept.add(body);
        }
        for (int i = 0; i < 20; i++) { // something for the storm's receives and deletes to find elsewhere
            Wire.json(server, "AmazonSQS.SendMessage", Wire.JSON.createObjectNode()
                    .put("QueueUrl", server.queueUrl(scratch.get(i % 3))).put("MessageBody", "s" + i).toString());
        }

        StormGenerator generator = new StormGenerator(SEED, "127.0.0.1:" + server.port(), server.engine.account(),
                keepUrl, scratch, "arn:aws:sqs:us-east-1:" + server.engine.account() + ":storm-dlq");
        List<List<StormGenerator.Req>> shares = new ArrayList<>();
        for (int c = 0; c < CONNECTIONS; c++) {
            shares.add(new ArrayList<>());
        }
        for (int i = 0; i < REQUESTS; i++) {
            shares.get(i % CONNECTIONS).add(generator.next());
        }

        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        Map<String, LongAdder> codes = new ConcurrentHashMap<>();
        LongAdder closedUnanswered = new LongAdder();
        Map<String, LongAdder> unanswered = new ConcurrentHashMap<>();
        List<String> protectedOk = new CopyOnWriteArrayList<>();
        LongAdder connections = new LongAdder();
        List<String> failures = new CopyOnWriteArrayList<>();
        AtomicInteger sent = new AtomicInteger();

        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS);
        List<Future<?>> done = new ArrayList<>();
        for (List<StormGenerator.Req> share : shares) {
            done.add(pool.submit(() -> {
                Wire.Raw conn = null;
                for (StormGenerator.Req req : share) {
                    for (int attempt = 0; attempt < 2; attempt++) {
                        boolean reused = conn != null;
                        if (conn == null) {
                            conn = new Wire.Raw(server.port(), Duration.ofSeconds(30));
                            connections.increment();
                        }
                        boolean writeFailed = false;
                        try {
                            conn.write(req.bytes());
                        } catch (IOException e) {
                            writeFailed = true; // the server may have refused it part-way: read its answer anyway
                        }
                        Wire.RawReply reply;
                        try {
                            reply = conn.read(req.head());
                        } catch (SocketTimeoutException e) {
                            failures.add("HANG " + req.label());
                            conn.close();
                            conn = null;
                            break;
                        } catch (IOException e) {
                            reply = null;
                        }
                        if (reply == null) {
                            conn.close();
                            conn = null;
                            if (writeFailed && reused && attempt == 0) {
                                continue; // the connection was already gone: once more on a fresh one
                            }
                            sent.incrementAndGet();
                            closedUnanswered.increment();
                            unanswered.computeIfAbsent(req.label().replaceAll("^(\\S+ \\S+).*", "$1"), k -> new LongAdder()).increment();
                            break;
                        }
                        sent.incrementAndGet();
                        statuses.computeIfAbsent(reply.status(), k -> new LongAdder()).increment();
                        codes.computeIfAbsent(errorCode(reply), k -> new LongAdder()).increment();
                        if (reply.status() == 200 && req.label().contains("protected:")) {
                            protectedOk.add(req.label());
                        }
                        if (reply.status() >= 500) {
                            failures.add(reply.status() + " " + req.label() + " -> " + reply.text() + "\n  request: "
                                    + preview(req.bytes()));
                        }
                        if (reply.closes()) {
                            conn.close();
                            conn = null;
                        }
                        break;
                    }
                }
                if (conn != null) {
                    conn.close();
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        System.out.printf("storm: seed=%d requests=%d connections opened=%d duration=%s%n  statuses=%s%n"
                        + "  closed without an answer=%d %s%n  error codes=%s%n", SEED, sent.get(), connections.sum(), took,
                new java.util.TreeMap<>(statuses), closedUnanswered.sum(), new java.util.TreeMap<>(unanswered),
                new java.util.TreeMap<>(codes));

        assertThat(failures).as("5xx answers and hangs").isEmpty();
        assertThat(sent.get()).isGreaterThanOrEqualTo(10_000);
        assertThat(statuses.keySet()).allMatch(s -> s < 500);

        // still serving valid requests, on both protocols
        Wire.Reply health = Wire.send(java.net.http.HttpRequest.newBuilder(server.uri("/health")).GET().build());
        assertThat(health.status()).isEqualTo(200);
        String after = create("after-the-storm");
        assertThat(Wire.json(server, "AmazonSQS.SendMessage", Wire.JSON.createObjectNode().put("QueueUrl", after)
                .put("MessageBody", "still here").toString()).status()).isEqualTo(200);
        Wire.Reply q = Wire.query(server, "Action=ReceiveMessage&Version=2012-11-05&QueueUrl="
                + BadInputTest.encode(after) + "&WaitTimeSeconds=5");
        assertThat(q.status()).isEqualTo(200);
        assertThat(q.body()).contains("<Body>still here</Body>");

        // nothing lost, hidden or added in the protected queue
        Wire.Reply attrs = Wire.json(server, "AmazonSQS.GetQueueAttributes", "{\"QueueUrl\":\"" + keepUrl
                + "\",\"AttributeNames\":[\"ApproximateNumberOfMessages\",\"ApproximateNumberOfMessagesNotVisible\"]}");
        assertThat(attrs.json().path("Attributes")).as("protected queue; storm requests answered 200 there: %s", protectedOk)
                .isEqualTo(Wire.JSON.createObjectNode().put("ApproximateNumberOfMessages", String.valueOf(KEPT))
                        .put("ApproximateNumberOfMessagesNotVisible", "0"));
        Set<String> received = ConcurrentHashMap.newKeySet();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            Wire.Reply r = Wire.json(server, "AmazonSQS.ReceiveMessage", "{\"QueueUrl\":\"" + keepUrl
                    + "\",\"MaxNumberOfMessages\":10,\"VisibilityTimeout\":600,\"WaitTimeSeconds\":1}");
            assertThat(r.status()).isEqualTo(200);
            for (JsonNode m : r.json().path("Messages")) {
                received.add(m.get("Body").asText());
            }
            return received.size() >= KEPT;
        });
        assertThat(received).isEqualTo(kept);
    }

    private static String create(String name) {
        Wire.Reply r = Wire.json(server, "AmazonSQS.CreateQueue", "{\"QueueName\":\"" + name + "\"}");
        assertThat(r.status()).isEqualTo(200);
        return r.json().get("QueueUrl").asText();
    }

    private static final Pattern XML_CODE = Pattern.compile("<Code>(.*?)</Code>");

    private static String errorCode(Wire.RawReply reply) {
        if (reply.status() < 300) {
            return "-";
        }
        String h = reply.headers().get("x-amzn-query-error");
        if (h != null) {
            return h.replace(";Sender", "");
        }
        Matcher m = XML_CODE.matcher(reply.text());
        return m.find() ? m.group(1) : "http-" + reply.status();
    }

    private static String preview(byte[] bytes) {
        String s = new String(bytes, 0, Math.min(bytes.length, 600), StandardCharsets.ISO_8859_1);
        return s.replace("\r\n", "\\r\\n");
    }
}
