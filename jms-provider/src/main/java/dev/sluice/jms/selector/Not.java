package dev.sluice.jms.selector;

record Not(Expression operand) implements Expression {

    @Override
    public Object evaluate(SelectorContext message) {
        return Logic.not(Logic.truth(operand.evaluate(message)));
    }

    @Override
    public ValueType type() {
        return ValueType.BOOLEAN;
    }
}
