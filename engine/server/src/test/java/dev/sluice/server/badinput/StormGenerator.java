package dev.sluice.server.badinput;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded generator of malformed and mutated SQS requests, both protocols, every action: valid requests
 * with fields dropped, duplicated, retyped, renamed or nested, random bytes, truncation, huge and negative
 * numbers, unicode oddities, wrong content types, methods, paths and targets, and broken HTTP framing.
 *
 * <p>Requests aimed at the protected queue look valid but always carry two independent faults, so no single
 * mutation can turn one into a request that takes, hides, deletes or adds a message there; nothing else
 * the storm generates can name that queue.
 */
final class StormGenerator {

    /** One generated request: its raw bytes, whether it was a HEAD request, and a label for reports. */
    record Req(String label, byte[] bytes, boolean head) {
    }

    static final List<String> ACTIONS = List.of("CreateQueue", "GetQueueUrl", "ListQueues", "DeleteQueue",
            "GetQueueAttributes", "SetQueueAttributes", "PurgeQueue", "TagQueue", "UntagQueue", "ListQueueTags",
            "ListDeadLetterSourceQueues", "SendMessage", "SendMessageBatch", "ReceiveMessage", "DeleteMessage",
            "DeleteMessageBatch", "ChangeMessageVisibility", "ChangeMessageVisibilityBatch", "StartMessageMoveTask",
            "ListMessageMoveTasks", "CancelMessageMoveTask");

    /** What may be aimed at the protected queue (after poisoning): nothing that purges, deletes or reconfigures it. */
    static final List<String> PROTECTED_ACTIONS = List.of("ReceiveMessage", "SendMessage", "SendMessageBatch",
            "DeleteMessage", "DeleteMessageBatch", "ChangeMessageVisibility", "ChangeMessageVisibilityBatch",
            "GetQueueAttributes", "ListQueueTags", "TagQueue", "UntagQueue", "ListDeadLetterSourceQueues");

    private static final String LONE_SURROGATE = "@@LONE@@";
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final Random rnd;
    private final String hostPort;
    private final String account;
    private final String protectedUrl;
    private final List<String> scratchNames;
    private final String dlqArn;
    /** Whether byte-level mutations must stay at one point (protected requests: one fault stays intact). */
    private boolean singlePoint;

    StormGenerator(long seed, String hostPort, String account, String protectedUrl, List<String> scratchNames,
                   String dlqArn) {
        this.rnd = new Random(seed);
        this.hostPort = hostPort;
        this.account = account;
        this.protectedUrl = protectedUrl;
        this.scratchNames = scratchNames;
        this.dlqArn = dlqArn;
    }

