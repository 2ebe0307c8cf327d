package dev.sluice.jms.selector;

/**
 * What the parser can know about an expression's type before any message exists. Identifiers are
 * {@link #ANY} because a property's type is only known per message; only literals and operator results
 * are typed, which is enough to reject selectors such as {@code 'abc' + 1} up front.
 */
enum ValueType {
    BOOLEAN("a boolean"),
    NUMERIC("a numeric"),
    STRING("a string"),
    ANY("an identifier");

    private final String article;

    ValueType(String article) {
        this.article = article;
    }

    boolean canBeBoolean() {
        return this == BOOLEAN || this == ANY;
    }

    boolean canBeNumeric() {
        return this == NUMERIC || this == ANY;
    }

    String describe() {
        return this == ANY ? article : article + " expression";
    }
}
