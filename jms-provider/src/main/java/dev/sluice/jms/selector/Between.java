package dev.sluice.jms.selector;

/**
 * The spec defines {@code x BETWEEN a AND b} as {@code x >= a AND x <= b} and
 * {@code x NOT BETWEEN a AND b} as {@code x < a OR x > b}; both are evaluated literally as those
 * expansions, so a non-numeric {@code x} makes both forms FALSE (not one TRUE and one FALSE).
 */
record Between(Expression value, Expression lower, Expression upper, boolean negated) implements Expression {

    @Override
    public Object evaluate(SelectorContext message) {
        Object v = value.evaluate(message);
        if (v == null) {
            return null;
        }
        Object lo = lower.evaluate(message);
        Object hi = upper.evaluate(message);
        return negated
                ? Logic.or(ComparisonOperator.LT.apply(v, lo), ComparisonOperator.GT.apply(v, hi))
                : Logic.and(ComparisonOperator.GE.apply(v, lo), ComparisonOperator.LE.apply(v, hi));
    }

    @Override
    public ValueType type() {
        return ValueType.BOOLEAN;
    }
}
