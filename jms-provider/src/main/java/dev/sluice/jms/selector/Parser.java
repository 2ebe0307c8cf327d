package dev.sluice.jms.selector;

import jakarta.jms.InvalidSelectorException;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Recursive descent over the spec's grammar, lowest precedence first:
 * <pre>
 * selector       := or END
 * or             := and (OR and)*
 * and            := not (AND not)*
 * not            := NOT not | predicate
 * predicate      := additive [ compare-op additive
 *                            | [NOT] BETWEEN additive AND additive
 *                            | [NOT] IN '(' string (',' string)* ')'
 *                            | [NOT] LIKE string [ESCAPE string]
 *                            | IS [NOT] NULL ]
 * additive       := multiplicative (('+' | '-') multiplicative)*
 * multiplicative := unary (('*' | '/') unary)*
 * unary          := ('+' | '-') unary | primary
 * primary        := literal | identifier | '(' or ')'
 * </pre>
 * Types are checked while building the tree, so selectors the spec calls invalid (such as
 * {@code 'a' + 1} or {@code TRUE > 1}) fail here with the offending operand's position.
 */
final class Parser {

    /**
     * Bounds parenthesis / NOT / sign nesting. Selectors may come from remote clients, and an unbounded
     * "((((..." would overflow the stack while parsing or, worse, while evaluating under the queue lock.
     */
    static final int MAX_NESTING = 100;

    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigInteger LONG_MIN_MAGNITUDE = LONG_MAX.add(BigInteger.ONE);
    private static final BigInteger UNSIGNED_LONG_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private final String source;
    private final List<Token> tokens;
    private int index;
    private int nesting;

    private Parser(String source, List<Token> tokens) {
        this.source = source;
        this.tokens = tokens;
    }

    static Expression parse(String selector) throws InvalidSelectorException {
        Parser parser = new Parser(selector, Lexer.tokenize(selector));
        return parser.selector();
    }

    private Expression selector() throws InvalidSelectorException {
        int start = peek().position();
        Expression condition = or();
        if (peek().type() != TokenType.END) {
            throw SelectorErrors.unexpected(source, peek(), "an operator, AND, OR or end of selector");
        }
        return requireCondition(condition, start, "a selector");
    }

    private Expression or() throws InvalidSelectorException {
        int start = peek().position();
        Expression first = and();
        if (peek().type() != TokenType.OR) {
            return first;
        }
        List<Expression> operands = new ArrayList<>();
        operands.add(requireCondition(first, start, "OR"));
        while (accept(TokenType.OR)) {
            int operandStart = peek().position();
            operands.add(requireCondition(and(), operandStart, "OR"));
        }
        return new Disjunction(operands);
    }

    private Expression and() throws InvalidSelectorException {
        int start = peek().position();
        Expression first = not();
        if (peek().type() != TokenType.AND) {
            return first;
        }
        List<Expression> operands = new ArrayList<>();
        operands.add(requireCondition(first, start, "AND"));
        while (accept(TokenType.AND)) {
            int operandStart = peek().position();
            operands.add(requireCondition(not(), operandStart, "AND"));
        }
        return new Conjunction(operands);
    }

    private Expression not() throws InvalidSelectorException {
        if (peek().type() != TokenType.NOT) {
            return predicate();
        }
        Token not = next();
        enter(not);
        int start = peek().position();
        Expression operand = requireCondition(not(), start, "NOT");
        nesting--;
        return new Not(operand);
    }

    private Expression predicate() throws InvalidSelectorException {
        int start = peek().position();
        Expression left = additive();
        Token op = peek();
        switch (op.type()) {
            case EQ, NE, LT, LE, GT, GE -> {
                next();
                int rightStart = peek().position();
                Expression right = additive();
                ComparisonOperator operator = comparisonOperator(op.type());
                if (!operator.isEquality()) {
                    // Strings and booleans are only comparable with = and <>.
                    requireNumeric(left, start, operator.symbol);
                    requireNumeric(right, rightStart, operator.symbol);
                }
                return new Comparison(operator, left, right);
            }
            case NOT -> {
                TokenType after = tokens.get(index + 1).type();
                if (after != TokenType.BETWEEN && after != TokenType.IN && after != TokenType.LIKE) {
                    throw SelectorErrors.unexpected(source, tokens.get(index + 1), "BETWEEN, IN or LIKE after NOT");
                }
                next();
                return negatable(left, start, true);
            }
            case BETWEEN, IN, LIKE -> {
                return negatable(left, start, false);
            }
            case IS -> {
                next();
                boolean negated = accept(TokenType.NOT);
                expect(TokenType.NULL, negated ? "NULL" : "NULL or NOT NULL");
                return new IsNull(requireIdentifier(left, start, "IS NULL"), negated);
            }
            default -> {
                return left;
            }
        }
    }

