package dev.sluice.jms.selector;

import static dev.sluice.jms.selector.Selectors.message;
import static dev.sluice.jms.selector.Selectors.truth;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.jms.selector.Selectors.Truth;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Spec: only like types compare; "if the comparison of non-like type values is attempted, the value of
 * the operation is false" (not unknown, so its negation is TRUE). NULL still gives UNKNOWN.
 */
class TypeMismatchTest {

    private static final SelectorContext M = message(
            "s", "1", "i", 1, "d", 1.0, "b", true, "sb", "true", "c", 'x', "big", new java.math.BigDecimal("1"));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "s = 1        | FALSE",
            "s <> 1       | FALSE",
            "i = '1'      | FALSE",
            "d = '1'      | FALSE",
            "b = 1        | FALSE",
            "b = 'true'   | FALSE",
            "sb = TRUE    | FALSE",
            "i = TRUE     | FALSE",
            "s > 0        | FALSE",
            "s < 10       | FALSE",
            "b >= 0       | FALSE",
            "s = i        | FALSE",
            "b = s        | FALSE",
            "'1' = 1      | FALSE",
            "TRUE = 1     | FALSE",
            "'TRUE' = TRUE| FALSE",
            "c = 'x'      | FALSE",
            "big = 1      | FALSE",
            "(i = 1) = 1  | FALSE",
            "(i = 1) = TRUE | TRUE",
    })
    void unlikeTypesCompareFalse(String selector, Truth expected) {
        assertThat(truth(selector, M)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "NOT (s = 1)  | TRUE",
            "NOT (s > 0)  | TRUE",
            "NOT (b = 'true') | TRUE",
    })
    void negatedMismatchIsTrue(String selector, Truth expected) {
        assertThat(truth(selector, M)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "s + 1 = 2",
            "b * 1 = 1",
            "-s = -1",
            "big + 0 = 1",
            "i",
            "s",
    })
    void nonNumericArithmeticAndNonBooleanConditionsAreUnknown(String selector) {
        assertThat(truth(selector, M)).isEqualTo(Truth.UNKNOWN);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {"missing = 1", "missing = 'x'", "missing = TRUE",
            "1 = missing", "missing <> missing"})
    void nullIsUnknownEvenAcrossTypes(String selector) {
        assertThat(truth(selector, M)).isEqualTo(Truth.UNKNOWN);
    }
}
