package dev.sluice.jms.selector;

import jakarta.jms.InvalidSelectorException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Splits a selector into tokens. Numbers are only delimited and classified here; their values are
 * decoded by the parser, which knows whether a unary minus applies.
 */
final class Lexer {

    private static final Map<String, TokenType> KEYWORDS = Map.ofEntries(
            Map.entry("NULL", TokenType.NULL), Map.entry("TRUE", TokenType.TRUE), Map.entry("FALSE", TokenType.FALSE),
            Map.entry("NOT", TokenType.NOT), Map.entry("AND", TokenType.AND), Map.entry("OR", TokenType.OR),
            Map.entry("BETWEEN", TokenType.BETWEEN), Map.entry("LIKE", TokenType.LIKE), Map.entry("IN", TokenType.IN),
            Map.entry("IS", TokenType.IS), Map.entry("ESCAPE", TokenType.ESCAPE));

    private final String src;
    private int pos;

    private Lexer(String src) {
        this.src = src;
    }

    static List<Token> tokenize(String selector) throws InvalidSelectorException {
        return new Lexer(selector).run();
    }

    private List<Token> run() throws InvalidSelectorException {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            skipWhitespace();
            if (pos >= src.length()) {
                tokens.add(new Token(TokenType.END, "", null, pos));
                return tokens;
            }
            tokens.add(next());
        }
    }

    /** The spec defers to Java's notion of white space: space, tab, form feed and line terminators. */
    private void skipWhitespace() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\f' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private Token next() throws InvalidSelectorException {
        int start = pos;
        char c = src.charAt(pos);
        if (c == '\'') {
            return string(start);
        }
        if (isDigit(c) || (c == '.' && pos + 1 < src.length() && isDigit(src.charAt(pos + 1)))) {
            return number(start);
        }
        int cp = src.codePointAt(pos);
        if (Character.isJavaIdentifierStart(cp)) {
            return identifierOrKeyword(start);
        }
        TokenType type = switch (c) {
            case '=' -> TokenType.EQ;
            case '<' -> peekIs(1, '>') ? TokenType.NE : peekIs(1, '=') ? TokenType.LE : TokenType.LT;
            case '>' -> peekIs(1, '=') ? TokenType.GE : TokenType.GT;
            case '+' -> TokenType.PLUS;
            case '-' -> TokenType.MINUS;
            case '*' -> TokenType.STAR;
            case '/' -> TokenType.SLASH;
            case '(' -> TokenType.LPAREN;
            case ')' -> TokenType.RPAREN;
            case ',' -> TokenType.COMMA;
            default -> null;
        };
        if (type == null) {
            String shown = new String(Character.toChars(cp));
            throw SelectorErrors.at(src, start, "unexpected character '" + shown + "'"
                    + (c == '"' ? " (string literals use single quotes)" : c == '!' ? " (use <> for not equal)" : ""));
        }
        pos += (type == TokenType.NE || type == TokenType.LE || type == TokenType.GE) ? 2 : 1;
        return new Token(type, src.substring(start, pos), null, start);
    }

    private boolean peekIs(int offset, char expected) {
        return pos + offset < src.length() && src.charAt(pos + offset) == expected;
    }

    private Token string(int start) throws InvalidSelectorException {
        StringBuilder value = new StringBuilder();
        pos++;
        while (pos < src.length()) {
            char c = src.charAt(pos++);
            if (c == '\'') {
                if (pos < src.length() && src.charAt(pos) == '\'') {
                    value.append('\'');
                    pos++;
                } else {
                    return new Token(TokenType.STRING, src.substring(start, pos), value.toString(), start);
                }
            } else {
                value.append(c);
            }
        }
        throw SelectorErrors.at(src, start, "unterminated string literal");
    }

    private Token identifierOrKeyword(int start) {
        pos += Character.charCount(src.codePointAt(pos));
        while (pos < src.length()) {
            int cp = src.codePointAt(pos);
            if (!Character.isJavaIdentifierPart(cp)) {
                break;
            }
            pos += Character.charCount(cp);
        }
        String text = src.substring(start, pos);
        // Keywords are case-insensitive; ROOT locale keeps "in" from becoming a dotted-I in Turkish locales.
        TokenType keyword = KEYWORDS.get(text.toUpperCase(Locale.ROOT));
        return keyword != null
                ? new Token(keyword, text, null, start)
                : new Token(TokenType.IDENTIFIER, text, text, start);
    }

    /**
     * Java literal syntax: decimal, octal (leading 0) or hex (0x) integers with an optional L suffix;
     * floating-point with a decimal point and/or exponent and an optional f/d suffix.
     */
    private Token number(int start) throws InvalidSelectorException {
        if (src.charAt(pos) == '0' && (peekIs(1, 'x') || peekIs(1, 'X'))) {
            pos += 2;
            int digits = pos;
            while (pos < src.length() && Character.digit(src.charAt(pos), 16) >= 0) {
                pos++;
            }
            if (pos == digits) {
                throw SelectorErrors.at(src, start, "malformed hexadecimal literal");
            }
            skipSuffix("lL");
            return finishNumber(start, TokenType.EXACT_NUMBER);
        }
        boolean approximate = false;
        skipDigits();
        if (pos < src.length() && src.charAt(pos) == '.') {
            approximate = true;
            pos++;
            skipDigits();
        }
        if (pos < src.length() && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
            approximate = true;
            pos++;
            if (pos < src.length() && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) {
                pos++;
            }
            int exponent = pos;
            skipDigits();
            if (pos == exponent) {
                throw SelectorErrors.at(src, start, "malformed exponent in numeric literal");
            }
        }
        if (skipSuffix("fFdD")) {
            approximate = true;
        } else if (!approximate) {
            skipSuffix("lL");
        }
        return finishNumber(start, approximate ? TokenType.APPROXIMATE_NUMBER : TokenType.EXACT_NUMBER);
    }

    private Token finishNumber(int start, TokenType type) throws InvalidSelectorException {
        // "12abc" would otherwise lex as a number followed by an identifier and yield a confusing later error.
        if (pos < src.length() && Character.isJavaIdentifierPart(src.codePointAt(pos))) {
            throw SelectorErrors.at(src, start, "malformed numeric literal '" + src.substring(start, endOfWord()) + "'");
        }
        return new Token(type, src.substring(start, pos), null, start);
    }

    private int endOfWord() {
        int end = pos;
        while (end < src.length() && Character.isJavaIdentifierPart(src.codePointAt(end))) {
            end += Character.charCount(src.codePointAt(end));
        }
        return end;
    }

    private void skipDigits() {
        while (pos < src.length() && isDigit(src.charAt(pos))) {
            pos++;
        }
    }

    private boolean skipSuffix(String suffixes) {
        if (pos < src.length() && suffixes.indexOf(src.charAt(pos)) >= 0) {
            pos++;
            return true;
        }
        return false;
    }

    // Character.isDigit would accept non-ASCII digits, which Java numeric literals do not.
    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
