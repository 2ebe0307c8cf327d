package dev.sluice.jms.selector;

import java.util.List;

/**
 * A left-associative chain such as {@code a + b - c} at one precedence level. Kept flat (rather than
 * nested binary nodes) so a long chain costs a loop, not one stack frame per operator, at evaluation.
 */
record Arithmetic(List<Expression> operands, List<ArithmeticOperator> operators) implements Expression {

    Arithmetic {
        operands = List.copyOf(operands);
        operators = List.copyOf(operators);
        if (operands.size() != operators.size() + 1) {
            throw new IllegalArgumentException("need one more operand than operators");
        }
    }

    @Override
    public Object evaluate(SelectorContext message) {
        Object result = operands.get(0).evaluate(message);
        for (int i = 0; i < operators.size() && result != null; i++) {
            result = operators.get(i).apply(result, operands.get(i + 1).evaluate(message));
        }
        return result;
    }

    @Override
    public ValueType type() {
        return ValueType.NUMERIC;
    }
}
