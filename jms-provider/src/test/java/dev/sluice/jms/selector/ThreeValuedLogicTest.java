package dev.sluice.jms.selector;

import static dev.sluice.jms.selector.Selectors.message;
import static dev.sluice.jms.selector.Selectors.matches;
import static dev.sluice.jms.selector.Selectors.truth;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.jms.selector.Selectors.Truth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The spec's truth tables for AND, OR and NOT with UNKNOWN. Operands are boolean properties {@code t},
 * {@code f} and the absent {@code u}, and then the same tables again with comparisons producing the values.
 */
class ThreeValuedLogicTest {

    private static final SelectorContext VALUES = message("t", true, "f", false, "n", 1);

    private static String operand(String truth, boolean viaComparison) {
        if (!viaComparison) {
            return switch (truth) {
                case "T" -> "t";
                case "F" -> "f";
                default -> "u";
            };
        }
        return switch (truth) {
            case "T" -> "n = 1";
            case "F" -> "n = 2";
            default -> "missing = 1";
        };
    }

    @ParameterizedTest(name = "{0} AND {1} = {2}")
    @CsvSource({
            "T, T, TRUE", "T, F, FALSE", "T, U, UNKNOWN",
            "F, T, FALSE", "F, F, FALSE", "F, U, FALSE",
            "U, T, UNKNOWN", "U, F, FALSE", "U, U, UNKNOWN",
    })
    void and(String left, String right, Truth expected) {
        for (boolean viaComparison : new boolean[] {false, true}) {
            String selector = "(" + operand(left, viaComparison) + ") AND (" + operand(right, viaComparison) + ")";
            assertThat(truth(selector, VALUES)).as(selector).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "{0} OR {1} = {2}")
    @CsvSource({
            "T, T, TRUE", "T, F, TRUE", "T, U, TRUE",
            "F, T, TRUE", "F, F, FALSE", "F, U, UNKNOWN",
            "U, T, TRUE", "U, F, UNKNOWN", "U, U, UNKNOWN",
    })
    void or(String left, String right, Truth expected) {
        for (boolean viaComparison : new boolean[] {false, true}) {
            String selector = "(" + operand(left, viaComparison) + ") OR (" + operand(right, viaComparison) + ")";
            assertThat(truth(selector, VALUES)).as(selector).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "NOT {0} = {1}")
    @CsvSource({"T, FALSE", "F, TRUE", "U, UNKNOWN"})
    void not(String operand, Truth expected) {
        for (boolean viaComparison : new boolean[] {false, true}) {
            String selector = "NOT (" + operand(operand, viaComparison) + ")";
            assertThat(truth(selector, VALUES)).as(selector).isEqualTo(expected);
        }
    }

    @Test
    void longChainsCombineLeftToRight() {
        assertThat(truth("u AND t AND f", VALUES)).isEqualTo(Truth.FALSE);
        assertThat(truth("u OR f OR t", VALUES)).isEqualTo(Truth.TRUE);
        assertThat(truth("u OR f OR f", VALUES)).isEqualTo(Truth.UNKNOWN);
        assertThat(truth("t AND t AND u", VALUES)).isEqualTo(Truth.UNKNOWN);
    }

    @Test
    void unknownNeverMatches() {
        assertThat(matches("u", VALUES)).isFalse();
        assertThat(matches("NOT u", VALUES)).isFalse();
        assertThat(matches("u OR NOT u", VALUES)).isFalse();
        assertThat(matches("u IS NULL", VALUES)).isTrue();
    }

    @Test
    void shortCircuitStillHonoursUnknown() {
        // An operand after FALSE is not needed, one after UNKNOWN is.
        assertThat(truth("f AND 1 / 0 = 1", VALUES)).isEqualTo(Truth.FALSE);
        assertThat(truth("u AND f", VALUES)).isEqualTo(Truth.FALSE);
        assertThat(truth("u OR t", VALUES)).isEqualTo(Truth.TRUE);
    }
}
