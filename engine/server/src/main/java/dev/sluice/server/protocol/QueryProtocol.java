package dev.sluice.server.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.engine.error.SqsError;
import dev.sluice.engine.error.SqsException;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Query protocol: form-encoded {@code Action=…&Version=2012-11-05} (in the body or the URL), XML
 * answers. Older SDKs and CLIs speak it.
 */
public final class QueryProtocol implements Protocol {

    public static final String CONTENT_TYPE = "text/xml";

    @Override
    public Call read(WireRequest request) {
        Map<String, String> params = new LinkedHashMap<>();
        FormDecoder.decode(request.rawQuery(), params);
        if (request.body().length > 0) {
            FormDecoder.decode(new String(request.body(), StandardCharsets.ISO_8859_1), params);
        }
        String action = params.get("Action");
        if (action == null || action.isEmpty()) {
            throw new ProtocolException(400, "MissingAction", "MissingAction", "No Action specified.");
        }
        return new Call(action, QueryInput.toJson(action, params));
    }

    @Override
    public WireResponse success(String action, ObjectNode output, String requestId) {
        return xml(200, QueryOutput.write(action, output, requestId), requestId);
    }

    @Override
    public WireResponse error(SqsException e, String requestId) {
        String message = e.error() == SqsError.QUEUE_DOES_NOT_EXIST
                ? "The specified queue does not exist for this wsdl version." : e.getMessage();
        return xml(e.error().httpStatus(), QueryOutput.error(e.error().code(), message, requestId), requestId);
    }

    @Override
    public WireResponse error(ProtocolException e, String requestId) {
        return xml(e.status(), QueryOutput.error(e.code(), e.getMessage(), requestId), requestId);
    }

    @Override
    public WireResponse internalError(String requestId) {
        return xml(500, QueryOutput.error("InternalError", "We encountered an internal error. Please try again.",
                requestId), requestId);
    }

    private static WireResponse xml(int status, String body, String requestId) {
        return new WireResponse(status, CONTENT_TYPE, Map.of("x-amzn-RequestId", requestId),
                body.getBytes(StandardCharsets.UTF_8));
    }
}
