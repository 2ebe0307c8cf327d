package dev.sluice.server.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.engine.error.SqsException;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * AWS JSON 1.0: {@code POST /} with {@code X-Amz-Target: AmazonSQS.<Action>} and a JSON body. Errors carry
 * the Query code in {@code x-amzn-query-error} because SQS is "awsQueryCompatible", which is how boto3 and
 * the AWS CLI show the same codes on both protocols.
 */
public final class JsonProtocol implements Protocol {

    public static final String CONTENT_TYPE = "application/x-amz-json-1.0";
    private static final String TARGET_PREFIX = "AmazonSQS.";

    private final ObjectMapper mapper = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).build()).build())
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    public static boolean accepts(WireRequest request) {
        String type = request.header("content-type");
        return request.header("x-amz-target") != null
                || type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-amz-json");
    }

    @Override
    public Call read(WireRequest request) {
        String target = request.header("x-amz-target");
        if (target == null || !target.startsWith(TARGET_PREFIX)) {
            throw new ProtocolException(400, "UnknownOperationException",
                    "com.amazon.coral.service#UnknownOperationException", target == null
                            ? "The request has no X-Amz-Target header naming the operation (AmazonSQS.<Operation>)."
                            : "The X-Amz-Target " + target + " does not name an SQS operation (AmazonSQS.<Operation>).");
        }
        String action = target.substring(TARGET_PREFIX.length());
        byte[] body = request.body();
        if (body.length == 0) {
            return new Call(action, mapper.createObjectNode());
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException e) {
            throw ProtocolException.malformed("The request body is not valid UTF-8.");
        }
        JsonNode node;
        try {
            node = mapper.readTree(body);
        } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
            throw ProtocolException.malformed("The request body is not valid JSON: nested too deeply or too long a value.");
        } catch (JsonProcessingException e) {
            throw ProtocolException.malformed("The request body is not valid JSON.");
        } catch (IOException e) {
            throw ProtocolException.malformed("The request body could not be read.");
        }
        if (node == null || node.isMissingNode() || node.isNull()) {
            return new Call(action, mapper.createObjectNode());
        }
        if (!node.isObject()) {
            throw ProtocolException.malformed("The request body must be a JSON object.");
        }
        return new Call(action, (ObjectNode) node);
    }

    @Override
    public WireResponse success(String action, ObjectNode output, String requestId) {
        return respond(200, output, Map.of("x-amzn-RequestId", requestId));
    }

    @Override
    public WireResponse error(SqsException e, String requestId) {
        ObjectNode body = mapper.createObjectNode()
                .put("__type", "com.amazonaws.sqs#" + e.error().shape())
                .put("message", e.getMessage());
        return respond(e.error().httpStatus(), body, Map.of("x-amzn-RequestId", requestId,
                "x-amzn-query-error", e.error().code() + ";Sender"));
    }

    @Override
    public WireResponse error(ProtocolException e, String requestId) {
        ObjectNode body = mapper.createObjectNode().put("__type", e.type()).put("message", e.getMessage());
        return respond(e.status(), body, Map.of("x-amzn-RequestId", requestId,
                "x-amzn-query-error", e.code() + ";Sender"));
    }

    @Override
    public WireResponse internalError(String requestId) {
        ObjectNode body = mapper.createObjectNode().put("__type", "com.amazonaws.sqs#InternalError")
                .put("message", "We encountered an internal error. Please try again.");
        return respond(500, body, Map.of("x-amzn-RequestId", requestId,
                "x-amzn-query-error", "InternalError;Receiver"));
    }

    private WireResponse respond(int status, ObjectNode body, Map<String, String> headers) {
        try {
            return new WireResponse(status, CONTENT_TYPE, headers, mapper.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }
}
