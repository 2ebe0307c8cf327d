package dev.sluice.server.clients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The localstack snapshot files (responses recorded against real SQS), read from the shared reference directory,
 * and a comparison of live answers against them that understands the snapshot placeholders.
 */
final class Snapshots {

    static final String TEST_SQS = "test_sqs.snapshot.json";
    static final String MOVE_TASK = "test_sqs_move_task.snapshot.json";
    private static final String TEST_SQS_PREFIX = "tests/aws/services/sqs/test_sqs.py::TestSqsProvider::";
    private static final String MOVE_TASK_PREFIX = "tests/aws/services/sqs/test_sqs_move_task.py::";

    private Snapshots() {
    }

    /** Walks up from user.dir until a directory with {@code shared/reference/aws-sqs} is found. */
    static Path referenceDir() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            Path candidate = d.resolve("shared/reference/aws-sqs");
            if (Files.isRegularFile(candidate.resolve(TEST_SQS))) {
                return candidate;
            }
        }
        throw new IllegalStateException("No shared/reference/aws-sqs above " + dir);
    }

    private static JsonNode load(String file) {
        try {
            return WireClient.MAPPER.readTree(referenceDir().resolve(file).toFile());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final JsonNode SQS = load(TEST_SQS);
    private static final JsonNode MOVE = load(MOVE_TASK);

    /** Entry names (without the file's test-path prefix), e.g. {@code test_tag_untag_queue[sqs]}. */
    static List<String> sqsEntries() {
        return names(SQS, TEST_SQS_PREFIX);
    }

    static List<String> moveTaskEntries() {
        return names(MOVE, MOVE_TASK_PREFIX);
    }

    private static List<String> names(JsonNode file, String prefix) {
        List<String> out = new ArrayList<>();
        file.fieldNames().forEachRemaining(n -> out.add(n.substring(n.lastIndexOf("::") + 2)));
        return out;
    }

    static JsonNode recorded(String entry) {
        JsonNode n = SQS.get(TEST_SQS_PREFIX + entry);
        if (n == null) {
            n = SQS.get(TEST_SQS_PREFIX.replace("TestSqsProvider", "TestSqsQueryApi") + entry);
        }
        if (n == null) {
            n = MOVE.get(MOVE_TASK_PREFIX + entry);
        }
        if (n == null) {
            throw new IllegalArgumentException("No snapshot entry " + entry);
        }
        return n.get("recorded-content");
    }

    /** Compares every recorded key of the entry with what the reproduction recorded; returns the mismatches. */
    static List<String> compare(String entry, Map<String, JsonNode> actual) {
        JsonNode expected = recorded(entry);
        List<String> problems = new ArrayList<>();
        TreeSet<String> expectedKeys = new TreeSet<>();
        expected.fieldNames().forEachRemaining(expectedKeys::add);
        if (!expectedKeys.equals(new TreeSet<>(actual.keySet()))) {
            problems.add("recorded keys " + new TreeSet<>(actual.keySet()) + " but the snapshot has " + expectedKeys);
        }
        for (String key : expectedKeys) {
            if (actual.containsKey(key)) {
                match(key, expected.get(key), actual.get(key), problems, true);
            }
        }
        return problems;
    }

    private static void match(String path, JsonNode exp, JsonNode act, List<String> problems, boolean top) {
        if (act == null || act.isMissingNode()) {
            problems.add(path + ": missing, expected " + exp);
            return;
        }
        if (exp.isObject()) {
            if (act.isTextual()) {
                try {
                    act = WireClient.MAPPER.readTree(act.asText()); // a JSON body the snapshot shows parsed
                } catch (IOException e) {
                    problems.add(path + ": expected " + exp + " but was " + act);
                    return;
                }
            }
            if (!act.isObject()) {
                problems.add(path + ": expected " + exp + " but was " + act);
                return;
            }
            TreeSet<String> ek = keys(exp, path);
            TreeSet<String> ak = keys(act, path);
            if (!ek.equals(ak)) {
                problems.add(path + ": keys " + ak + " but expected " + ek + " (actual " + act + ")");
            }
            for (String k : ek) {
                if (k.equals("ResponseMetadata")) {
                    match(path + ".HTTPStatusCode", exp.get(k).get("HTTPStatusCode"),
                            act.path(k).path("HTTPStatusCode"), problems, false);
                } else if (ak.contains(k)) {
                    match(path + "." + k, exp.get(k), act.get(k), problems, false);
                }
            }
        } else if (exp.isArray()) {
            if (!act.isArray() || act.size() != exp.size()) {
                problems.add(path + ": expected " + exp + " but was " + act);
                return;
            }
            for (int i = 0; i < exp.size(); i++) {
                match(path + "[" + i + "]", exp.get(i), act.get(i), problems, false);
            }
        } else if (exp.isTextual()) {
            String e = exp.asText();
            String a = act.isValueNode() ? act.asText() : act.toString();
            if (path.endsWith(".BinaryValue") && e.startsWith("b'")) {
                a = pythonBytes(Base64.getDecoder().decode(a));
            }
            if (!textMatches(e, normalise(a))) {
                problems.add(path + ": expected \"" + e + "\" but was \"" + a + "\"");
            }
        } else if (exp.isNull()) {
            // botocore's "Detail": null — nothing to compare
        } else if (!exp.asText().equals(act.asText())) {
            problems.add(path + ": expected " + exp + " but was " + act);
        }
    }

    /** Keys that take part in the comparison: Error.Detail and botocore's duplicate top-level "message" do not. */
    private static TreeSet<String> keys(JsonNode n, String path) {
        TreeSet<String> out = new TreeSet<>();
        n.fieldNames().forEachRemaining(out::add);
        out.remove("message");
        if (path.endsWith(".Error")) {
            out.remove("Detail");
        }
        return out;
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("<[a-z0-9:-]+>");

    static boolean textMatches(String expected, String actual) {
        if (expected.equals("timestamp")) {
            return actual.matches("\\d+(\\.\\d+)?");
        }
        StringBuilder regex = new StringBuilder();
        Matcher m = PLACEHOLDER.matcher(expected);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(expected.substring(last, m.start()))).append(".+?");
            last = m.end();
        }
        regex.append(Pattern.quote(expected.substring(last)));
        return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(actual).matches();
    }

    /** Our account id is 000000000000 where the snapshots show 111111111111. */
    private static String normalise(String s) {
        return s.replace(":000000000000:", ":111111111111:").replace("/000000000000/", "/111111111111/");
    }

    /** Python's repr of bytes, as the snapshots show BinaryValue. */
    static String pythonBytes(byte[] bytes) {
        StringBuilder b = new StringBuilder("b'");
        for (byte x : bytes) {
            int c = x & 0xff;
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\'' -> b.append("\\'");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> {
                    if (c >= 32 && c < 127) {
                        b.append((char) c);
                    } else {
                        b.append(String.format("\\x%02x", c));
                    }
                }
            }
        }
        return b.append('\'').toString();
    }

    static ObjectNode withoutMetadata(ObjectNode n) {
        ObjectNode copy = n.deepCopy();
        copy.remove("ResponseMetadata");
        return copy;
    }
}
