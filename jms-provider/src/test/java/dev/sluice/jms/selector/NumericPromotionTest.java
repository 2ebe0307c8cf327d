package dev.sluice.jms.selector;

import static dev.sluice.jms.selector.Selectors.message;
import static dev.sluice.jms.selector.Selectors.truth;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.jms.selector.Selectors.Truth;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Spec: exact and approximate numerics are comparable, converted by Java numeric promotion. */
class NumericPromotionTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "1 = 1.0, TRUE", "1.0 = 1, TRUE", "1 <> 1.0, FALSE", "2 > 1.5, TRUE", "1 < 1.0000001, TRUE",
            "3 / 2 = 1.5, FALSE", "3 / 2.0 = 1.5, TRUE", "1E2 = 100, TRUE", "7. = 7, TRUE",
    })
    void exactAndApproximateLiteralsCompare(String selector, Truth expected) {
        assertThat(truth(selector)).isEqualTo(expected);
    }

    static Stream<Object> everyNumericPropertyType() {
        return Stream.of((byte) 42, (short) 42, 42, 42L, 42.0f, 42.0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyNumericPropertyType")
    void everyNumericPropertyTypeComparesWithExactAndApproximateLiterals(Object value) {
        SelectorContext m = message("n", value);
        assertThat(truth("n = 42", m)).isEqualTo(Truth.TRUE);
        assertThat(truth("n = 42.0", m)).isEqualTo(Truth.TRUE);
        assertThat(truth("n BETWEEN 41.5 AND 42", m)).isEqualTo(Truth.TRUE);
        assertThat(truth("n + 0.5 = 42.5", m)).isEqualTo(Truth.TRUE);
        assertThat(truth("n > 41.99", m)).isEqualTo(Truth.TRUE);
    }

    @Test
    void mixedPropertyTypesCompare() {
        SelectorContext m = message("b", (byte) 3, "s", (short) 3, "i", 3, "l", 3L, "f", 3.0f, "d", 3.0);
        for (String a : new String[] {"b", "s", "i", "l", "f", "d"}) {
            for (String b : new String[] {"b", "s", "i", "l", "f", "d"}) {
                assertThat(truth(a + " = " + b, m)).as(a + " = " + b).isEqualTo(Truth.TRUE);
            }
        }
    }

    @Test
    void longsCompareExactlyBeyondDoublePrecision() {
        // 2^53 + 1 is not representable as a double; long-vs-long must not go through double.
        SelectorContext m = message("l", 9_007_199_254_740_993L);
        assertThat(truth("l = 9007199254740993", m)).isEqualTo(Truth.TRUE);
        assertThat(truth("l = 9007199254740992", m)).isEqualTo(Truth.FALSE);
        assertThat(truth("l > 9007199254740992", m)).isEqualTo(Truth.TRUE);
    }

    @Test
    void longVersusDoubleUsesDoubleComparison() {
        // Java promotes long to double here, so the two distinct longs become equal doubles.
        SelectorContext m = message("l", 9_007_199_254_740_993L);
        assertThat(truth("l = 9007199254740992.0", m)).isEqualTo(Truth.TRUE);
    }

    /**
     * 3.8.1.2 "Arithmetic operations must use numeric promotion in the Java programming language": float with float
     * or an exact value is float arithmetic (JLS 5.6.2), which rounds differently from double arithmetic.
     */
    @Test
    void floatArithmeticIsDoneInFloat() {
        SelectorContext m = message("a", 0.1f, "b", 0.2f, "x", 1.1f, "i", 3);
        // 0.1f + 0.2f == 0.3f in Java, while (double) 0.1f + (double) 0.2f != (double) 0.3f
        assertThat(truth("a + b = 0.3f", m)).isEqualTo(Truth.TRUE);
        assertThat(truth("0.1f + 0.2f = 0.3f", m)).isEqualTo(Truth.TRUE);
        assertThat(truth("x * i = 3.3000002f", m)).isEqualTo(Truth.TRUE);
        assertThat(truth("x * 3 = 3.3000002f", m)).isEqualTo(Truth.TRUE);
        assertThat(truth("-x * i = -3.3000002f", m)).isEqualTo(Truth.TRUE);
        // a double operand makes it double arithmetic again
        assertThat(truth("a + 0.2 = 0.30000000149011613", m)).isEqualTo(Truth.TRUE);
    }

    @Test
    void exactVersusFloatComparesAsFloat() {
        // Java promotes the long to float, and 2^24 + 1 rounds to 2^24 as a float.
        SelectorContext m = message("l", 16_777_217L, "f", 16_777_216f);
        assertThat(truth("l = f", m)).isEqualTo(Truth.TRUE);
        assertThat(truth("l > f", m)).isEqualTo(Truth.FALSE);
        assertThat(truth("f = 16777217", m)).isEqualTo(Truth.TRUE);
    }

    @Test
    void longArithmeticStaysExactAndDivisionTruncates() {
        SelectorContext m = message("l", Long.MAX_VALUE);
        assertThat(truth("l - 1 = 9223372036854775806", m)).isEqualTo(Truth.TRUE);
        assertThat(truth("l / 2 = 4611686018427387903", m)).isEqualTo(Truth.TRUE);
        assertThat(truth("-7 / 2 = -3", m)).isEqualTo(Truth.TRUE);
    }
}
