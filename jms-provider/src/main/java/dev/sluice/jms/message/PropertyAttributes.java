package dev.sluice.jms.message;

import dev.sluice.jms.backend.WireAttribute;
import jakarta.jms.MessageFormatException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Properties as SQS message attributes. Each property becomes one attribute whose data type carries its Java type
 * (AWS's labels: {@code String}, {@code Number.int}, {@code Number.Boolean} with 1/0, …) as long as every property
 * fits SQS's rules. Otherwise (more than {@value WireNames#MAX_ATTRIBUTES} attributes in all, a name SQS refuses such
 * as one with '$', a null or empty value, characters SQS refuses, a float SQS's Number cannot hold) all properties go
 * packed into the one Binary attribute {@value WireNames#PACKED_PROPERTIES}, so nothing is dropped.
 */
final class PropertyAttributes {

    private static final int PACK_VERSION = 1;
    private static final BigDecimal NUMBER_MAX = new BigDecimal("1e126");
    private static final BigDecimal NUMBER_MIN = new BigDecimal("1e-128");

    private PropertyAttributes() {
    }

    /** Properties that SQS carries in its own fields or that the provider sets on receive. */
    static boolean travelsElsewhere(String name) {
        return name.equals(PropertyNames.JMSX_GROUP_ID) || name.equals(PropertyNames.JMS_SQS_DEDUPLICATION_ID)
                || name.equals(PropertyNames.JMSX_DELIVERY_COUNT) || name.equals(PropertyNames.JMS_SQS_SEQUENCE_NUMBER);
    }

    /** The attributes for these properties, given how many attributes the headers already use. */
    static Map<String, WireAttribute> encode(Map<String, Object> properties, int headerAttributes) {
        Map<String, WireAttribute> direct = new LinkedHashMap<>();
        if (headerAttributes + properties.size() <= WireNames.MAX_ATTRIBUTES) {
            for (Map.Entry<String, Object> e : properties.entrySet()) {
                WireAttribute attribute = direct(e.getKey(), e.getValue());
                if (attribute == null) {
                    direct = null;
                    break;
                }
                direct.put(e.getKey(), attribute);
            }
            if (direct != null) {
                return direct;
            }
        }
        return Map.of(WireNames.PACKED_PROPERTIES, new WireAttribute(WireNames.BINARY, null, pack(properties)));
    }

    /** The typed attribute for one property, or null when SQS could not carry it faithfully. */
    static WireAttribute direct(String name, Object value) {
        if (!WireNames.isValidAttributeName(name) || WireNames.RESERVED.contains(name)) {
            return null;
        }
        if (value instanceof String s) {
            return s.isEmpty() || !WireNames.isValidSqsText(s) ? null : new WireAttribute(WireNames.STRING, s, null);
        }
        if (value instanceof Integer i) {
            return new WireAttribute(WireNames.INT, i.toString(), null);
        }
        if (value instanceof Long l) {
            return new WireAttribute(WireNames.LONG, l.toString(), null);
        }
        if (value instanceof Boolean b) {
            return new WireAttribute(WireNames.BOOLEAN, b ? "1" : "0", null);
        }
        if (value instanceof Short s) {
            return new WireAttribute(WireNames.SHORT, s.toString(), null);
        }
        if (value instanceof Byte b) {
            return new WireAttribute(WireNames.BYTE, b.toString(), null);
        }
        if (value instanceof Double d) {
            String n = sqsNumber(d, Double.toString(d));
            return n == null ? null : new WireAttribute(WireNames.DOUBLE, n, null);
        }
        if (value instanceof Float f) {
            String n = sqsNumber(f, Float.toString(f));
            return n == null ? null : new WireAttribute(WireNames.FLOAT, n, null);
        }
        return null; // null values: SQS attributes cannot be empty
    }

    /** Plain decimal notation within SQS's Number range, or null (NaN, infinities, -0.0, out of range). */
    private static String sqsNumber(double d, String javaText) {
        if (!Double.isFinite(d) || (d == 0 && 1 / d < 0)) {
            return null;
        }
        BigDecimal exact = new BigDecimal(javaText);
        BigDecimal abs = exact.abs();
        if (d != 0 && (abs.compareTo(NUMBER_MAX) > 0 || abs.compareTo(NUMBER_MIN) < 0)) {
            return null;
        }
        return exact.toPlainString();
    }

    /**
     * The property value of an attribute by its data type, or null when the attribute is not a property (Binary:
     * JMS properties cannot be byte[]). A Number without a known Java label is a Long if integral, else a Double.
     */
    static Object decode(String name, WireAttribute attribute) throws MessageFormatException {
        String base = attribute.baseType();
        String label = attribute.label();
        String text = attribute.stringValue();
        if (base.equals("String")) {
            if (label != null && label.equalsIgnoreCase("boolean")) {
                return Boolean.parseBoolean(text);
            }
            return text;
        }
        if (!base.equals("Number") || text == null) {
            return null;
        }
        try {
            String javaType = label == null ? "" : label.toLowerCase(Locale.ROOT);
            return switch (javaType) {
                case "int", "integer", "java.lang.integer" -> Integer.valueOf(integral(text));
                case "long", "java.lang.long" -> Long.valueOf(integral(text));
                case "short", "java.lang.short" -> Short.valueOf(integral(text));
                case "byte", "java.lang.byte" -> Byte.valueOf(integral(text));
                case "float", "java.lang.float" -> Float.valueOf(text);
                case "double", "java.lang.double" -> Double.valueOf(text);
                case "boolean", "java.lang.boolean" -> text.equals("1") || text.equalsIgnoreCase("true");
                default -> unlabelled(text);
            };
        } catch (NumberFormatException e) {
            MessageFormatException mfe = new MessageFormatException("message attribute '" + name + "' of type "
                    + attribute.dataType() + " has the value '" + text + "', which is not such a number");
            mfe.initCause(e);
            throw mfe;
        }
    }

    /** SQS may answer "5" as "5.0" or "5E0"; an integral label still means an integral value. */
    private static String integral(String text) {
        try {
            Long.parseLong(text);
            return text;
        } catch (NumberFormatException e) {
            return new BigDecimal(text).toBigIntegerExact().toString();
        }
    }

    private static Object unlabelled(String text) {
        try {
            return Long.valueOf(text);
        } catch (NumberFormatException e) {
            return Double.valueOf(text);
        }
    }

    static byte[] pack(Map<String, Object> properties) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(PACK_VERSION);
            out.writeInt(properties.size());
            for (Map.Entry<String, Object> e : properties.entrySet()) {
                TaggedValues.writeString(out, e.getKey());
                TaggedValues.write(out, e.getValue());
            }
        } catch (IOException e) {
            throw new IllegalStateException("in-memory stream failed", e);
        }
        return bytes.toByteArray();
    }

    static Map<String, Object> unpack(WireAttribute attribute) throws MessageFormatException {
        byte[] raw = attribute.binaryValue();
        if (raw == null) {
            throw new MessageFormatException(WireNames.PACKED_PROPERTIES + " must be a Binary attribute");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(raw))) {
            int version = in.readUnsignedByte();
            if (version != PACK_VERSION) {
                throw new MessageFormatException(WireNames.PACKED_PROPERTIES + " has format version " + version
                        + "; this Sluice reads version " + PACK_VERSION);
            }
            int count = in.readInt();
            Map<String, Object> properties = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                String name = TaggedValues.readString(in);
                properties.put(name, TaggedValues.read(in));
            }
            return properties;
        } catch (IOException e) {
            MessageFormatException mfe = new MessageFormatException(WireNames.PACKED_PROPERTIES
                    + " is truncated or corrupt");
            mfe.initCause(e);
            throw mfe;
        }
    }

    /** All properties carried by these attributes, packed or not. */
    static Map<String, Object> decodeAll(Map<String, WireAttribute> attributes) throws MessageFormatException {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (Map.Entry<String, WireAttribute> e : attributes.entrySet()) {
            if (WireNames.RESERVED.contains(e.getKey())) {
                continue;
            }
            Object value = decode(e.getKey(), e.getValue());
            if (value != null) {
                properties.put(e.getKey(), value);
            }
        }
        WireAttribute packed = attributes.get(WireNames.PACKED_PROPERTIES);
        if (packed != null) {
            properties.putAll(unpack(packed));
        }
        return properties;
    }
}
