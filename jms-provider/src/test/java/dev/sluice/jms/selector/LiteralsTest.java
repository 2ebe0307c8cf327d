package dev.sluice.jms.selector;

import static dev.sluice.jms.selector.Selectors.message;
import static dev.sluice.jms.selector.Selectors.matches;
import static dev.sluice.jms.selector.Selectors.truth;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.jms.selector.Selectors.Truth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Spec 3.8.1.1 "Literals": strings, exact and approximate numerics, booleans. */
class LiteralsTest {

    @ParameterizedTest(name = "{0} equals s=[{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "s = 'literal'       | literal",
            "s = 'literal''s'    | literal's",
            "s = ''''            | '",
            "s = ''              | \"\"",
            "s = 'a b  c'        | a b  c",
            "s = 'Grüße ☃'       | Grüße ☃",
            "s = 'AND OR NOT'    | AND OR NOT",
            "s = '%_\\'          | %_\\",
    })
    void stringLiterals(String selector, String value) {
        assertThat(matches(selector, message("s", value))).isTrue();
    }

    @Test
    void stringLiteralsAreCaseSensitive() {
        assertThat(matches("s = 'abc'", message("s", "ABC"))).isFalse();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "57                    | 57",
            "-957                  | -957",
            "+62                   | 62",
            "0                     | 0",
            "9223372036854775807   | 9223372036854775807",
            "-9223372036854775808  | -9223372036854775808",
            "- 9223372036854775808 | -9223372036854775808",
            "0x1F                  | 31",
            "0XfF                  | 255",
            "017                   | 15",
            "00                    | 0",
            "42L                   | 42",
            "42l                   | 42",
            "0x7fffffffffffffffL   | 9223372036854775807",
            "0xFFFFFFFFFFFFFFFF    | -1",
    })
    void exactNumericLiteralsFollowJavaIntegerSyntaxWithLongRange(String literal, long expected) {
        assertThat(matches("n = " + literal, message("n", expected))).isTrue();
        assertThat(matches("n = " + literal, message("n", expected + 1))).isFalse();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "7E3      | 7000.0",
            "-57.9E2  | -5790.0",
            "7.       | 7.0",
            "95.7     | 95.7",
            "-95.7    | -95.7",
            "+6.2     | 6.2",
            ".5       | 0.5",
            "1e-3     | 0.001",
            "1E+3     | 1000.0",
            "2.5e1    | 25.0",
            "3d       | 3.0",
            "3.5D     | 3.5",
            "1.7976931348623157E308 | 1.7976931348623157E308",
            "4.9E-324 | 4.9E-324",
    })
    void approximateNumericLiteralsFollowJavaFloatingPointSyntax(String literal, double expected) {
        assertThat(matches("d = " + literal, message("d", expected))).isTrue();
        assertThat(matches("d = " + literal, message("d", expected * 2 + 1))).isFalse();
    }

    @Test
    void floatSuffixedLiteralTakesTheFloatValue() {
        assertThat(matches("f = 1.1f", message("f", 1.1f))).isTrue();
        assertThat(matches("f = 1.1", message("f", 1.1f)))
                .as("Java promotion compares (double) 1.1f with 1.1, which differ")
                .isFalse();
    }

    @ParameterizedTest
    @CsvSource({"TRUE, TRUE", "true, TRUE", "True, TRUE", "FALSE, FALSE", "false, FALSE", "fAlSe, FALSE"})
    void booleanLiteralsAreCaseInsensitive(String literal, Truth expected) {
        assertThat(truth(literal)).isEqualTo(expected);
    }

    @Test
    void booleanLiteralsCompareWithBooleanProperties() {
        assertThat(matches("b = TRUE", message("b", true))).isTrue();
        assertThat(matches("b = FALSE", message("b", true))).isFalse();
        assertThat(matches("b <> false", message("b", true))).isTrue();
        assertThat(matches("TRUE = TRUE", message())).isTrue();
        assertThat(matches("TRUE <> FALSE", message())).isTrue();
    }
}
