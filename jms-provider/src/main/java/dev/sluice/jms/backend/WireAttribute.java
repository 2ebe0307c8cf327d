package dev.sluice.jms.backend;

import java.util.Arrays;
import java.util.Objects;

/**
 * An SQS message attribute as the provider writes and reads it: a data type (String, Number or Binary,
 * optionally with a {@code .label} that carries the Java type) and a string or binary value.
 */
public record WireAttribute(String dataType, String stringValue, byte[] binaryValue) {

    public static WireAttribute string(String label, String value) {
        return new WireAttribute(label == null ? "String" : "String." + label, value, null);
    }

    public static WireAttribute number(String label, String value) {
        return new WireAttribute(label == null ? "Number" : "Number." + label, value, null);
    }

    public static WireAttribute binary(String label, byte[] value) {
        return new WireAttribute(label == null ? "Binary" : "Binary." + label, null, value);
    }

    /** String, Number or Binary. */
    public String baseType() {
        int dot = dataType.indexOf('.');
        return dot < 0 ? dataType : dataType.substring(0, dot);
    }

    /** The custom label after the base type, or null. */
    public String label() {
        int dot = dataType.indexOf('.');
        return dot < 0 ? null : dataType.substring(dot + 1);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WireAttribute w && dataType.equals(w.dataType) && Objects.equals(stringValue, w.stringValue)
                && Arrays.equals(binaryValue, w.binaryValue);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dataType, stringValue) * 31 + Arrays.hashCode(binaryValue);
    }
}
