package dev.sluice.server.badinput;

import dev.sluice.engine.EngineOptions;
import dev.sluice.engine.SqsEngine;
import dev.sluice.server.SqsEndpoint;
import dev.sluice.server.auth.Authenticator;
import dev.sluice.server.http.HttpServer;
import dev.sluice.server.metrics.Metrics;

import java.net.URI;
import java.time.Duration;

/**
 * The endpoint as the launcher assembles it (in-memory engine, loopback, no credentials), with a request
 * deadline short enough for a test to watch a slow client being cut off.
 */
final class BadInputServer implements AutoCloseable {

    final SqsEngine engine;
    final HttpServer http;

    BadInputServer(Duration requestDeadline) throws InterruptedException {
        engine = SqsEngine.open(EngineOptions.memory());
        http = new HttpServer(new SqsEndpoint(engine, Authenticator.acceptAll(), new Metrics()), "127.0.0.1", 0,
                requestDeadline);
    }

    int port() {
        return http.port();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    String queueUrl(String name) {
        return "http://127.0.0.1:" + port() + "/" + engine.account() + "/" + name;
    }

    @Override
    public void close() {
        http.close();
        engine.close();
    }
}