    private Expression negatable(Expression left, int start, boolean negated) throws InvalidSelectorException {
        Token op = next();
        switch (op.type()) {
            case BETWEEN -> {
                requireNumeric(left, start, "BETWEEN");
                int lowerStart = peek().position();
                Expression lower = requireNumeric(additive(), lowerStart, "BETWEEN");
                expect(TokenType.AND, "AND");
                int upperStart = peek().position();
                Expression upper = requireNumeric(additive(), upperStart, "BETWEEN");
                return new Between(left, lower, upper, negated);
            }
            case IN -> {
                Identifier identifier = requireIdentifier(left, start, "IN");
                expect(TokenType.LPAREN, "'(' after IN");
                List<String> values = new ArrayList<>();
                do {
                    values.add(expect(TokenType.STRING, "a string literal").value());
                } while (accept(TokenType.COMMA));
                expect(TokenType.RPAREN, "',' or ')'");
                return new In(identifier, values, negated);
            }
            default -> {
                Identifier identifier = requireIdentifier(left, start, "LIKE");
                Token pattern = expect(TokenType.STRING, "a string literal pattern after LIKE");
                Character escape = null;
                if (accept(TokenType.ESCAPE)) {
                    Token escapeToken = expect(TokenType.STRING, "a string literal after ESCAPE");
                    if (escapeToken.value().length() != 1) {
                        throw SelectorErrors.at(source, escapeToken.position(),
                                "ESCAPE needs exactly one character but found " + escapeToken.text());
                    }
                    escape = escapeToken.value().charAt(0);
                }
                try {
                    return new Like(identifier, LikePattern.compile(pattern.value(), escape), negated);
                } catch (LikePattern.MalformedPatternException e) {
                    throw SelectorErrors.at(source, pattern.position(), "invalid LIKE pattern " + pattern.text()
                            + ": " + e.getMessage());
                }
            }
        }
    }

    private Expression additive() throws InvalidSelectorException {
        int start = peek().position();
        Expression first = multiplicative();
        if (peek().type() != TokenType.PLUS && peek().type() != TokenType.MINUS) {
            return first;
        }
        return chain(first, start, TokenType.PLUS, TokenType.MINUS, true);
    }

    private Expression multiplicative() throws InvalidSelectorException {
        int start = peek().position();
        Expression first = unary();
        if (peek().type() != TokenType.STAR && peek().type() != TokenType.SLASH) {
            return first;
        }
        return chain(first, start, TokenType.STAR, TokenType.SLASH, false);
    }

    private Expression chain(Expression first, int start, TokenType a, TokenType b, boolean additive)
            throws InvalidSelectorException {
        List<Expression> operands = new ArrayList<>();
        List<ArithmeticOperator> operators = new ArrayList<>();
        operands.add(first);
        while (peek().type() == a || peek().type() == b) {
            ArithmeticOperator operator = arithmeticOperator(next().type());
            requireNumeric(first, start, operator.symbol);
            int operandStart = peek().position();
            Expression operand = additive ? multiplicative() : unary();
            operands.add(requireNumeric(operand, operandStart, operator.symbol));
            operators.add(operator);
        }
        return new Arithmetic(operands, operators);
    }

    private Expression unary() throws InvalidSelectorException {
        TokenType type = peek().type();
        if (type != TokenType.PLUS && type != TokenType.MINUS) {
            return primary();
        }
        Token sign = next();
        boolean negative = type == TokenType.MINUS;
        Token operandToken = peek();
        if (operandToken.type() == TokenType.EXACT_NUMBER || operandToken.type() == TokenType.APPROXIMATE_NUMBER) {
            // Folding here, before range checks, is what admits -9223372036854775808.
            next();
            return numberLiteral(operandToken, negative);
        }
        enter(sign);
        Expression operand = requireNumeric(unary(), operandToken.position(), "unary " + sign.text());
        nesting--;
        return new Signed(negative, operand);
    }

    private Expression primary() throws InvalidSelectorException {
        Token token = next();
        return switch (token.type()) {
            case STRING -> new Literal(token.value());
            case EXACT_NUMBER, APPROXIMATE_NUMBER -> numberLiteral(token, false);
            case TRUE -> new Literal(Boolean.TRUE);
            case FALSE -> new Literal(Boolean.FALSE);
            case IDENTIFIER -> Identifier.of(token.value());
            case LPAREN -> {
                enter(token);
                Expression inner = or();
                expect(TokenType.RPAREN, "')' to close '(' at position " + token.position());
                nesting--;
                yield inner;
            }
            case NULL -> throw SelectorErrors.at(source, token.position(),
                    "NULL is not a value; use IS NULL or IS NOT NULL");
            default -> throw SelectorErrors.unexpected(source, token, "a literal, an identifier or '('");
        };
    }

