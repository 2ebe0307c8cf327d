package dev.sluice.jms.message;

import org.junit.jupiter.params.provider.Arguments;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** The spec's conversion tables (3.5.4 for properties, 3.11.3 for MapMessage and StreamMessage) as test data. */
final class ConversionTable {

    static final Map<String, Object> SAMPLES = Map.of("boolean", true, "byte", (byte) 1, "short", (short) 2,
            "char", 'c', "int", 3, "long", 4L, "float", 5.5f, "double", 6.5, "String", "7",
            "byte[]", new byte[] {8});

    /** Row: the written type; value: the types it can be read as. */
    private static final Map<String, Set<String>> BODY = Map.of(
            "boolean", Set.of("boolean", "String"),
            "byte", Set.of("byte", "short", "int", "long", "String"),
            "short", Set.of("short", "int", "long", "String"),
            "char", Set.of("char", "String"),
            "int", Set.of("int", "long", "String"),
            "long", Set.of("long", "String"),
            "float", Set.of("float", "double", "String"),
            "double", Set.of("double", "String"),
            "String", Set.of("boolean", "byte", "short", "int", "long", "float", "double", "String"),
            "byte[]", Set.of("byte[]"));

    private static final List<String> PROPERTY_TYPES =
            List.of("boolean", "byte", "short", "int", "long", "float", "double", "String");
    private static final List<String> BODY_TYPES =
            List.of("boolean", "byte", "short", "char", "int", "long", "float", "double", "String", "byte[]");

    private ConversionTable() {
    }

    static Stream<Arguments> properties() {
        return table(PROPERTY_TYPES);
    }

    static Stream<Arguments> bodies() {
        return table(BODY_TYPES);
    }

    private static Stream<Arguments> table(List<String> types) {
        List<Arguments> rows = new ArrayList<>();
        for (String written : types) {
            for (String read : types) {
                rows.add(Arguments.of(written, read, BODY.get(written).contains(read)));
            }
        }
        return rows.stream();
    }

    /** What a successful read must answer: the sample widened or converted to the read type. */
    static Object expected(String written, String read) {
        Object v = SAMPLES.get(written);
        if (read.equals("String")) {
            return String.valueOf(v);
        }
        if (read.equals("boolean")) {
            return v instanceof Boolean b ? b : Boolean.valueOf((String) v);
        }
        if (read.equals("char") || read.equals("byte[]")) {
            return v;
        }
        double d = v instanceof String s ? Double.parseDouble(s) : ((Number) v).doubleValue();
        return switch (read) {
            case "byte" -> (byte) d;
            case "short" -> (short) d;
            case "int" -> (int) d;
            case "long" -> (long) d;
            case "float" -> (float) d;
            default -> d;
        };
    }
}
