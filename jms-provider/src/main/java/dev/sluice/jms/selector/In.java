package dev.sluice.jms.selector;

import java.util.List;
import java.util.Set;

/**
 * {@code id [NOT] IN ('a', 'b')}. NULL gives UNKNOWN. Per the spec's expansion into
 * {@code id = 'a' OR id = 'b'}, a non-string value compares FALSE to every entry, so IN is FALSE
 * and NOT IN is TRUE.
 */
record In(Identifier identifier, Set<String> values, boolean negated) implements Expression {

    In(Identifier identifier, List<String> values, boolean negated) {
        // A hash set keeps long IN lists O(1) per message.
        this(identifier, Set.copyOf(values), negated);
    }

    @Override
    public Object evaluate(SelectorContext message) {
        Object v = identifier.evaluate(message);
        if (v == null) {
            return null;
        }
        boolean found = v instanceof String s && values.contains(s);
        return found != negated;
    }

    @Override
    public ValueType type() {
        return ValueType.BOOLEAN;
    }
}
