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
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("it/send?queue=" + enc(queue) + "&text=" + enc(text)
                + "&via=" + via + "&rollback=" + rollback)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 204) {
            throw new AssertionError("send failed: HTTP " + r.statusCode() + " " + r.body());
        }
    }

    /** Publishes {@code text} to {@code topic} through the pooled factory ({@code via} "resource" or "context"). */
    void publish(String topic, String text, String via) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("it/send?topic=" + enc(topic) + "&text=" + enc(text)
                + "&via=" + via)).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 204) {
            throw new AssertionError("publish failed: HTTP " + r.statusCode() + " " + r.body());
        }
    }

    List<String> seen(String queue) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("it/seen?queue=" + enc(queue))).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.body().isBlank() ? List.of() : Arrays.asList(r.body().strip().split("\\R"));
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
