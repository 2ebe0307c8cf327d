package dev.sluice.jms.selector;

import java.util.Map;
import java.util.Objects;

/**
 * The message as a selector sees it. Implementations answer, for a name:
 * <ul>
 *   <li>{@code JMSDeliveryMode}: the String {@code "PERSISTENT"} or {@code "NON_PERSISTENT"}
 *       (the {@link jakarta.jms.DeliveryMode} int constants are accepted too);</li>
 *   <li>{@code JMSPriority}: Integer; {@code JMSTimestamp}: Long; {@code JMSMessageID},
 *       {@code JMSCorrelationID}, {@code JMSType}: String or null;</li>
 *   <li>any other name: the property's value as set (Boolean, Byte, Short, Integer, Long, Float,
 *       Double or String), or null when the message has no such property.</li>
 * </ul>
 * Other header names (JMSDestination, JMSReplyTo, JMSExpiration, JMSRedelivered, JMSDeliveryTime)
 * are not selectable per the spec and are never asked for. Called under the queue lock: keep it a lookup.
 */
@FunctionalInterface
public interface SelectorContext {

    Object value(String identifier);

    /** A context over a plain map of names to values; handy for tests and for callers that already have one. */
    static SelectorContext of(Map<String, ?> values) {
        Objects.requireNonNull(values, "values");
        return values::get;
    }
}
