package dev.sluice.jms.selector;

import static dev.sluice.jms.selector.Selectors.message;
import static dev.sluice.jms.selector.Selectors.truth;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.jms.selector.Selectors.Truth;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Spec 3.8.1.1 comparison operators =, &gt;, &gt;=, &lt;, &lt;=, &lt;&gt;. */
class ComparisonOperatorsTest {

    @ParameterizedTest(name = "5 {0} n where n={1}: {2}")
    @CsvSource({
            "=,  5, TRUE", "=,  4, FALSE",
            "<>, 5, FALSE", "<>, 4, TRUE",
            ">,  4, TRUE", ">,  5, FALSE", ">,  6, FALSE",
            ">=, 4, TRUE", ">=, 5, TRUE", ">=, 6, FALSE",
            "<,  6, TRUE", "<,  5, FALSE", "<,  4, FALSE",
            "<=, 6, TRUE", "<=, 5, TRUE", "<=, 4, FALSE",
    })
    void numericComparisons(String operator, long n, Truth expected) {
        assertThat(truth("5 " + operator + " n", message("n", n))).isEqualTo(expected);
        assertThat(truth("5 " + operator + " n", message("n", (int) n))).isEqualTo(expected);
        assertThat(truth("5.0 " + operator + " n", message("n", (double) n))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "s = 'abc'  | abc | TRUE",
            "s = 'abc'  | abd | FALSE",
            "s <> 'abc' | abd | TRUE",
            "s <> 'abc' | abc | FALSE",
            "'abc' = s  | abc | TRUE",
            "s = t      | abc | TRUE",
    })
    void stringEquality(String selector, String s, Truth expected) {
        assertThat(truth(selector, message("s", s, "t", "abc"))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} with a={1}, b={2}: {3}")
    @CsvSource({
            "a = b,  true,  true,  TRUE",
            "a = b,  true,  false, FALSE",
            "a <> b, true,  false, TRUE",
            "a <> b, false, false, FALSE",
    })
    void booleanEquality(String selector, boolean a, boolean b, Truth expected) {
        assertThat(truth(selector, message("a", a, "b", b))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"s < t", "s > t", "s <= t", "s >= t"})
    void orderingBetweenTwoStringPropertiesIsFalse(String selector) {
        // Only = and <> apply to strings; the parser cannot know the types of two identifiers, so this is decided at run time.
        assertThat(truth(selector, message("s", "a", "t", "b"))).isEqualTo(Truth.FALSE);
        assertThat(truth(selector.replace('s', 'x').replace('t', 'y'), message("x", true, "y", false)))
                .isEqualTo(Truth.FALSE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"n = 1", "n <> 1", "n < 1", "n <= 1", "n > 1", "n >= 1", "1 = n", "s = 'x'", "s <> 'x'", "b = TRUE"})
    void comparisonWithNullIsUnknown(String selector) {
        assertThat(truth(selector)).isEqualTo(Truth.UNKNOWN);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"d = d, FALSE", "d <> d, TRUE", "d < 1, FALSE", "d >= 1, FALSE"})
    void notANumberFollowsJavaSemantics(String selector, Truth expected) {
        assertThat(truth(selector, message("d", Double.NaN))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"z = 0, TRUE", "z = -0.0, TRUE", "z < 0, FALSE"})
    void negativeZeroEqualsZero(String selector, Truth expected) {
        assertThat(truth(selector, message("z", -0.0))).isEqualTo(expected);
    }
}
