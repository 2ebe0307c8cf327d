package dev.sluice.server.clients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Raw-HTTP SQS client for either protocol. Inputs are given in the JSON protocol's shape; answers come back the
 * way botocore (which recorded the snapshots) shows them: the output members plus
 * {@code ResponseMetadata.HTTPStatusCode}, or {@code Error} {Code, Message, Type[, QueryErrorCode]}.
 */
final class WireClient {

    enum Protocol { JSON, QUERY }

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final Protocol protocol;
    final String endpoint;

    WireClient(Protocol protocol, String endpoint) {
        this.protocol = protocol;
        this.endpoint = endpoint;
    }

    static ObjectNode obj() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** Builds a JSON-shaped input from alternating keys and values (String, Number, Boolean, JsonNode, List, Map). */
    static ObjectNode in(Object... kv) {
        ObjectNode n = obj();
        for (int i = 0; i < kv.length; i += 2) {
            n.set((String) kv[i], MAPPER.valueToTree(kv[i + 1]));
        }
        return n;
    }

    ObjectNode call(String action, ObjectNode input) {
        try {
            return protocol == Protocol.JSON ? json(action, input) : query(action, input);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- JSON

    private ObjectNode json(String action, ObjectNode input) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint + "/"))
                .timeout(Duration.ofSeconds(40))
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "AmazonSQS." + action)
                .POST(HttpRequest.BodyPublishers.ofByteArray(MAPPER.writeValueAsBytes(input))).build();
        HttpResponse<byte[]> r = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        JsonNode body = r.body().length == 0 ? obj() : MAPPER.readTree(r.body());
        ObjectNode out;
        if (r.statusCode() >= 300) {
            out = obj();
            ObjectNode error = out.putObject("Error");
            String queryError = r.headers().firstValue("x-amzn-query-error").orElse(null);
            String type = body.path("__type").asText();
            String shape = type.substring(type.indexOf('#') + 1);
            if (queryError != null) {
                error.put("Code", queryError.substring(0, queryError.indexOf(';')));
                error.put("QueryErrorCode", shape);
                error.put("Type", queryError.substring(queryError.indexOf(';') + 1));
            } else {
                error.put("Code", shape);
            }
            error.put("Message", body.path("message").asText());
        } else {
            out = (ObjectNode) body;
        }
        out.putObject("ResponseMetadata").put("HTTPStatusCode", r.statusCode());
        return out;
    }

    // ---------------------------------------------------------------- Query

    private static final Map<String, String> LIST_PARAMS = Map.of(
            "AttributeNames", "AttributeName", "MessageAttributeNames", "MessageAttributeName",
            // botocore serialises both lists under the model's xmlName "AttributeName", so they share keys
            "MessageSystemAttributeNames", "AttributeName", "TagKeys", "TagKey");

    static Map<String, String> toQueryParams(String action, ObjectNode input) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("Action", action);
        p.put("Version", "2012-11-05");
        flatten(action, "", input, p);
        return p;
    }

    private static void flatten(String action, String prefix, ObjectNode input, Map<String, String> p) {
        for (Iterator<Map.Entry<String, JsonNode>> it = input.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            JsonNode v = e.getValue();
            switch (name) {
                case "Attributes" -> map(prefix + "Attribute", "Name", "Value", v, action, p);
                case "tags", "Tags" -> map(prefix + "Tag", "Key", "Value", v, action, p);
                case "MessageAttributes" -> map(prefix + "MessageAttribute", "Name", "Value", v, action, p);
                case "MessageSystemAttributes" -> map(prefix + "MessageSystemAttribute", "Name", "Value", v, action, p);
                case "Entries" -> {
                    int i = 1;
                    for (JsonNode entry : v) {
                        flatten(action, prefix + action + "RequestEntry." + i++ + ".", (ObjectNode) entry, p);
                    }
                }
                default -> {
                    if (LIST_PARAMS.containsKey(name)) {
                        int i = 1;
                        for (JsonNode item : v) {
                            // two lists with one xmlName produce the same key; SQS reads the first
                            p.putIfAbsent(prefix + LIST_PARAMS.get(name) + "." + i++, item.asText());
                        }
                    } else if (v.isObject()) {
                        flatten(action, prefix + name + ".", (ObjectNode) v, p);
                    } else {
                        p.put(prefix + name, v.asText());
                    }
                }
            }
        }
    }

    private static void map(String prefix, String key, String value, JsonNode map, String action, Map<String, String> p) {
        int i = 1;
        for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); i++) {
            Map.Entry<String, JsonNode> e = it.next();
            p.put(prefix + "." + i + "." + key, e.getKey());
            if (e.getValue().isObject()) {
                flatten(action, prefix + "." + i + "." + value + ".", (ObjectNode) e.getValue(), p);
            } else {
                p.put(prefix + "." + i + "." + value, e.getValue().asText());
            }
        }
    }

    static String form(Map<String, String> params) {
        StringBuilder b = new StringBuilder();
        params.forEach((k, v) -> {
            if (b.length() > 0) {
                b.append('&');
            }
            b.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
        return b.toString();
    }

    private ObjectNode query(String action, ObjectNode input) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint + "/"))
                .timeout(Duration.ofSeconds(40))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(form(toQueryParams(action, input)))).build();
        HttpResponse<byte[]> r = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        Element root = parse(r.body());
        ObjectNode out = obj();
        if (root.getTagName().equals("ErrorResponse")) {
            Element error = child(root, "Error");
            ObjectNode e = out.putObject("Error");
            e.put("Code", text(child(error, "Code")));
            e.put("Message", text(child(error, "Message")));
            e.put("Type", text(child(error, "Type")));
        } else {
            Element result = child(root, action + "Result");
            if (result != null) {
                out = structure(action, result);
            }
        }
        out.putObject("ResponseMetadata").put("HTTPStatusCode", r.statusCode());
        return out;
    }

    private static final Map<String, String> LISTS = Map.of(
            "Message", "Messages", "QueueUrl", "QueueUrls", "BatchResultErrorEntry", "Failed",
            "ListMessageMoveTasksResultEntry", "Results");
    private static final Map<String, String[]> MAPS = Map.of(
            "Attribute", new String[] {"Attributes", "Name", "Value"},
            "Tag", new String[] {"Tags", "Key", "Value"},
            "MessageAttribute", new String[] {"MessageAttributes", "Name", "Value"});
    private static final Set<String> BOOLEANS = Set.of("SenderFault");
    private static final Set<String> NUMBERS = Set.of("ApproximateNumberOfMessagesMoved",
            "ApproximateNumberOfMessagesToMove", "MaxNumberOfMessagesPerSecond", "StartedTimestamp");

    private static ObjectNode structure(String action, Element e) {
        ObjectNode out = obj();
        for (Element c : children(e)) {
            String name = c.getTagName();
            if (name.equals(action + "ResultEntry")) {
                out.withArray("Successful").add(structure(action, c));
            } else if (LISTS.containsKey(name) && (!name.equals("QueueUrl") || action.startsWith("List"))) {
                String json = name.equals("QueueUrl") && action.equals("ListDeadLetterSourceQueues") ? "queueUrls"
                        : LISTS.get(name);
                ArrayNode list = out.withArray(json);
                if (children(c).isEmpty()) {
                    list.add(text(c));
                } else {
                    list.add(structure(action, c));
                }
            } else if (MAPS.containsKey(name)) {
                String[] shape = MAPS.get(name);
                ObjectNode map = out.with(shape[0]);
                Element value = child(c, shape[2]);
                if (children(value).isEmpty()) {
                    map.put(text(child(c, shape[1])), text(value));
                } else {
                    map.set(text(child(c, shape[1])), structure(action, value));
                }
            } else if (BOOLEANS.contains(name)) {
                out.put(name, Boolean.parseBoolean(text(c)));
            } else if (NUMBERS.contains(name)) {
                out.put(name, Long.parseLong(text(c)));
            } else if (!children(c).isEmpty()) {
                out.set(name, structure(action, c));
            } else {
                out.put(name, text(c));
            }
        }
        return out;
    }

    private static Element parse(byte[] xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(false);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml)).getDocumentElement();
        } catch (Exception e) {
            throw new IllegalStateException("Not XML: " + new String(xml, StandardCharsets.UTF_8), e);
        }
    }

    private static List<Element> children(Element e) {
        List<Element> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                out.add(c);
            }
        }
        return out;
    }

    private static Element child(Element e, String name) {
        return children(e).stream().filter(c -> c.getTagName().equals(name)).findFirst().orElse(null);
    }

    private static String text(Element e) {
        return e == null ? null : e.getTextContent();
    }
}
