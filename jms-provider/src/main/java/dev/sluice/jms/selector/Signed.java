package dev.sluice.jms.selector;

/**
 * Unary plus or minus on a non-literal (signed literals are folded by the parser). Unary plus is kept
 * because it still asserts a numeric operand: {@code +s} is NULL when {@code s} holds a string.
 */
record Signed(boolean negative, Expression operand) implements Expression {

    @Override
    public Object evaluate(SelectorContext message) {
        Object v = operand.evaluate(message);
        if (Numbers.isExact(v)) {
            return negative ? -((Number) v).longValue() : v;
        }
        if (v instanceof Float f) {
            return negative ? -f : f; // stays float, as in Java
        }
        if (v instanceof Double d) {
            return negative ? -d : d;
        }
        return null;
    }

    @Override
    public ValueType type() {
        return ValueType.NUMERIC;
    }
}