    private Literal numberLiteral(Token token, boolean negative) throws InvalidSelectorException {
        String text = token.text();
        if (token.type() == TokenType.APPROXIMATE_NUMBER) {
            char last = Character.toLowerCase(text.charAt(text.length() - 1));
            // A float-suffixed literal is a float, as in Java: it equals a float property set to 1.1f, and
            // arithmetic on it is float arithmetic (Java numeric promotion).
            double value = last == 'f' ? Float.parseFloat(text) : Double.parseDouble(text);
            if (Double.isInfinite(value)) {
                throw SelectorErrors.at(source, token.position(), "numeric literal " + text + " is out of range");
            }
            double signed = negative ? -value : value;
            return new Literal(last == 'f' ? (Object) (float) signed : (Object) signed);
        }
        String digits = text;
        if (digits.endsWith("l") || digits.endsWith("L")) {
            digits = digits.substring(0, digits.length() - 1);
        }
        int radix = 10;
        if (digits.length() > 1 && digits.charAt(0) == '0') {
            boolean hex = digits.charAt(1) == 'x' || digits.charAt(1) == 'X';
            radix = hex ? 16 : 8;
            digits = digits.substring(hex ? 2 : 1);
        }
        BigInteger magnitude;
        try {
            magnitude = new BigInteger(digits, radix);
        } catch (NumberFormatException e) {
            throw SelectorErrors.at(source, token.position(), "malformed octal literal " + text);
        }
        // As in Java, hex and octal literals may spell any 64-bit pattern, decimal ones only the long range.
        BigInteger limit = radix != 10 ? UNSIGNED_LONG_MAX : negative ? LONG_MIN_MAGNITUDE : LONG_MAX;
        if (magnitude.compareTo(limit) > 0) {
            throw SelectorErrors.at(source, token.position(), "numeric literal " + text + " is out of the range of long");
        }
        long value = magnitude.longValue();
        return new Literal(negative ? -value : value);
    }

    private Expression requireCondition(Expression e, int position, String context) throws InvalidSelectorException {
        if (!e.type().canBeBoolean()) {
            throw SelectorErrors.at(source, position, context + " needs a conditional expression but found "
                    + e.type().describe());
        }
        return e;
    }

    private Expression requireNumeric(Expression e, int position, String operator) throws InvalidSelectorException {
        if (!e.type().canBeNumeric()) {
            boolean ordering = operator.startsWith("<") || operator.startsWith(">");
            throw SelectorErrors.at(source, position, "'" + operator + "' needs numeric operands but found "
                    + e.type().describe() + (ordering ? " (strings and booleans only support = and <>)" : ""));
        }
        return e;
    }

    private Identifier requireIdentifier(Expression e, int position, String operator) throws InvalidSelectorException {
        if (e instanceof Identifier identifier) {
            return identifier;
        }
        throw SelectorErrors.at(source, position, operator + " needs an identifier on its left but found "
                + (e instanceof Literal ? e.type().describe().replace(" expression", " literal") : "an expression"));
    }

    private void enter(Token token) throws InvalidSelectorException {
        if (++nesting > MAX_NESTING) {
            throw SelectorErrors.at(source, token.position(), "nesting deeper than " + MAX_NESTING + " levels");
        }
    }

    private static ComparisonOperator comparisonOperator(TokenType type) {
        return switch (type) {
            case EQ -> ComparisonOperator.EQ;
            case NE -> ComparisonOperator.NE;
            case LT -> ComparisonOperator.LT;
            case LE -> ComparisonOperator.LE;
            case GT -> ComparisonOperator.GT;
            case GE -> ComparisonOperator.GE;
            default -> throw new IllegalArgumentException(type.name());
        };
    }

    private static ArithmeticOperator arithmeticOperator(TokenType type) {
        return switch (type) {
            case PLUS -> ArithmeticOperator.PLUS;
            case MINUS -> ArithmeticOperator.MINUS;
            case STAR -> ArithmeticOperator.TIMES;
            case SLASH -> ArithmeticOperator.DIVIDE;
            default -> throw new IllegalArgumentException(type.name());
        };
    }

    private Token peek() {
        return tokens.get(index);
    }

    private Token next() {
        Token token = tokens.get(index);
        if (token.type() != TokenType.END) {
            index++;
        }
        return token;
    }

    private boolean accept(TokenType type) {
        if (peek().type() == type) {
            index++;
            return true;
        }
        return false;
    }

    private Token expect(TokenType type, String expected) throws InvalidSelectorException {
        if (peek().type() != type) {
            throw SelectorErrors.unexpected(source, peek(), expected);
        }
        return next();
    }
}
