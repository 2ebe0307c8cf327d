package dev.sluice.jms.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import jakarta.jms.InvalidSelectorException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Spec: a syntactically or statically ill-typed selector is rejected with InvalidSelectorException. */
class InvalidSelectorTest {

    static Stream<Arguments> invalidSelectors() {
        return Stream.of(
                // syntax
                arguments("a = = 1", 4, "unexpected '='"),
                arguments("a =", 3, "unexpected end of selector"),
                arguments("= 1", 0, "unexpected '='"),
                arguments("a = 1 AND", 9, "unexpected end of selector"),
                arguments("a = 1 OR", 8, "unexpected end of selector"),
                arguments("(a = 1", 6, "expected ')' to close '(' at position 0"),
                arguments("a = 1)", 5, "unexpected ')'"),
                arguments("a = 1 b = 2", 6, "unexpected identifier 'b'"),
                arguments("a == 1", 3, "unexpected '='"),
                arguments("a != 1", 2, "unexpected character '!' (use <> for not equal)"),
                arguments("a = \"x\"", 4, "unexpected character '\"' (string literals use single quotes)"),
                arguments("a # 1", 2, "unexpected character '#'"),
                arguments("a.b = 1", 1, "unexpected character '.'"),
                arguments("a = 'abc", 4, "unterminated string literal"),
                arguments("a = 'it''s", 4, "unterminated string literal"),
                arguments("AND = 1", 0, "unexpected AND"),
                arguments("a = 'x' ESCAPE '!'", 8, "unexpected ESCAPE"),
                arguments("a = 1 < 2", 6, "unexpected '<'"),
                // reserved words and NULL
                arguments("a = NULL", 4, "NULL is not a value"),
                arguments("NULL = a", 0, "NULL is not a value"),
                arguments("in = 1", 0, "unexpected IN"),
                // numeric literals
                arguments("a = 9223372036854775808", 4, "out of the range of long"),
                arguments("a = -9223372036854775809", 5, "out of the range of long"),
                arguments("a = 0x10000000000000000", 4, "out of the range of long"),
                arguments("a = 1e999", 4, "out of range"),
                arguments("a = 12abc", 4, "malformed numeric literal '12abc'"),
                arguments("a = 0x", 4, "malformed hexadecimal literal"),
                arguments("a = 09", 4, "malformed octal literal 09"),
                arguments("a = 1e", 4, "malformed exponent"),
                // types known at parse time
                arguments("'abc' + 1", 0, "'+' needs numeric operands but found a string expression"),
                arguments("1 + 'abc' = 2", 4, "'+' needs numeric operands but found a string expression"),
                arguments("a * TRUE = 1", 4, "'*' needs numeric operands but found a boolean expression"),
                arguments("- 'x' = 1", 2, "'unary -' needs numeric operands"),
                arguments("-(a = 1) = 1", 1, "'unary -' needs numeric operands but found a boolean expression"),
                arguments("TRUE > 1", 0, "'>' needs numeric operands but found a boolean expression"),
                arguments("'a' < 'b'", 0, "'<' needs numeric operands but found a string expression"),
                arguments("a >= 'x'", 5, "'>=' needs numeric operands but found a string expression"),
                arguments("'a' BETWEEN 'a' AND 'z'", 0, "'BETWEEN' needs numeric operands"),
                arguments("a BETWEEN 'a' AND 'z'", 10, "'BETWEEN' needs numeric operands"),
                arguments("a BETWEEN 1 AND FALSE", 16, "'BETWEEN' needs numeric operands"),
                arguments("a BETWEEN 1", 11, "unexpected end of selector at position 11 (expected AND)"),
                arguments("1 LIKE '1'", 0, "LIKE needs an identifier on its left but found a numeric literal"),
                arguments("'abc' LIKE 'a%'", 0, "LIKE needs an identifier on its left but found a string literal"),
                arguments("a + 1 LIKE 'a%'", 0, "LIKE needs an identifier on its left but found an expression"),
                arguments("a LIKE 5", 7, "expected a string literal pattern after LIKE"),
                arguments("a LIKE b", 7, "expected a string literal pattern after LIKE"),
                arguments("a LIKE 'x' ESCAPE 'ab'", 18, "ESCAPE needs exactly one character but found 'ab'"),
                arguments("a LIKE 'x' ESCAPE ''", 18, "ESCAPE needs exactly one character"),
                arguments("a LIKE 'x!' ESCAPE '!'", 7, "escape character '!' at the end of the pattern"),
                arguments("a LIKE 'x!y' ESCAPE '!'", 7, "must be followed by '_', '%' or itself, not 'y'"),
                arguments("a IN (1, 2)", 6, "unexpected number 1"),
                arguments("a IN ('1', 2)", 11, "expected a string literal"),
                arguments("a IN ()", 6, "unexpected ')'"),
                arguments("a IN '1'", 5, "expected '(' after IN"),
                arguments("a NOT IN ('x'", 13, "expected ',' or ')'"),
                arguments("5 IN ('5')", 0, "IN needs an identifier on its left"),
                arguments("a IS 5", 5, "expected NULL or NOT NULL"),
                arguments("a IS NOT 5", 9, "expected NULL"),
                arguments("1 IS NULL", 0, "IS NULL needs an identifier on its left"),
                arguments("a NOT NULL", 6, "expected BETWEEN, IN or LIKE after NOT"),
                // not a condition
                arguments("a + 1", 0, "a selector needs a conditional expression but found a numeric expression"),
                arguments("'abc'", 0, "a selector needs a conditional expression but found a string expression"),
                arguments("42", 0, "a selector needs a conditional expression"),
                arguments("5 AND a", 0, "AND needs a conditional expression"),
                arguments("a AND 5", 6, "AND needs a conditional expression"),
                arguments("a = 1 OR 'x'", 9, "OR needs a conditional expression"),
                arguments("NOT 5", 4, "NOT needs a conditional expression"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSelectors")
    void rejectedWithPositionAndReason(String selector, int position, String reason) {
        assertThatThrownBy(() -> MessageSelector.parse(selector))
                .isInstanceOf(InvalidSelectorException.class)
                .hasMessageStartingWith("Invalid selector \"" + selector + "\": ")
                .hasMessageContaining(reason)
                .hasMessageContaining(" at position " + position);
    }

    @Test
    void messageFormatMatchesTheDocumentedExample() {
        assertThatThrownBy(() -> MessageSelector.parse("a = = 1"))
                .hasMessage("Invalid selector \"a = = 1\": unexpected '=' at position 4"
                        + " (expected a literal, an identifier or '(')");
    }

    @Test
    void excessiveNestingIsRejectedInsteadOfOverflowingTheStack() {
        String deep = "(".repeat(Parser.MAX_NESTING + 1) + "a = 1" + ")".repeat(Parser.MAX_NESTING + 1);
        assertThatThrownBy(() -> MessageSelector.parse(deep))
                .isInstanceOf(InvalidSelectorException.class)
                .hasMessageContaining("nesting deeper than " + Parser.MAX_NESTING)
                .hasMessageContaining("at position " + Parser.MAX_NESTING);
        assertThatThrownBy(() -> MessageSelector.parse("NOT ".repeat(100_000) + "a"))
                .isInstanceOf(InvalidSelectorException.class);
        assertThatThrownBy(() -> MessageSelector.parse("-".repeat(100_000) + "a = 1"))
                .isInstanceOf(InvalidSelectorException.class);
    }

    @Test
    void nestingUpToTheLimitIsFine() throws InvalidSelectorException {
        String deep = "(".repeat(Parser.MAX_NESTING) + "a = 1" + ")".repeat(Parser.MAX_NESTING);
        assertThat(MessageSelector.parse(deep).matches(Selectors.message("a", 1))).isTrue();
    }

    @Test
    void longFlatChainsAreNotNesting() throws InvalidSelectorException {
        String ands = String.join(" AND ", java.util.Collections.nCopies(20_000, "a = 1"));
        String sum = "a" + " + 1".repeat(20_000) + " = 20001";
        assertThat(MessageSelector.parse(ands).matches(Selectors.message("a", 1))).isTrue();
        assertThat(MessageSelector.parse(sum).matches(Selectors.message("a", 1))).isTrue();
    }
}
