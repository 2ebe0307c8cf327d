package dev.sluice.jms.selector;

import java.util.List;

/** {@code a OR b OR ...}: TRUE wins over UNKNOWN, so evaluation stops at the first TRUE. */
record Disjunction(List<Expression> operands) implements Expression {

    Disjunction {
        operands = List.copyOf(operands);
    }

    @Override
    public Object evaluate(SelectorContext message) {
        Boolean result = Boolean.FALSE;
        for (Expression operand : operands) {
            Boolean value = Logic.truth(operand.evaluate(message));
            if (Boolean.TRUE.equals(value)) {
                return Boolean.TRUE;
            }
            result = Logic.or(result, value);
        }
        return result;
    }

    @Override
    public ValueType type() {
        return ValueType.BOOLEAN;
    }
}
