package dev.sluice.jms.selector;

/**
 * One lexeme. {@code text} is the exact source slice (numbers keep their digits so the parser can
 * apply a preceding minus sign before range-checking, which is what makes {@code -9223372036854775808} legal);
 * {@code value} is the decoded content for string literals and identifiers.
 */
record Token(TokenType type, String text, String value, int position) {

    /** How the token reads in an error message's "unexpected ..." part. */
    String describe() {
        return switch (type) {
            case END -> "end of selector";
            case IDENTIFIER -> "identifier '" + text + "'";
            case STRING -> "string literal " + text;
            case EXACT_NUMBER, APPROXIMATE_NUMBER -> "number " + text;
            default -> type.isKeyword() ? text.toUpperCase(java.util.Locale.ROOT) : "'" + text + "'";
        };
    }
}
