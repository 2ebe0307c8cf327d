package dev.sluice.ra;

import dev.sluice.jms.SluiceSettings;
import dev.sluice.server.ServerOptions;
import dev.sluice.server.SluiceServer;
import jakarta.resource.spi.ResourceAdapterInternalException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The SQS HTTP endpoint served from inside the application server, over the adapter's engine, so non-Java
 * producers (boto3, the AWS CLI) feed the queues the MDBs consume. Adapter instances of one server that name
 * the same address share one endpoint (a server may start an instance per connection factory definition).
 */
final class InServerEndpoint implements AutoCloseable {

    private static final Map<String, InServerEndpoint> SERVED = new java.util.HashMap<>();

    private final SluiceServer server;
    private final String key;
    private int users;

    private InServerEndpoint(SluiceServer server, String key) {
        this.server = server;
        this.key = key;
    }

    static InServerEndpoint start(EngineHold engine, SluiceSettings settings, AdapterProperties p)
            throws ResourceAdapterInternalException {
        String key = p.endpointBind() + ":" + p.endpointPort();
        synchronized (SERVED) {
            InServerEndpoint shared = SERVED.get(key);
            if (shared == null) {
                shared = new InServerEndpoint(serve(engine, p), key);
                SERVED.put(key, shared);
            } else if (shared.server.engine() != engine.engine()) {
                throw new ResourceAdapterInternalException("sqsEndpointPort: " + key + " already serves another "
                        + "engine; give each data directory its own port");
            }
            shared.users++;
            return shared;
        }
    }

    private static SluiceServer serve(EngineHold engine, AdapterProperties p) throws ResourceAdapterInternalException {
        ServerOptions options = ServerOptions.defaults()
                .withPort(p.endpointPort())
                .withBind(p.endpointBind())
                .withRegion(engine.options().region())
                .withAccount(engine.options().account())
                .withCredentials(credentials(p.endpointCredentials()));
        try {
            return SluiceServer.serve(engine.engine(), options);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ResourceAdapterInternalException("sqsEndpointPort: interrupted while starting the SQS endpoint", e);
        } catch (RuntimeException e) {
            throw new ResourceAdapterInternalException("sqsEndpointPort/sqsEndpointBind: could not serve the SQS "
                    + "endpoint on " + options.bind() + ":" + options.port() + ": " + e.getMessage(), e);
        }
    }

    /** {@code key:secret[,key:secret…]}; the secrets never appear in an error message. */
    static Map<String, String> credentials(String spec) throws ResourceAdapterInternalException {
        Map<String, String> map = new LinkedHashMap<>();
        if (spec == null || spec.isBlank()) {
            return map;
        }
        for (String pair : spec.split(",")) {
            int colon = pair.indexOf(':');
            if (colon <= 0 || colon == pair.trim().length() - 1) {
                throw new ResourceAdapterInternalException("sqsEndpointCredentials: each entry must be "
                        + "ACCESS_KEY_ID:SECRET_ACCESS_KEY, separated by commas");
            }
            map.put(pair.substring(0, colon).trim(), pair.substring(colon + 1).trim());
        }
        return map;
    }

    String url() {
        return server.endpointUrl();
    }

    @Override
    public void close() {
        synchronized (SERVED) {
            if (--users == 0) {
                SERVED.remove(key);
                server.close();
            }
        }
    }
}
