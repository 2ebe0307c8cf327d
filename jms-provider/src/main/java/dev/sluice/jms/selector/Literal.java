package dev.sluice.jms.selector;

/**
 * A constant: {@code Long}, {@code Double}, {@code Float} (an f-suffixed literal), {@code String} or {@code Boolean},
 * never null (NULL is not a literal).
 */
record Literal(Object value) implements Expression {

    @Override
    public Object evaluate(SelectorContext message) {
        return value;
    }

    @Override
    public ValueType type() {
        return value instanceof Boolean ? ValueType.BOOLEAN
                : value instanceof String ? ValueType.STRING
                : ValueType.NUMERIC;
    }
}
