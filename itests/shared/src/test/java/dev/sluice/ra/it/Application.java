package dev.sluice.ra.it;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** The test application's servlet, seen from the test: send in a container transaction, read what MDBs saw. */
final class Application {

    private final URL base;
    private final HttpClient http = HttpClient.newHttpClient();

    Application(URL base) {
        this.base = base;
    }

    /** Sends {@code text} to {@code queue} through the pooled factory ({@code via} "resource" or "context"). */
    void send(String queue, String text, String via, boolean rollback) throws IOException, InterruptedException {
        expectNoContent("send", call("POST", "it/send?queue=" + enc(queue) + "&text=" + enc(text) + "&via=" + via
                + "&rollback=" + rollback));
    }

    /** Publishes {@code text} to {@code topic} through the pooled factory ({@code via} "resource" or "context"). */
    void publish(String topic, String text, String via) throws IOException, InterruptedException {
        expectNoContent("publish", call("POST", "it/send?topic=" + enc(topic) + "&text=" + enc(text) + "&via=" + via));
    }

    private static void expectNoContent(String what, HttpResponse<String> r) {
        if (r.statusCode() != 204) {
            throw new AssertionError(what + " failed: HTTP " + r.statusCode() + " " + r.body());
        }
    }

    List<String> seen(String queue) {
        return lines("it/seen?queue=" + enc(queue));
    }

    /** One request to the deployed application, {@code path} relative to its context root. */
    HttpResponse<String> call(String method, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The lines of a GET's body (for polling from Awaitility, so failures are unchecked). */
    List<String> lines(String path) {
        try {
            String body = call("GET", path).body().strip();
            return body.isEmpty() ? List.of() : Arrays.asList(body.split("\\R"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create(base.toExternalForm().replaceAll("/?$", "/") + path);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
