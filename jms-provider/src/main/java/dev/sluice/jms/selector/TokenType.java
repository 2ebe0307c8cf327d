package dev.sluice.jms.selector;

/** Lexical categories of the selector language. Keywords get their own types so the parser never compares text. */
enum TokenType {
    IDENTIFIER,
    STRING,
    EXACT_NUMBER,
    APPROXIMATE_NUMBER,

    NULL, TRUE, FALSE, NOT, AND, OR, BETWEEN, LIKE, IN, IS, ESCAPE,

    EQ, NE, LT, LE, GT, GE,
    PLUS, MINUS, STAR, SLASH,
    LPAREN, RPAREN, COMMA,

    END;

    boolean isKeyword() {
        return ordinal() >= NULL.ordinal() && ordinal() <= ESCAPE.ordinal();
    }
}
