package dev.sluice.engine.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * One message attribute as SQS carries it: a data type ({@code String}, {@code Number} or {@code Binary},
 * optionally followed by {@code .label}) and either a string or a binary value.
 */
public record MessageAttribute(String dataType, String stringValue, byte[] binaryValue) {

    public static MessageAttribute string(String value) {
        return new MessageAttribute("String", value, null);
    }

    public static MessageAttribute number(String value) {
        return new MessageAttribute("Number", value, null);
    }

    public static MessageAttribute binary(byte[] value) {
        return new MessageAttribute("Binary", null, value);
    }

    /** The part of the data type before any custom label: String, Number or Binary. */
    public String baseType() {
        if (dataType == null) {
            return null;
        }
        int dot = dataType.indexOf('.');
        return dot < 0 ? dataType : dataType.substring(0, dot);
    }

    public boolean isBinary() {
        return "Binary".equals(baseType());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MessageAttribute other
                && Objects.equals(dataType, other.dataType)
                && Objects.equals(stringValue, other.stringValue)
                && Arrays.equals(binaryValue, other.binaryValue);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dataType, stringValue) * 31 + Arrays.hashCode(binaryValue);
    }

    @Override
    public String toString() {
        return dataType + "=" + (binaryValue != null ? binaryValue.length + " bytes" : stringValue);
    }
}
