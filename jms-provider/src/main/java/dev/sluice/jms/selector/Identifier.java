package dev.sluice.jms.selector;

import java.util.Set;

/**
 * A header field or property reference. The kind is resolved once at parse time so evaluation is a
 * single lookup.
 */
record Identifier(String name, Kind kind) implements Expression {

    enum Kind {
        /** An application, JMSX or JMS_ property, or one of the selectable headers: passed to the context as is. */
        LOOKUP,
        /** JMSDeliveryMode, which the spec makes selectable as the strings 'PERSISTENT' and 'NON_PERSISTENT'. */
        DELIVERY_MODE,
        /**
         * Any other name starting with "JMS": the spec restricts header references to six fields and
         * reserves the prefix, so JMSDestination, JMSReplyTo, JMSExpiration, JMSRedelivered,
         * JMSDeliveryTime and the like are always NULL, whatever the context would answer.
         */
        NOT_SELECTABLE
    }

    private static final Set<String> SELECTABLE_HEADERS =
            Set.of("JMSPriority", "JMSMessageID", "JMSTimestamp", "JMSCorrelationID", "JMSType");

    static Identifier of(String name) {
        Kind kind;
        if (name.equals("JMSDeliveryMode")) {
            kind = Kind.DELIVERY_MODE;
        } else if (!name.startsWith("JMS") || name.startsWith("JMSX") || name.startsWith("JMS_")
                || SELECTABLE_HEADERS.contains(name)) {
            kind = Kind.LOOKUP;
        } else {
            kind = Kind.NOT_SELECTABLE;
        }
        return new Identifier(name, kind);
    }

    @Override
    public Object evaluate(SelectorContext message) {
        return switch (kind) {
            case LOOKUP -> message.value(name);
            case DELIVERY_MODE -> deliveryMode(message.value(name));
            case NOT_SELECTABLE -> null;
        };
    }

    /** Tolerates a context that hands over the jakarta.jms.DeliveryMode int constants instead of the names. */
    private static Object deliveryMode(Object raw) {
        if (raw instanceof Integer mode) {
            return switch (mode) {
                case jakarta.jms.DeliveryMode.PERSISTENT -> "PERSISTENT";
                case jakarta.jms.DeliveryMode.NON_PERSISTENT -> "NON_PERSISTENT";
                default -> null;
            };
        }
        return raw;
    }

    @Override
    public ValueType type() {
        return ValueType.ANY;
    }
}
