package dev.sluice.jms.message;

import dev.sluice.jms.backend.MessagePredicate;
import dev.sluice.jms.selector.MessageSelector;
import jakarta.jms.InvalidSelectorException;

/** A JMS message selector as the predicate a backend evaluates over stored messages. */
public final class SelectorPredicate {

    private SelectorPredicate() {
    }

    /**
     * The selector as consumers and browsers report it (getMessageSelector): null "if the message selector was not
     * set or was set to null or the empty string".
     */
    public static String reported(String selector) {
        return selector == null || selector.isEmpty() ? null : selector;
    }

    /** The predicate, or null for a null or blank selector (everything matches). */
    public static MessagePredicate of(String selector) throws InvalidSelectorException {
        if (selector == null || selector.isBlank()) {
            return null;
        }
        MessageSelector parsed = MessageSelector.parse(selector);
        // receiveCount is the deliveries so far; JMSXDeliveryCount is that of the delivery being decided
        return (attributes, id, priority, sent, group, deduplication, sequence, count) -> parsed.matches(
                MessageCodec.selectorValues(attributes, id, priority, sent, group, deduplication, sequence, count + 1)
                        ::apply);
    }
}
