package dev.sluice.jms.selector;

import static dev.sluice.jms.selector.Selectors.message;
import static dev.sluice.jms.selector.Selectors.matches;
import static dev.sluice.jms.selector.Selectors.truth;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.jms.selector.Selectors.Truth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Spec 3.8.1.1 arithmetic operators: unary + -, * /, binary + -, Java numeric promotion. */
class ArithmeticTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "1 + 2 = 3", "5 - 7 = -2", "6 * 7 = 42", "42 / 6 = 7",
            "7 / 2 = 3", "-7 / 2 = -3", "7 / 2.0 = 3.5", "7.0 / 2 = 3.5",
            "0.1 + 0.2 <> 0.3", "1.5 * 2 = 3", "-(2) = -2", "- -3 = 3", "+ +3 = 3", "-(-3) = 3",
            "10 - 2 - 3 = 5", "100 / 10 / 5 = 2", "2 * 3 - 4 / 2 = 4",
            "9223372036854775807 + 1 = -9223372036854775808",
    })
    void literalArithmetic(String selector) {
        assertThat(truth(selector)).isEqualTo(Truth.TRUE);
    }

    @Test
    void arithmeticOnProperties() {
        SelectorContext m = message("price", 20, "qty", (short) 3, "discount", 0.5f, "tax", 1.2, "b", (byte) 2);
        assertThat(matches("price * qty = 60", m)).isTrue();
        assertThat(matches("price * qty * discount = 30", m)).isTrue();
        assertThat(matches("price * tax = 24", m)).isTrue();
        assertThat(matches("-price = -20", m)).isTrue();
        assertThat(matches("+price = 20", m)).isTrue();
        assertThat(matches("price / b = 10", m)).isTrue();
        assertThat(matches("price - qty > 16", m)).isTrue();
    }

    @Test
    void intPropertiesAreWidenedToLongSoProductsDoNotWrapAt32Bits() {
        assertThat(matches("i * i = 4611686014132420609", message("i", Integer.MAX_VALUE))).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"n + 1 = 1", "1 + n = 1", "n * 2 > 0", "-n < 0", "+n = 0", "n / 1 = 0", "1 - n <> 2"})
    void arithmeticOnNullIsUnknown(String selector) {
        assertThat(truth(selector)).isEqualTo(Truth.UNKNOWN);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"s + 1 = 1", "1 - s = 1", "b * 2 = 2", "-s = 0", "+s = 's'", "s / 1 = 1", "c + 1 = 1"})
    void arithmeticOnNonNumericValuesIsUnknown(String selector) {
        SelectorContext m = message("s", "1", "b", true, "c", 'x');
        assertThat(truth(selector, m)).isEqualTo(Truth.UNKNOWN);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1 / 0 = 0", "x / 0 > 0", "x / zero = 1", "x / dzero > 0", "1.5 / 0 > 0", "1 / 0.0 <> 1",
            "x / -0.0 < 0", "x / zero = 1 OR TRUE"})
    void divisionByZeroIsUnknownAndNeverThrows(String selector) {
        SelectorContext m = message("x", 10, "zero", 0L, "dzero", 0.0);
        Truth result = truth(selector, m);
        if (selector.endsWith("OR TRUE")) {
            assertThat(result).isEqualTo(Truth.TRUE);
        } else {
            assertThat(result).isEqualTo(Truth.UNKNOWN);
        }
    }

    @Test
    void longMinDividedByMinusOneWrapsLikeJava() {
        assertThat(matches("m / -1 = m", message("m", Long.MIN_VALUE))).isTrue();
    }
}
