package dev.sluice.server.action;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.engine.error.SqsException;
import dev.sluice.engine.model.MessageAttribute;
import dev.sluice.server.protocol.ProtocolException;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an action's input. Both wire protocols arrive here as the JSON protocol's shape (the Query
 * protocol is converted first), so each action reads its parameters one way.
 */
public final class Params {

    private final JsonNode input;

    public Params(JsonNode input) {
        this.input = input;
    }

    public JsonNode node() {
        return input;
    }

    public String string(String name) {
        JsonNode n = input.get(name);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isValueNode()) {
            throw ProtocolException.malformed("Start of structure or map found where not expected: " + name);
        }
        return n.asText();
    }

    public String requiredString(String name) {
        String v = string(name);
        if (v == null || v.isEmpty()) {
            throw SqsException.missingParameter(name);
        }
        return v;
    }

    public Integer integer(String name) {
        JsonNode n = input.get(name);
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isIntegralNumber() && n.canConvertToInt()) {
            return n.intValue();
        }
        if (n.isTextual()) {
            try {
                return Integer.valueOf(n.asText().trim());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw SqsException.invalidParameter(name, n.asText(), "Must be an integer.");
    }

    public Map<String, String> stringMap(String name) {
        JsonNode n = input.get(name);
        Map<String, String> out = new LinkedHashMap<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (!n.isObject()) {
            throw ProtocolException.malformed("Expected a map for " + name);
        }
        n.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
        return out;
    }

    public List<String> stringList(String name) {
        JsonNode n = input.get(name);
        List<String> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (!n.isArray()) {
            throw ProtocolException.malformed("Expected a list for " + name);
        }
        n.forEach(v -> out.add(v.asText()));
        return out;
    }

    public List<Params> list(String name) {
        JsonNode n = input.get(name);
        List<Params> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (!n.isArray()) {
            throw ProtocolException.malformed("Expected a list for " + name);
        }
        n.forEach(v -> {
            if (!v.isObject()) {
                throw ProtocolException.malformed("Expected a structure in " + name);
            }
            out.add(new Params(v));
        });
        return out;
    }

    /** MessageAttributes / MessageSystemAttributes: name → {DataType, StringValue | BinaryValue (base64)}. */
    public Map<String, MessageAttribute> attributes(String name) {
        JsonNode n = input.get(name);
        Map<String, MessageAttribute> out = new LinkedHashMap<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (!n.isObject()) {
            throw ProtocolException.malformed("Expected a map for " + name);
        }
        for (var it = n.fields(); it.hasNext(); ) {
            var e = it.next();
            JsonNode v = e.getValue();
            if (!v.isObject()) {
                throw ProtocolException.malformed("Expected a structure for " + name + "." + e.getKey());
            }
            if (v.has("StringListValues") || v.has("BinaryListValues")) {
                throw new SqsException(dev.sluice.engine.error.SqsError.INVALID_PARAMETER_VALUE,
                        "Message attribute list values in SendMessage operation are not supported.");
            }
            String type = text(v.get("DataType"));
            String string = text(v.get("StringValue"));
            String binary = text(v.get("BinaryValue"));
            byte[] bytes = null;
            if (binary != null) {
                try {
                    bytes = Base64.getMimeDecoder().decode(binary);
                } catch (IllegalArgumentException ex) {
                    throw SqsException.invalidParameter(name + "." + e.getKey() + ".BinaryValue", "(binary)",
                            "Binary value is not valid Base64.");
                }
            }
            boolean isBinary = type != null && type.startsWith("Binary");
            out.put(e.getKey(), new MessageAttribute(type, isBinary ? null : string, isBinary ? bytes : null));
        }
        return out;
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }
}
