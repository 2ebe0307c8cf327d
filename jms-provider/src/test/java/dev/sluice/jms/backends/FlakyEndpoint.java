package dev.sluice.jms.backends;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback proxy in front of an SQS endpoint that answers the first requests with failures SQS can send
 * (503 Service Unavailable, 400 throttling) and forwards the rest: what the SQS backend must retry through.
 */
final class FlakyEndpoint implements AutoCloseable {

    private static final Set<String> HOP_HEADERS = Set.of("host", "content-length", "connection", "expect",
            "transfer-encoding", "upgrade");

    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();
    private final String target;
    private final AtomicInteger failuresLeft;
    /** When set, every failure is this one (status, code, message) instead of alternating 503 and throttling. */
    private final Failure fixedFailure;

    private record Failure(int status, String code, String message) {
    }
    /** For {@link #batchProbe}: the first SendMessage waits for this; the first SendMessageBatch fails on SQS's side. */
    private final boolean probe;
    /** For {@link #batchesWithoutOutcome}: every SendMessageBatch is answered with no entry in either list. */
    private final boolean noBatchOutcome;
    final CountDownLatch firstSendMayGo = new CountDownLatch(1);
    private final AtomicBoolean firstSendSeen = new AtomicBoolean();
    private final AtomicInteger batchesToFail;
    /** What each request got: "503", "throttled", "forwarded" (and a probe's "held", "batch failed"). */
    final List<String> log = new CopyOnWriteArrayList<>();

    FlakyEndpoint(String target, int failures) throws IOException {
        this(target, failures, null, false, false, 0);
    }

    /**
     * Forwards everything, except that the first SendMessage is held until {@link #firstSendMayGo} (so sends made
     * meanwhile queue up for one SendMessageBatch), and the first {@code failedBatches} SendMessageBatch requests
     * are answered with every entry failed on SQS's side (SenderFault false, InternalError), nothing stored.
     */
    static FlakyEndpoint batchProbe(String target, int failedBatches) throws IOException {
        return new FlakyEndpoint(target, 0, null, true, false, failedBatches);
    }

    /** Forwards everything but SendMessageBatch, answered (HTTP 200) with neither a success nor a failure. */
    static FlakyEndpoint batchesWithoutOutcome(String target) throws IOException {
        return new FlakyEndpoint(target, 0, null, false, true, 0);
    }

    /** Answers every request with this error (as SQS's JSON protocol sends it), forwarding nothing. */
    static FlakyEndpoint alwaysFailing(int status, String code, String message) throws IOException {
        return new FlakyEndpoint("http://127.0.0.1:1", Integer.MAX_VALUE, new Failure(status, code, message), false,
                false, 0);
    }

    private FlakyEndpoint(String target, int failures, Failure fixedFailure, boolean probe, boolean noBatchOutcome,
                          int failedBatches) throws IOException {
        this.target = target;
        this.batchesToFail = new AtomicInteger(failedBatches);
        this.probe = probe;
        this.noBatchOutcome = noBatchOutcome;
        this.fixedFailure = fixedFailure;
        this.failuresLeft = new AtomicInteger(failures);
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool()); // a held request must not hold up the others
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange x) throws IOException {
        byte[] body = x.getRequestBody().readAllBytes();
        int left = failuresLeft.getAndDecrement();
        String action = String.valueOf(x.getRequestHeaders().getFirst("X-Amz-Target"));
        try {
            if (probe && action.endsWith(".SendMessage") && firstSendSeen.compareAndSet(false, true)) {
                log.add("held");
                try {
                    firstSendMayGo.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                forward(x, body);
            } else if (probe && action.endsWith(".SendMessageBatch") && batchesToFail.getAndDecrement() > 0) {
                log.add("batch failed");
                failEveryEntry(x, new String(body, StandardCharsets.UTF_8));
            } else if (noBatchOutcome && action.endsWith(".SendMessageBatch")) {
                log.add("no outcome");
                answerBatch(x, "");
            } else if (left > 0 && fixedFailure != null) {
                log.add(fixedFailure.code());
                reply(x, fixedFailure.status(), fixedFailure.code(), fixedFailure.message());
            } else if (left > 0 && left % 2 == 1) {
                log.add("503");
                reply(x, 503, "ServiceUnavailable", "Service Unavailable");
            } else if (left > 0) {
                log.add("throttled");
                reply(x, 400, "ThrottlingException", "Rate exceeded");
            } else {
                log.add("forwarded");
                forward(x, body);
            }
        } finally {
            x.close();
        }
    }

    private static final Pattern ENTRY_ID = Pattern.compile("\"Id\"\\s*:\\s*\"([^\"]+)\"");

    /** A SendMessageBatch answer (HTTP 200) in which every entry failed on SQS's side. */
    private static void failEveryEntry(HttpExchange x, String request) throws IOException {
        StringBuilder failed = new StringBuilder();
        Matcher id = ENTRY_ID.matcher(request);
        while (id.find()) {
            failed.append(failed.isEmpty() ? "" : ",").append("{\"Id\":\"").append(id.group(1))
                    .append("\",\"SenderFault\":false,\"Code\":\"InternalError\",\"Message\":\"try again\"}");
        }
        answerBatch(x, failed.toString());
    }

    /** A SendMessageBatch answer (HTTP 200) with no successful entry and these failed ones (JSON objects). */
    private static void answerBatch(HttpExchange x, String failed) throws IOException {
        byte[] json = ("{\"Successful\":[],\"Failed\":[" + failed + "]}").getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
        x.sendResponseHeaders(200, json.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(json);
        }
    }

    private static void reply(HttpExchange x, int status, String code, String message) throws IOException {
        byte[] json = ("{\"__type\":\"com.amazonaws.sqs#" + code + "\",\"message\":\"" + message + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
        x.getResponseHeaders().add("x-amzn-query-error", code + ";" + (status >= 500 ? "Receiver" : "Sender"));
        x.sendResponseHeaders(status, json.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(json);
        }
    }

    private void forward(HttpExchange x, byte[] body) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(target + x.getRequestURI()))
                .method(x.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        x.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                values.forEach(v -> b.header(name, v));
            }
        });
        HttpResponse<byte[]> r;
        try {
            r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        r.headers().map().forEach((name, values) -> {
            if (!HOP_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT)) && !name.startsWith(":")) {
                values.forEach(v -> x.getResponseHeaders().add(name, v));
            }
        });
        x.sendResponseHeaders(r.statusCode(), r.body().length == 0 ? -1 : r.body().length);
        if (r.body().length > 0) {
            try (OutputStream out = x.getResponseBody()) {
                out.write(r.body());
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
