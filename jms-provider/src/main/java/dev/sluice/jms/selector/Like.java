package dev.sluice.jms.selector;

/**
 * {@code id [NOT] LIKE pattern [ESCAPE c]}. NULL gives UNKNOWN; a non-string value is a comparison of
 * unlike types, hence LIKE is FALSE, and NOT LIKE, being its negation, TRUE.
 */
record Like(Identifier identifier, LikePattern pattern, boolean negated) implements Expression {

    @Override
    public Object evaluate(SelectorContext message) {
        Object v = identifier.evaluate(message);
        if (v == null) {
            return null;
        }
        boolean matched = v instanceof String s && pattern.matches(s);
        return matched != negated;
    }

    @Override
    public ValueType type() {
        return ValueType.BOOLEAN;
    }
}
