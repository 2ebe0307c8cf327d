package dev.sluice.jms.selector;

record Comparison(ComparisonOperator operator, Expression left, Expression right) implements Expression {

    @Override
    public Object evaluate(SelectorContext message) {
        Object l = left.evaluate(message);
        if (l == null) {
            return null;
        }
        return operator.apply(l, right.evaluate(message));
    }

    @Override
    public ValueType type() {
        return ValueType.BOOLEAN;
    }
}
