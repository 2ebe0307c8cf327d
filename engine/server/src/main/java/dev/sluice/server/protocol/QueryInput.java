package dev.sluice.server.protocol;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.TreeMap;

/**
 * Turns Query parameters ({@code Attribute.1.Name=…}, {@code SendMessageBatchRequestEntry.2.Id=…}) into the
 * JSON protocol's input shape, following the model's flattened list and map names.
 */
final class QueryInput {

    /** Flattened lists: Query member name → JSON member name. */
    private static final Map<String, String> LISTS = Map.of(
            "SendMessageBatchRequestEntry", "Entries",
            "DeleteMessageBatchRequestEntry", "Entries",
            "ChangeMessageVisibilityBatchRequestEntry", "Entries",
            "AttributeName", "AttributeNames",
            "MessageAttributeName", "MessageAttributeNames",
            "MessageSystemAttributeName", "MessageSystemAttributeNames",
            "TagKey", "TagKeys");

    private record MapShape(String jsonName, String key, String value) {
    }

    /** Flattened maps: Query member name → JSON member name and entry key/value names. */
    private static final Map<String, MapShape> MAPS = Map.of(
            "Attribute", new MapShape("Attributes", "Name", "Value"),
            "Tag", new MapShape("Tags", "Key", "Value"),
            "Tags", new MapShape("Tags", "Key", "Value"), // the AWS SDK for Java v1 sends TagQueue as Tags.N.Key
            "MessageAttribute", new MapShape("MessageAttributes", "Name", "Value"),
            "MessageSystemAttribute", new MapShape("MessageSystemAttributes", "Name", "Value"));

    private static final int MAX_DEPTH = 8;

    private QueryInput() {
    }

    static ObjectNode toJson(String action, Map<String, String> params) {
        Tree root = new Tree();
        params.forEach((key, value) -> {
            if (!key.equals("Action") && !key.equals("Version") && !key.startsWith("X-Amz-")
                    && !key.equals("AWSAccessKeyId") && !key.startsWith("Signature") && !key.equals("Timestamp")
                    && !key.equals("Expires")) {
                root.put(key.split("\\.", MAX_DEPTH + 1), 0, value);
            }
        });
        ObjectNode out = convert(root);
        if (action.equals("CreateQueue") && out.has("Tags")) {
            out.set("tags", out.remove("Tags"));
        }
        return out;
    }

    /** Parameters as a tree of path segments. */
    private static final class Tree {
        final Map<String, Object> children = new TreeMap<>();

        void put(String[] path, int i, String value) {
            if (path.length > MAX_DEPTH) {
                throw ProtocolException.malformed("Parameter name nested too deeply: " + String.join(".", path));
            }
            if (i == path.length - 1) {
                if (children.get(path[i]) instanceof Tree) {
                    throw ProtocolException.malformed("Parameter " + String.join(".", path) + " is both a value and a structure.");
                }
                children.put(path[i], value);
                return;
            }
            Object child = children.computeIfAbsent(path[i], k -> new Tree());
            if (!(child instanceof Tree t)) {
                throw ProtocolException.malformed("Parameter " + String.join(".", path) + " is both a value and a structure.");
            }
            t.put(path, i + 1, value);
        }
    }

    private static ObjectNode convert(Tree tree) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, Object> e : tree.children.entrySet()) {
            String name = e.getKey();
            Object v = e.getValue();
            if (LISTS.containsKey(name) && v instanceof Tree t) {
                ArrayNode list = out.putArray(LISTS.get(name));
                for (Object item : indexed(name, t).values()) {
                    if (item instanceof Tree it) {
                        list.add(convert(it));
                    } else {
                        list.add((String) item);
                    }
                }
            } else if (MAPS.containsKey(name) && v instanceof Tree t) {
                MapShape shape = MAPS.get(name);
                ObjectNode map = out.putObject(shape.jsonName);
                for (Object item : indexed(name, t).values()) {
                    if (!(item instanceof Tree entry) || !(entry.children.get(shape.key) instanceof String key)) {
                        throw ProtocolException.malformed(name + " entries need a " + shape.key + ".");
                    }
                    Object value = entry.children.get(shape.value);
                    if (value instanceof Tree vt) {
                        map.set(key, convert(vt));
                    } else {
                        map.put(key, value == null ? "" : (String) value);
                    }
                }
            } else if (v instanceof Tree t) {
                out.set(name, convert(t));
            } else {
                out.put(name, (String) v);
            }
        }
        return out;
    }

    /** The children of a flattened list or map in index order (1, 2, …, 10, not 1, 10, 2). */
    private static TreeMap<Integer, Object> indexed(String name, Tree t) {
        TreeMap<Integer, Object> byIndex = new TreeMap<>();
        for (Map.Entry<String, Object> c : t.children.entrySet()) {
            try {
                byIndex.put(Integer.parseInt(c.getKey()), c.getValue());
            } catch (NumberFormatException ex) {
                throw ProtocolException.malformed("Invalid index " + c.getKey() + " in " + name + ".");
            }
        }
        return byIndex;
    }
}
