package dev.sluice.jms.message;

import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotWriteableException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A message's properties: typed values, read-only after receipt until cleared. */
final class MessageProperties {

    private final Map<String, Object> values = new LinkedHashMap<>();
    private boolean readOnly;

    void set(String name, Object value) throws JMSException {
        PropertyNames.check(name);
        if (readOnly) {
            throw new MessageNotWriteableException("the properties of a received message are read-only; "
                    + "call clearProperties() to write them (property '" + name + "')");
        }
        if (value != null && !isPropertyType(value)) {
            throw new MessageFormatException("property '" + name + "' cannot hold a " + value.getClass().getName()
                    + "; allowed are Boolean, Byte, Short, Integer, Long, Float, Double and String");
        }
        values.put(name, value);
    }

    /** For the provider: no name rules (plain SQS attribute names may contain '-' or '.'), no read-only check. */
    void put(String name, Object value) {
        values.put(name, value);
    }

    Object get(String name) {
        return name == null ? null : values.get(name);
    }

    boolean exists(String name) {
        return name != null && values.containsKey(name);
    }

    Enumeration<String> names() {
        return Collections.enumeration(new ArrayList<>(values.keySet()));
    }

    /** A snapshot in insertion order. */
    Map<String, Object> asMap() {
        return new LinkedHashMap<>(values);
    }

    void clear() {
        values.clear();
        readOnly = false;
    }

    void setReadOnly(boolean readOnly) {
        this.readOnly = readOnly;
    }

    static boolean isPropertyType(Object v) {
        return v instanceof String || v instanceof Integer || v instanceof Long || v instanceof Boolean
                || v instanceof Double || v instanceof Float || v instanceof Short || v instanceof Byte;
    }
}
