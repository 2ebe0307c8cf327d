package dev.sluice.jms.selector;

/** {@code id IS [NOT] NULL}: the one operator that turns NULL into a definite answer. */
record IsNull(Identifier identifier, boolean negated) implements Expression {

    @Override
    public Object evaluate(SelectorContext message) {
        return (identifier.evaluate(message) == null) != negated;
    }

    @Override
    public ValueType type() {
        return ValueType.BOOLEAN;
    }
}
