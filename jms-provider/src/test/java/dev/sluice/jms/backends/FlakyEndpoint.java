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
import java.util.concurrent.atomic.AtomicInteger;

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
    /** What each request got: "503", "throttled" or "forwarded". */
    final List<String> log = new CopyOnWriteArrayList<>();

    FlakyEndpoint(String target, int failures) throws IOException {
        this(target, failures, null);
    }

    /** Answers every request with this error (as SQS's JSON protocol sends it), forwarding nothing. */
    static FlakyEndpoint alwaysFailing(int status, String code, String message) throws IOException {
        return new FlakyEndpoint("http://127.0.0.1:1", Integer.MAX_VALUE, new Failure(status, code, message));
    }

    private FlakyEndpoint(String target, int failures, Failure fixedFailure) throws IOException {
        this.target = target;
        this.fixedFailure = fixedFailure;
        this.failuresLeft = new AtomicInteger(failures);
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange x) throws IOException {
        byte[] body = x.getRequestBody().readAllBytes();
        int left = failuresLeft.getAndDecrement();
        try {
            if (left > 0 && fixedFailure != null) {
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
