package dev.sluice.jms.message;

import jakarta.jms.MessageFormatException;

import java.util.Arrays;
import java.util.Objects;

/**
 * The conversion table shared by properties (spec 3.5.4), MapMessage and StreamMessage (3.11.3): a value written as one
 * type may be read as another only where the table marks it. Properties never hold {@code char} or {@code byte[]}, so
 * one table serves all three. A missing (null) value reads as the target's {@code valueOf((String) null)} would:
 * false, NumberFormatException for integral types, NullPointerException for float/double/char.
 */
final class ValueConversions {

    private ValueConversions() {
    }

    static boolean toBoolean(Object v) throws MessageFormatException {
        if (v instanceof Boolean b) {
            return b;
        }
        if (v == null || v instanceof String) {
            return Boolean.parseBoolean((String) v);
        }
        throw cannot(v, "boolean");
    }

    static byte toByte(Object v) throws MessageFormatException {
        if (v instanceof Byte b) {
            return b;
        }
        if (v == null || v instanceof String) {
            return Byte.parseByte((String) v);
        }
        throw cannot(v, "byte");
    }

    static short toShort(Object v) throws MessageFormatException {
        if (v instanceof Short || v instanceof Byte) {
            return ((Number) v).shortValue();
        }
        if (v == null || v instanceof String) {
            return Short.parseShort((String) v);
        }
        throw cannot(v, "short");
    }

    static char toChar(Object v) throws MessageFormatException {
        if (v instanceof Character c) {
            return c;
        }
        if (v == null) {
            throw new NullPointerException("the value is null and char has no null representation");
        }
        throw cannot(v, "char");
    }

    static int toInt(Object v) throws MessageFormatException {
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).intValue();
        }
        if (v == null || v instanceof String) {
            return Integer.parseInt((String) v);
        }
        throw cannot(v, "int");
    }

    static long toLong(Object v) throws MessageFormatException {
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v == null || v instanceof String) {
            return Long.parseLong((String) v);
        }
        throw cannot(v, "long");
    }

    static float toFloat(Object v) throws MessageFormatException {
        if (v instanceof Float f) {
            return f;
        }
        if (v == null || v instanceof String) {
            return Float.valueOf((String) v); // null: NullPointerException, as valueOf(null) does
        }
        throw cannot(v, "float");
    }

    static double toDouble(Object v) throws MessageFormatException {
        if (v instanceof Double || v instanceof Float) {
            return ((Number) v).doubleValue();
        }
        if (v == null || v instanceof String) {
            return Double.valueOf((String) v);
        }
        throw cannot(v, "double");
    }

    static String toText(Object v) throws MessageFormatException {
        if (v instanceof byte[]) {
            throw cannot(v, "String");
        }
        return v == null ? null : v.toString();
    }

    static byte[] toBytes(Object v) throws MessageFormatException {
        if (v == null) {
            return null;
        }
        if (v instanceof byte[] b) {
            return b.clone();
        }
        throw cannot(v, "byte[]");
    }

    /**
     * The bytes {@code value[offset, offset + length)} for the portion-of-an-array writers of Map and Stream messages.
     * Arrays.copyOfRange alone would pad a portion running past the end with zeros, bytes the caller never had.
     */
    static byte[] portion(byte[] value, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, value.length);
        return Arrays.copyOfRange(value, offset, offset + length);
    }

    /** A defensive copy for values handed out by getObject/readObject. */
    static Object copyOut(Object v) {
        return v instanceof byte[] b ? b.clone() : v;
    }

    static String typeName(Object v) {
        return v == null ? "null" : v instanceof byte[] ? "byte[]" : v.getClass().getSimpleName();
    }

    private static MessageFormatException cannot(Object v, String target) {
        return new MessageFormatException("a value of type " + typeName(v) + " cannot be read as " + target);
    }
}