    Req next() {
        int kind = rnd.nextInt(100);
        if (kind < 8) {
            return framing();
        }
        boolean prot = kind < 33;
        String action = prot ? pick(PROTECTED_ACTIONS) : pick(ACTIONS);
        String url = prot ? protectedUrl : scratchUrl();
        ObjectNode in = template(action, url);
        StringBuilder label = new StringBuilder(prot ? "protected:" : "scratch:").append(action);
        String duplicate = null;
        int mutations = 1 + rnd.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            int m = rnd.nextInt(prot ? 7 : 8);
            switch (m) {
                case 0 -> label.append(" drop:").append(drop(in));
                case 1 -> label.append(" retype:").append(retype(in));
                case 2 -> label.append(" add:").append(add(in));
                case 3 -> label.append(" rename:").append(rename(in));
                case 4 -> {
                    duplicate = anyField(in);
                    label.append(" dup:").append(duplicate);
                }
                case 5 -> label.append(" nest:").append(nest(in));
                case 6 -> label.append(" entries:").append(entries(in));
                default -> {
                    action = pick(ACTIONS);
                    label.append(" action->").append(action);
                }
            }
        }
        if (prot) {
            poison(action, in);
        } else if (action.equals("ReceiveMessage")) {
            in.set("WaitTimeSeconds", pick(List.of(F.numberNode(0), F.numberNode(-1), F.numberNode(21), F.textNode("x"))));
        }
        String wireAction = action;
        if (rnd.nextInt(12) == 0) {
            wireAction = pick(List.of(action.toLowerCase(), action + "s", "", " " + action, action + "\u00e9",
                    "Frobnicate", "AmazonSQS." + action, action.toUpperCase(), "../" + action));
            label.append(" actionName:").append(wireAction);
        }
        boolean json = rnd.nextBoolean();
        label.insert(0, json ? "json " : "query ");
        singlePoint = prot;
        return json ? jsonRequest(wireAction, in, duplicate, label) : queryRequest(wireAction, in, duplicate, label);
    }

    // ---- templates: valid inputs ----------------------------------------------------------------------

    private ObjectNode template(String action, String url) {
        ObjectNode in = F.objectNode();
        switch (action) {
            case "CreateQueue" -> {
                in.put("QueueName", pick(scratchNames).replace("storm-scratch-", rnd.nextBoolean() ? "storm-doomed-" : "storm-scratch-"));
                ObjectNode attrs = in.putObject("Attributes");
                attrs.put("VisibilityTimeout", "30");
                if (rnd.nextBoolean()) {
                    attrs.put("RedrivePolicy", "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"3\"}");
                }
                if (rnd.nextInt(4) == 0) {
                    attrs.put("Policy", "{\"Version\":\"2012-10-17\",\"Statement\":[]}");
                }
                in.putObject("tags").put("team", "storm");
            }
            case "GetQueueUrl" -> in.put("QueueName", pick(scratchNames));
            case "ListQueues" -> in.put("QueueNamePrefix", "storm").put("MaxResults", 10);
            case "DeleteQueue" -> in.put("QueueUrl", url.replace("storm-scratch-", "storm-doomed-"));
            case "PurgeQueue", "ListQueueTags" -> in.put("QueueUrl", url);
            case "GetQueueAttributes" -> {
                in.put("QueueUrl", url);
                in.putArray("AttributeNames").add("All");
            }
            case "SetQueueAttributes" -> {
                in.put("QueueUrl", url);
                ObjectNode attrs = in.putObject("Attributes");
                attrs.put(pick(List.of("VisibilityTimeout", "DelaySeconds", "MaximumMessageSize", "RedrivePolicy",
                        "Policy", "RedriveAllowPolicy", "KmsDataKeyReusePeriodSeconds", "SqsManagedSseEnabled")),
                        pick(List.of("10", "0", "1024", "{\"redrivePermission\":\"allowAll\"}",
                                "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":5}", "true")));
            }
            case "TagQueue" -> {
                in.put("QueueUrl", url);
                in.putObject("Tags").put("k" + rnd.nextInt(5), "v");
            }
            case "UntagQueue" -> {
                in.put("QueueUrl", url);
                in.putArray("TagKeys").add("k1");
            }
            case "ListDeadLetterSourceQueues" -> in.put("QueueUrl", url).put("MaxResults", 5);
            case "SendMessage" -> {
                in.put("QueueUrl", url).put("MessageBody", "storm " + rnd.nextInt()).put("DelaySeconds", 0);
                ObjectNode a = in.putObject("MessageAttributes").putObject("attr");
                a.put("DataType", pick(List.of("String", "Number", "Binary", "String.custom")));
                if (a.get("DataType").asText().equals("Binary")) {
                    a.put("BinaryValue", "AAEC");
                } else {
                    a.put("StringValue", "42");
                }
                if (url.endsWith(".fifo") || rnd.nextInt(8) == 0) {
                    in.put("MessageGroupId", "g").put("MessageDeduplicationId", "d" + rnd.nextInt());
                }
            }
            case "SendMessageBatch" -> {
                in.put("QueueUrl", url);
                ArrayNode entries = in.putArray("Entries");
                entries.addObject().put("Id", "a").put("MessageBody", "x");
                entries.addObject().put("Id", "b").put("MessageBody", "y").put("DelaySeconds", 0);
            }
            case "ReceiveMessage" -> {
                in.put("QueueUrl", url).put("MaxNumberOfMessages", 1 + rnd.nextInt(10)).put("WaitTimeSeconds", 0)
                        .put("VisibilityTimeout", rnd.nextInt(3));
                in.putArray("MessageSystemAttributeNames").add("All");
                in.putArray("MessageAttributeNames").add("All");
            }
            case "DeleteMessage" -> in.put("QueueUrl", url).put("ReceiptHandle", fakeHandle());
            case "DeleteMessageBatch" -> {
                in.put("QueueUrl", url);
                in.putArray("Entries").addObject().put("Id", "a").put("ReceiptHandle", fakeHandle());
            }
            case "ChangeMessageVisibility" -> in.put("QueueUrl", url).put("ReceiptHandle", fakeHandle())
                    .put("VisibilityTimeout", 10);
            case "ChangeMessageVisibilityBatch" -> {
                in.put("QueueUrl", url);
                in.putArray("Entries").addObject().put("Id", "a").put("ReceiptHandle", fakeHandle())
                        .put("VisibilityTimeout", 5);
            }
            case "StartMessageMoveTask" -> in.put("SourceArn", dlqArn).put("MaxNumberOfMessagesPerSecond", 10);
            case "ListMessageMoveTasks" -> in.put("SourceArn", dlqArn).put("MaxResults", 10);
            case "CancelMessageMoveTask" -> in.put("TaskHandle", fakeHandle());
            default -> throw new IllegalArgumentException(action);
        }
        return in;
    }

    /**
     * Two independent faults per protected request, so that one mutation cannot make it valid again. They go
     * first, before QueueUrl, and every prefix of them is invalid too: a truncation that cuts into them also
     * cuts off the queue.
     */
    private void poison(String action, ObjectNode in) {
        ObjectNode faults = F.objectNode();
        switch (action) {
            case "ReceiveMessage" -> faults.put("MaxNumberOfMessages", -5).put("WaitTimeSeconds", -1);
            case "SendMessage" -> faults.put("MessageBody", "").put("DelaySeconds", -1);
            case "SendMessageBatch" -> {
                ArrayNode entries = faults.putArray("Entries");
                for (int i = 0; i < 11; i++) {
                    entries.addObject().put("Id", "p" + i).put("MessageBody", "").put("DelaySeconds", -1);
                }
            }
            default -> {
                return; // the rest only ever carry made-up receipt handles, or cannot lose or add messages
            }
        }
        in.fields().forEachRemaining(e -> {
            if (!faults.has(e.getKey())) {
                faults.set(e.getKey(), e.getValue());
            }
        });
        in.removeAll();
        in.setAll(faults);
    }

    // ---- tree mutations ---------------------------------------------------------------------------------

    private String drop(ObjectNode in) {
        String f = anyField(in);
        if (f != null) {
            in.remove(f);
        }
        return f;
    }

    private String retype(ObjectNode in) {
        String f = anyField(in);
        if (f == null) {
            return null;
        }
        JsonNode v = in.get(f);
        if (v.isObject() && v.size() > 0 && rnd.nextBoolean()) { // inside a map / structure
            String g = v.fieldNames().next();
            ((ObjectNode) v).set(g, weird());
            return f + "." + g;
        }
        if (v.isArray() && v.size() > 0 && v.get(0).isObject() && rnd.nextBoolean()) { // inside a batch entry
            ObjectNode e = (ObjectNode) v.get(0);
            String g = anyField(e);
            if (g != null) {
                e.set(g, weird());
                return f + "[0]." + g;
            }
        }
        in.set(f, weird());
        return f;
    }

    private String add(ObjectNode in) {
        String name = pick(List.of("QueueName", "QueueUrl", "MessageBody", "ReceiptHandle", "Entries", "Attributes",
                "AttributeNames", "MaxResults", "NextToken", "DelaySeconds", "VisibilityTimeout", "Unknown",
                "__type", "", "Action", "Version", "X-Amz-Date", "tags", "Tags", "QueueOwnerAWSAccountId",
                "a.b.c", "\u00fcber", "MessageGroupId"));
        if (name.equals("QueueUrl") || name.equals("QueueName")) {
            in.put(name, pick(List.of(scratchUrl(), "http://[::1", "nope", "", "http://x/" + account + "/missing")));
        } else {
            in.set(name, weird());
        }
        return name;
    }

    private String rename(ObjectNode in) {
        String f = anyField(in);
        if (f == null) {
            return null;
        }
        JsonNode v = in.remove(f);
        String to = pick(List.of(f.toLowerCase(), f.toUpperCase(), f + " ", " " + f, f + "s", f.replace("e", "\u0435")));
        in.set(to, v);
        return f + "->" + to;
    }

    private String nest(ObjectNode in) {
        String f = anyField(in);
        if (f == null) {
            return null;
        }
        JsonNode v = in.get(f);
        int depth = 1 + rnd.nextInt(rnd.nextBoolean() ? 4 : 40);
        for (int i = 0; i < depth; i++) {
            v = rnd.nextBoolean() ? F.arrayNode().add(v) : F.objectNode().set("x", v);
        }
        in.set(f, v);
        return f + "x" + depth;
    }

    private String entries(ObjectNode in) {
        ArrayNode list = F.arrayNode();
        int how = rnd.nextInt(7);
        switch (how) {
            case 0 -> { /* empty */ }
            case 1 -> {
                for (int i = 0; i < 11 + rnd.nextInt(1000); i++) {
                    list.addObject().put("Id", "e" + i).put("MessageBody", "x").put("ReceiptHandle", "h");
                }
            }
            case 2 -> {
                list.addObject().put("Id", "same").put("MessageBody", "x").put("ReceiptHandle", fakeHandle());
                list.addObject().put("Id", "same").put("MessageBody", "y").put("ReceiptHandle", fakeHandle());
            }
            case 3 -> list.add("not an entry");
            case 4 -> list.addObject().put("MessageBody", "no id").put("ReceiptHandle", fakeHandle());
            case 5 -> list.addObject().put("Id", "bad id!" + "x".repeat(100)).put("MessageBody", "x");
            default -> list.addObject().set("Id", weird());
        }
        in.set("Entries", list);
        return "Entries#" + how;
    }

    private JsonNode weird() {
        return switch (rnd.nextInt(30)) {
            case 0 -> F.arrayNode().add("a").add("b");
            case 1 -> F.arrayNode();
            case 2 -> F.objectNode().put("a", "b");
            case 3 -> F.objectNode();
            case 4 -> F.numberNode(0);
            case 5 -> F.numberNode(-1);
            case 6 -> F.numberNode(2147483648L);
            case 7 -> F.numberNode(-2147483649L);
            case 8 -> F.numberNode(new BigInteger("9".repeat(40)));
            case 9 -> F.numberNode(1.5);
            case 10 -> F.numberNode(-1e300);
            case 11 -> F.booleanNode(rnd.nextBoolean());
            case 12 -> F.nullNode();
            case 13 -> F.textNode("");
            case 14 -> F.textNode(" \t ");
            case 15 -> F.textNode("x".repeat(rnd.nextInt(4) == 0 ? 1_048_577 : 10_000));
            case 16 -> F.textNode("\u0000\u0001\u001f");
            case 17 -> F.textNode("\uFFFE\uFFFF");
            case 18 -> F.textNode("a" + LONE_SURROGATE + "b");
            case 19 -> F.textNode("\u202Eevil\u202C \uD83D\uDE00 \uFEFF e\u0301 \u2028\u0085");
            case 20 -> F.textNode("<>&\"'</Message>]]>");
            case 21 -> F.textNode("%00%ZZ%");
            case 22 -> F.textNode("../../../etc/passwd");
            case 23 -> F.textNode("${jndi:ldap://x/y}");
            case 24 -> F.textNode("{\"nested\":\"json\"");
            case 25 -> F.textNode("-2147483649");
            case 26 -> F.textNode("99999999999999999999999");
            case 27 -> F.textNode("1e3");
            case 28 -> F.textNode("http://" + hostPort + "/" + account + "/");
            default -> F.textNode(fakeHandle());
        };
    }

    // ---- serialisation --------------------------------------------------------------------------------

    private Req jsonRequest(String action, ObjectNode in, String duplicate, StringBuilder label) {
        String text;
        try {
            text = Wire.JSON.writeValueAsString(in);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (duplicate != null && text.length() > 1) {
            text = "{\"" + duplicate + "\":" + pick(List.of("\"dup\"", "1", "[]", "{}", "null")) + (text.length() > 2 ? "," : "")
                    + text.substring(1);
        }
        byte[] body = text.replace(LONE_SURROGATE, "\\uD800").getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Amz-Target", "AmazonSQS." + action);
        headers.put("Content-Type", Wire.JSON_TYPE);
        String method = "POST";
        String path = "/";
        if (rnd.nextInt(3) == 0) {
            body = mutateBytes(body, false, label);
        }
        if (rnd.nextInt(4) == 0) {
            switch (rnd.nextInt(6)) {
                case 0 -> {
                    String t = pick(List.of("amazonsqs." + action, "AmazonSQS" + action, "DynamoDB_20120810." + action,
                            "AmazonSQS." + action + "\t", "AmazonSQS.AmazonSQS." + action, "", "\u00e9"));
                    headers.put("X-Amz-Target", t);
                    label.append(" target:").append(t);
                }
                case 1 -> {
                    headers.remove("X-Amz-Target");
                    label.append(" noTarget");
                }
                case 2 -> {
                    String ct = pick(List.of("text/plain", "application/json", "application/x-www-form-urlencoded",
                            "multipart/form-data; boundary=x", "application/x-amz-json-1.1", "", "*/*; charset=ebcdic"));
                    headers.put("Content-Type", ct);
                    label.append(" type:").append(ct);
                }
                case 3 -> {
                    method = pick(List.of("GET", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "FROB", "post"));
                    label.append(" method:").append(method);
                }
                case 4 -> {
                    path = randomPath();
                    label.append(" path:").append(path);
                }
                default -> {
                    headers.put(pick(List.of("X-Junk", "Expect", "Content-Encoding", "Authorization", "X-Amz-Date")),
                            pick(List.of("gzip", "100-continue", "AWS4-HMAC-SHA256 garbage", "\u00ff\u00fe", "x".repeat(2000))));
                    label.append(" header");
                }
            }
        }
        return new Req(label.toString(), Wire.request(method, path, headers, body), method.equals("HEAD"));
    }

    private Req queryRequest(String action, ObjectNode in, String duplicate, StringBuilder label) {
        List<String[]> params = new ArrayList<>();
        if (rnd.nextInt(20) != 0) {
            params.add(new String[]{"Action", action});
        }
        params.add(new String[]{"Version", "2012-11-05"});
        in.fields().forEachRemaining(e -> flatten(queryName(action, e.getKey(), e.getValue()), e.getValue(), action, params));
        if (duplicate != null) {
            params.add(new String[]{duplicate, "dup"});
        }
        StringBuilder form = new StringBuilder();
        for (String[] p : params) {
            if (form.length() > 0) {
                form.append('&');
            }
            form.append(URLEncoder.encode(p[0], StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(p[1], StandardCharsets.UTF_8));
        }
        String encoded = form.toString().replace(URLEncoder.encode(LONE_SURROGATE, StandardCharsets.UTF_8), "%ED%A0%80");
        byte[] body = encoded.getBytes(StandardCharsets.ISO_8859_1);
        if (rnd.nextInt(3) == 0) {
            body = mutateBytes(body, true, label);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", Wire.FORM_TYPE);
        String method = "POST";
        String path = "/";
        if (rnd.nextInt(4) == 0) {
            switch (rnd.nextInt(5)) {
                case 0 -> {
                    if (body.length < 6000 && isAscii(body)) { // the parameters in the URL
                        method = "GET";
                        path = "/?" + new String(body, StandardCharsets.ISO_8859_1).replace(" ", "%20");
                        body = null;
                        label.append(" get");
                    }
                }
                case 1 -> {
                    String ct = pick(List.of("text/xml", Wire.JSON_TYPE, "application/json", "", "text/plain; charset=latin1"));
                    headers.put("Content-Type", ct);
                    label.append(" type:").append(ct);
                }
                case 2 -> {
                    method = pick(List.of("PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE", "get"));
                    label.append(" method:").append(method);
                }
                case 3 -> {
                    path = randomPath();
                    label.append(" path:").append(path);
                }
                default -> {
                    headers.put("X-Amz-Target", pick(List.of("AmazonSQS." + action, "junk", "")));
                    label.append(" stray target");
                }
            }
        }
        return new Req(label.toString(), Wire.request(method, path, headers, body), method.equals("HEAD"));
    }

    private static String queryName(String action, String jsonName, JsonNode v) {
        return switch (jsonName) {
            case "Entries" -> action + "RequestEntry";
            case "AttributeNames" -> "AttributeName";
            case "MessageAttributeNames" -> "MessageAttributeName";
            case "MessageSystemAttributeNames" -> "MessageSystemAttributeName";
            case "TagKeys" -> "TagKey";
            case "Attributes" -> "Attribute";
            case "Tags", "tags" -> "Tag";
            case "MessageAttributes" -> "MessageAttribute";
            case "MessageSystemAttributes" -> "MessageSystemAttribute";
            default -> jsonName;
        };
    }

    private static void flatten(String name, JsonNode v, String action, List<String[]> out) {
        if (v.isArray()) {
            for (int i = 0; i < v.size(); i++) {
                flatten(name + "." + (i + 1), v.get(i), action, out);
            }
        } else if (v.isObject()) {
            boolean map = name.endsWith("Attribute") || name.endsWith("Tag");
            int i = 0;
            for (var it = v.fields(); it.hasNext(); ) {
                var e = it.next();
                if (map) {
                    i++;
                    String key = name.endsWith("Tag") ? "Key" : "Name";
                    out.add(new String[]{name + "." + i + "." + key, e.getKey()});
                    flatten(name + "." + i + ".Value", e.getValue(), action, out);
                } else {
                    String child = name.isEmpty() ? e.getKey() : name + "." + queryName(action, e.getKey(), e.getValue());
                    flatten(child, e.getValue(), action, out);
                }
            }
        } else {
            out.add(new String[]{name, v.isNull() ? "" : v.asText()});
        }
    }

    // ---- byte-level and framing mutations -------------------------------------------------------------

    private byte[] mutateBytes(byte[] body, boolean form, StringBuilder label) {
        int how = rnd.nextInt(form ? 9 : 8);
        label.append(" bytes#").append(how);
        switch (how) {
            case 0 -> {
                return java.util.Arrays.copyOf(body, body.length == 0 ? 0 : rnd.nextInt(body.length));
            }
            case 1 -> {
                byte[] b = body.clone();
                for (int i = 0; i < (singlePoint ? 1 : 1 + rnd.nextInt(3)) && b.length > 0; i++) {
                    b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
                }
                return b;
            }
            case 2 -> {
                return insert(body, pick(List.of(new byte[]{(byte) 0xC3, 0x28}, new byte[]{(byte) 0xFF},
                        new byte[]{(byte) 0xC0, (byte) 0xAF}, new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                        new byte[]{(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, new byte[]{(byte) 0xE2, (byte) 0x82})));
            }
            case 3 -> {
                return insert(body, new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, 0);
            }
            case 4 -> {
                return new byte[0];
            }
            case 5 -> {
                byte[] junk = new byte[1 + rnd.nextInt(64)];
                rnd.nextBytes(junk);
                return rnd.nextBoolean() ? junk : insert(body, junk);
            }
            case 6 -> {
                return (new String(body, StandardCharsets.ISO_8859_1) + new String(body, StandardCharsets.ISO_8859_1))
                        .getBytes(StandardCharsets.ISO_8859_1);
            }
            case 7 -> {
                return insert(body, pick(List.of("\u0000", "\\u0000", "\\uDFFF", "\\x", "\"", "}", "]", "\\"))
                        .getBytes(StandardCharsets.ISO_8859_1));
            }
            default -> {
                return insert(body, pick(List.of("%", "%G1", "%C3", "%%", "&&&", "=", "%C3%28", "%FF", "+%"))
                        .getBytes(StandardCharsets.ISO_8859_1));
            }
        }
    }

    /** Requests broken at the HTTP level. Each is answered (or refused) at once; none makes the server wait. */
    private Req framing() {
        int how = rnd.nextInt(8);
        Map<String, String> json = new LinkedHashMap<>();
        json.put("X-Amz-Target", "AmazonSQS.SendMessage");
        json.put("Content-Type", Wire.JSON_TYPE);
        String small = "{\"QueueUrl\":\"" + scratchUrl() + "\",\"MessageBody\":\"framing\"}";
        return switch (how) {
            case 0 -> new Req("framing:contentLength100MB", ascii("POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: AmazonSQS.SendMessage\r\n"
                    + "Content-Length: 104857600\r\n\r\n{\"Queue"), false);
            case 1 -> {
                byte[] body = small.getBytes(StandardCharsets.UTF_8);
                if (rnd.nextBoolean()) {
                    singlePoint = false;
                    body = mutateBytes(body, false, new StringBuilder());
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.writeBytes(ascii("POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: AmazonSQS.SendMessage\r\nContent-Type: "
                        + Wire.JSON_TYPE + "\r\nTransfer-Encoding: chunked\r\n\r\n"));
                int at = 0;
                while (at < body.length) {
                    int n = Math.min(body.length - at, 1 + rnd.nextInt(16));
                    out.writeBytes(ascii(Integer.toHexString(n) + "\r\n"));
                    out.write(body, at, n);
                    out.writeBytes(ascii("\r\n"));
                    at += n;
                }
                out.writeBytes(ascii("0\r\n\r\n"));
                yield new Req("framing:chunked", out.toByteArray(), false);
            }
            case 2 -> new Req("framing:badChunkSize", ascii("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + pick(List.of("zz", "-1", "ffffffffffffffffff", "", "1;x=\u0000")) + "\r\nab\r\n0\r\n\r\n"), false);
            case 3 -> {
                byte[] junk = new byte[6 + rnd.nextInt(200)];
                rnd.nextBytes(junk);
                for (int i = 0; i < junk.length; i++) {
                    if (junk[i] == '\r' || junk[i] == '\n') {
                        junk[i] = 'x';
                    }
                }
                junk[0] = 'Q';
                junk[junk.length / 3] = ' '; // three parts, so the decoder rejects the line rather than skip it
                junk[junk.length * 2 / 3] = ' ';
                yield new Req("framing:garbageLine", BadInputTest.concat(junk, ascii("\r\n\r\n")), false);
            }
            case 4 -> new Req("framing:longLine", ascii("POST /" + "a".repeat(9000 + rnd.nextInt(20000)) + " HTTP/1.1\r\nHost: x\r\n\r\n"), false);
            case 5 -> new Req("framing:bigHeaders", ascii("POST / HTTP/1.1\r\nHost: x\r\nX-A: " + "b".repeat(17000 + rnd.nextInt(60000))
                    + "\r\nContent-Length: 0\r\n\r\n"), false);
            case 6 -> new Req("framing:http10", BadInputTest.concat(ascii("POST / HTTP/1.0\r\nX-Amz-Target: AmazonSQS.SendMessage\r\n"
                    + "Content-Type: " + Wire.JSON_TYPE + "\r\nContent-Length: " + small.length() + "\r\n\r\n"),
                    small.getBytes(StandardCharsets.UTF_8)), false);
            default -> {
                String method = pick(List.of("GET", "BREW", "PRI", "M-SEARCH", "POST"));
                String path = randomPath();
                yield new Req("framing:" + method + " " + path, Wire.request(method, path, Map.of(), null), false);
            }
        };
    }

    // ---- small things ---------------------------------------------------------------------------------

    private String scratchUrl() {
        return "http://" + hostPort + "/" + account + "/" + pick(scratchNames);
    }

    private String randomPath() {
        return pick(List.of("/", "/health", "/metrics", "/" + account + "/" + pick(scratchNames), "/" + account + "/",
                "/" + account + "/nope/extra", "/queue/" + pick(scratchNames), "/%ZZ", "/%00", "//", "/..%2F..%2F",
                "*", "/?Action=ListQueues", "/?%", "http://evil/" + account + "/" + pick(scratchNames),
                "/" + "p".repeat(3000), "/\u00e9"));
    }

    private String fakeHandle() {
        byte[] b = new byte[8 + rnd.nextInt(40)];
        rnd.nextBytes(b);
        return java.util.Base64.getEncoder().encodeToString(b);
    }

    private String anyField(ObjectNode in) {
        if (in.isEmpty()) {
            return null;
        }
        List<String> names = new ArrayList<>();
        in.fieldNames().forEachRemaining(names::add);
        return pick(names);
    }

    private byte[] insert(byte[] body, byte[] what) {
        return insert(body, what, rnd.nextInt(body.length + 1));
    }

    private static byte[] insert(byte[] body, byte[] what, int at) {
        byte[] out = new byte[body.length + what.length];
        System.arraycopy(body, 0, out, 0, at);
        System.arraycopy(what, 0, out, at, what.length);
        System.arraycopy(body, at, out, at + what.length, body.length - at);
        return out;
    }

    private static boolean isAscii(byte[] b) {
        for (byte x : b) {
            if (x < 0x21 || x == 0x7f) {
                return false;
            }
        }
        return true;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private <T> T pick(List<T> list) {
        return list.get(rnd.nextInt(list.size()));
    }
}
