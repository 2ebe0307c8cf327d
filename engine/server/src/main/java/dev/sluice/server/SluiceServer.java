package dev.sluice.server;

import dev.sluice.engine.SqsEngine;
import dev.sluice.server.auth.Authenticator;
import dev.sluice.server.auth.SigV4Authenticator;
import dev.sluice.server.http.HttpServer;
import dev.sluice.server.metrics.Metrics;

/**
 * An engine served over HTTP. Either owns its engine (started from options) or serves one it is given
 * (the resource adapter's in-server endpoint), which it then leaves open on close.
 */
public final class SluiceServer implements AutoCloseable {

    private final SqsEngine engine;
    private final boolean ownsEngine;
    private final HttpServer http;
    private final String bind;

    private SluiceServer(SqsEngine engine, boolean ownsEngine, ServerOptions options) throws InterruptedException {
        this.engine = engine;
        this.ownsEngine = ownsEngine;
        this.bind = options.bind();
        Authenticator auth = authenticatorFor(options);
        this.http = new HttpServer(new SqsEndpoint(engine, auth, new Metrics()), options.bind(), options.port());
    }

    /**
     * Loopback without credentials accepts anyone (local development, like the SQS guide's {@code aws configure}
     * with any keys); any other address, or configured credentials, requires SigV4-signed requests.
     */
    static Authenticator authenticatorFor(ServerOptions options) {
        if (options.credentials().isEmpty() && options.loopbackOnly()) {
            return Authenticator.acceptAll();
        }
        if (options.credentials().isEmpty()) {
            throw new IllegalArgumentException("Binding to " + options.bind() + " exposes the endpoint beyond this "
                    + "machine: configure credentials (--credentials ACCESS_KEY:SECRET_KEY) so requests are authenticated.");
        }
        return new SigV4Authenticator(options.credentials());
    }

    public static SluiceServer start(ServerOptions options) throws InterruptedException {
        SqsEngine engine = SqsEngine.open(options.engineOptions());
        try {
            return new SluiceServer(engine, true, options);
        } catch (RuntimeException | InterruptedException e) {
            engine.close();
            throw e;
        }
    }

    public static SluiceServer serve(SqsEngine engine, ServerOptions options) throws InterruptedException {
        return new SluiceServer(engine, false, options);
    }

    public SqsEngine engine() {
        return engine;
    }

    public int port() {
        return http.port();
    }

    /** The endpoint URL clients configure, e.g. {@code http://127.0.0.1:9324}. */
    public String endpointUrl() {
        String host = bind.contains(":") ? "[" + bind + "]" : bind;
        if (bind.equals("0.0.0.0") || bind.equals("::")) {
            host = "localhost";
        }
        return "http://" + host + ":" + port();
    }

    @Override
    public void close() {
        http.close();
        if (ownsEngine) {
            engine.close();
        }
    }
}
