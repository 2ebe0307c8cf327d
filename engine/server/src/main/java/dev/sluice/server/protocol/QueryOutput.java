package dev.sluice.server.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Writes an action's output (in the JSON protocol's shape) as the Query protocol's XML, with the model's
 * flattened list and map element names.
 */
final class QueryOutput {

    static final String NAMESPACE = "http://queue.amazonaws.com/doc/2012-11-05/";

    private static final Map<String, String> LIST_ELEMENTS = Map.of(
            "Messages", "Message",
            "QueueUrls", "QueueUrl",
            "queueUrls", "QueueUrl",
            "Failed", "BatchResultErrorEntry",
            "Results", "ListMessageMoveTasksResultEntry");

    private record MapShape(String element, String key, String value) {
    }

    private static final Map<String, MapShape> MAPS = Map.of(
            "Attributes", new MapShape("Attribute", "Name", "Value"),
            "Tags", new MapShape("Tag", "Key", "Value"),
            "MessageAttributes", new MapShape("MessageAttribute", "Name", "Value"));

    /** Actions whose response has no Result element at all. */
    private static final Set<String> NO_RESULT = Set.of("DeleteQueue", "DeleteMessage", "SetQueueAttributes",
            "PurgeQueue", "TagQueue", "UntagQueue", "ChangeMessageVisibility");

    private QueryOutput() {
    }

    static String write(String action, ObjectNode output, String requestId) {
        StringBuilder xml = new StringBuilder(256);
        xml.append("<?xml version=\"1.0\"?><").append(action).append("Response xmlns=\"").append(NAMESPACE).append("\">");
        if (!NO_RESULT.contains(action)) {
            xml.append('<').append(action).append("Result>");
            writeFields(xml, action, output);
            xml.append("</").append(action).append("Result>");
        }
        xml.append("<ResponseMetadata><RequestId>").append(requestId).append("</RequestId></ResponseMetadata></")
                .append(action).append("Response>");
        return xml.toString();
    }

    static String error(String code, String message, String requestId) {
        StringBuilder xml = new StringBuilder(256);
        xml.append("<?xml version=\"1.0\"?><ErrorResponse xmlns=\"").append(NAMESPACE)
                .append("\"><Error><Type>Sender</Type><Code>");
        escape(xml, code);
        xml.append("</Code><Message>");
        escape(xml, message);
        xml.append("</Message><Detail/></Error><RequestId>").append(requestId).append("</RequestId></ErrorResponse>");
        return xml.toString();
    }

    private static void writeFields(StringBuilder xml, String action, ObjectNode node) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            JsonNode value = e.getValue();
            if (value.isArray()) {
                String element = name.equals("Successful") ? action + "ResultEntry" : LIST_ELEMENTS.getOrDefault(name, name);
                for (JsonNode item : value) {
                    writeElement(xml, action, element, item);
                }
            } else if (value.isObject() && MAPS.containsKey(name)) {
                MapShape shape = MAPS.get(name);
                for (Iterator<Map.Entry<String, JsonNode>> m = value.fields(); m.hasNext(); ) {
                    Map.Entry<String, JsonNode> entry = m.next();
                    xml.append('<').append(shape.element).append('>');
                    writeElement(xml, action, shape.key, textNode(entry.getKey()));
                    writeElement(xml, action, shape.value, entry.getValue());
                    xml.append("</").append(shape.element).append('>');
                }
            } else {
                writeElement(xml, action, name, value);
            }
        }
    }

    private static JsonNode textNode(String s) {
        return com.fasterxml.jackson.databind.node.TextNode.valueOf(s);
    }

    private static void writeElement(StringBuilder xml, String action, String name, JsonNode value) {
        xml.append('<').append(name).append('>');
        if (value.isObject()) {
            writeFields(xml, action, (ObjectNode) value);
        } else {
            escape(xml, value.asText());
        }
        xml.append("</").append(name).append('>');
    }

    /** XML text escaping; CR is escaped too, or parsers would turn it into LF and break MD5OfBody. */
    static void escape(StringBuilder xml, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> xml.append("&amp;");
                case '<' -> xml.append("&lt;");
                case '>' -> xml.append("&gt;");
                case '"' -> xml.append("&quot;");
                case '\'' -> xml.append("&apos;");
                case '\r' -> xml.append("&#xD;");
                default -> xml.append(c);
            }
        }
    }
}
