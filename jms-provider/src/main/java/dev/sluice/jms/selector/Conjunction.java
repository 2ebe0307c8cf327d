package dev.sluice.jms.selector;

import java.util.List;

/** {@code a AND b AND ...}: FALSE wins over UNKNOWN, so evaluation stops at the first FALSE. */
record Conjunction(List<Expression> operands) implements Expression {

    Conjunction {
        operands = List.copyOf(operands);
    }

    @Override
    public Object evaluate(SelectorContext message) {
        Boolean result = Boolean.TRUE;
        for (Expression operand : operands) {
            Boolean value = Logic.truth(operand.evaluate(message));
            if (Boolean.FALSE.equals(value)) {
                return Boolean.FALSE;
            }
            result = Logic.and(result, value);
        }
        return result;
    }

    @Override
    public ValueType type() {
        return ValueType.BOOLEAN;
    }
}
