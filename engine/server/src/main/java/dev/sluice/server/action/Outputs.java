package dev.sluice.server.action;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.engine.model.BatchResult;
import dev.sluice.engine.model.MessageAttribute;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/** Output pieces several actions share, in the JSON protocol's shape. */
final class Outputs {

    private Outputs() {
    }

    static void putIfPresent(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }

    static void putStringMap(ObjectNode node, String name, Map<String, String> map) {
        if (map != null && !map.isEmpty()) {
            ObjectNode m = node.putObject(name);
            map.forEach(m::put);
        }
    }

    static void putAttributes(ObjectNode node, String name, Map<String, MessageAttribute> attributes) {
        if (attributes == null || attributes.isEmpty()) {
            return;
        }
        ObjectNode m = node.putObject(name);
        attributes.forEach((k, a) -> {
            ObjectNode v = m.putObject(k);
            if (a.binaryValue() != null) {
                v.put("BinaryValue", Base64.getEncoder().encodeToString(a.binaryValue()));
            } else {
                v.put("StringValue", a.stringValue());
            }
            v.put("DataType", a.dataType());
        });
    }

    static void putQueueUrls(ObjectNode node, String name, List<String> queueNames, RequestContext ctx) {
        if (!queueNames.isEmpty()) {
            ArrayNode urls = node.putArray(name);
            queueNames.forEach(n -> urls.add(ctx.queueUrl(n)));
        }
    }

    /** Successful and Failed entries of a batch answer; {@code success} fills each successful entry. */
    static <T> ObjectNode batch(BatchResult<T> result, BiConsumer<ObjectNode, T> success) {
        ObjectNode out = SqsAction.output();
        ArrayNode ok = out.putArray("Successful");
        for (BatchResult.Success<T> s : result.successful()) {
            ObjectNode e = ok.addObject();
            e.put("Id", s.id());
            success.accept(e, s.result());
        }
        ArrayNode failed = out.putArray("Failed");
        for (BatchResult.Failure f : result.failed()) {
            ObjectNode e = failed.addObject();
            e.put("Id", f.id());
            e.put("SenderFault", f.senderFault());
            e.put("Code", f.code());
            e.put("Message", f.message());
        }
        if (failed.isEmpty()) {
            out.remove("Failed"); // AWS leaves an empty Failed list out of the JSON answer
        }
        return out;
    }
}
