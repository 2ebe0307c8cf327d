package dev.sluice.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.engine.SqsEngine;
import dev.sluice.engine.error.SqsException;
import dev.sluice.server.action.Actions;
import dev.sluice.server.action.Params;
import dev.sluice.server.action.RequestContext;
import dev.sluice.server.action.SqsAction;
import dev.sluice.server.auth.Authenticator;
import dev.sluice.server.metrics.Metrics;
import dev.sluice.server.protocol.JsonProtocol;
import dev.sluice.server.protocol.Protocol;
import dev.sluice.server.protocol.ProtocolException;
import dev.sluice.server.protocol.QueryProtocol;
import dev.sluice.server.protocol.WireRequest;
import dev.sluice.server.protocol.WireResponse;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * The SQS endpoint without the HTTP server: picks the protocol, authenticates, dispatches to the action,
 * and turns every outcome — including bad input and internal failures — into AWS's response shape.
 */
public final class SqsEndpoint {

    private static final System.Logger LOG = System.getLogger(SqsEndpoint.class.getName());

    private final SqsEngine engine;
    private final Authenticator authenticator;
    private final Metrics metrics;
    private final JsonProtocol json = new JsonProtocol();
    private final QueryProtocol query = new QueryProtocol();

    public SqsEndpoint(SqsEngine engine, Authenticator authenticator, Metrics metrics) {
        this.engine = engine;
        this.authenticator = authenticator;
        this.metrics = metrics;
    }

    public WireResponse handle(WireRequest request, String baseUrl) {
        String requestId = UUID.randomUUID().toString();
        if (request.method().equals("GET") && request.path().equals("/health")) {
            return text(200, "text/plain; charset=utf-8", "OK\n", requestId);
        }
        if (request.method().equals("GET") && request.path().equals("/metrics")) {
            // Queue names and depths are not for anyone who can reach a non-loopback port: same rule as SQS calls.
            try {
                authenticator.authenticate(request);
            } catch (ProtocolException e) {
                return query.error(e, requestId);
            }
            return text(200, "text/plain; version=0.0.4; charset=utf-8", metrics.render(engine), requestId);
        }
        Protocol protocol = JsonProtocol.accepts(request) ? json : query;
        if (!request.method().equals("POST") && !(protocol == query && request.method().equals("GET"))) {
            return protocol.error(new ProtocolException(405, "UnsupportedHttpVerb", "UnsupportedHttpVerb",
                    "The HTTP method " + request.method() + " is not supported here."), requestId);
        }
        long start = System.nanoTime();
        String actionName = "unknown";
        boolean failed = true;
        try {
            String caller = authenticator.authenticate(request);
            Protocol.Call call = protocol.read(request);
            SqsAction action = Actions.find(call.action());
            if (action == null) {
                throw protocol == json
                        ? new ProtocolException(400, "UnknownOperationException",
                                "com.amazon.coral.service#UnknownOperationException",
                                "The action " + call.action() + " is not valid for this endpoint.")
                        : new ProtocolException(400, "InvalidAction", "InvalidAction",
                                "The action " + call.action() + " is not valid for this endpoint.");
            }
            actionName = action.name();
            RequestContext ctx = new RequestContext(engine, baseUrl, queueFromPath(request.path()), caller);
            ObjectNode output = action.handle(new Params(call.input()), ctx);
            failed = false;
            return protocol.success(action.name(), output, requestId);
        } catch (SqsException e) {
            return protocol.error(e, requestId);
        } catch (ProtocolException e) {
            return protocol.error(e, requestId);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "Request " + requestId + " (" + actionName + ") failed", e);
            return protocol.internalError(requestId);
        } finally {
            metrics.record(actionName, System.nanoTime() - start, failed);
        }
    }

    /** Query clients may post to the queue URL itself: {@code /<account>/<queue>}. */
    private String queueFromPath(String path) {
        String[] parts = RequestContext.pathSegments(path);
        return parts.length == 2 && parts[0].equals(engine.account()) && !parts[1].isEmpty() ? parts[1] : null;
    }

    private static WireResponse text(int status, String type, String body, String requestId) {
        return new WireResponse(status, type, Map.of("x-amzn-RequestId", requestId),
                body.getBytes(StandardCharsets.UTF_8));
    }
}
