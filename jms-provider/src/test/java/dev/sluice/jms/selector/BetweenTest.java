package dev.sluice.jms.selector;

import static dev.sluice.jms.selector.Selectors.message;
import static dev.sluice.jms.selector.Selectors.truth;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.jms.selector.Selectors.Truth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Spec: "age BETWEEN 15 AND 19" is "age >= 15 AND age <= 19"; NOT BETWEEN is "age < 15 OR age > 19". */
class BetweenTest {

    @ParameterizedTest(name = "age={0}: BETWEEN {1}, NOT BETWEEN {2}")
    @CsvSource({
            "14, FALSE, TRUE",
            "15, TRUE, FALSE",
            "17, TRUE, FALSE",
            "19, TRUE, FALSE",
            "20, FALSE, TRUE",
    })
    void inclusiveBounds(int age, Truth between, Truth notBetween) {
        SelectorContext m = message("age", age);
        assertThat(truth("age BETWEEN 15 AND 19", m)).isEqualTo(between);
        assertThat(truth("age NOT BETWEEN 15 AND 19", m)).isEqualTo(notBetween);
    }

    @Test
    void boundsMayBeExpressionsAndMixedNumericTypes() {
        SelectorContext m = message("x", 2.5f, "lo", 2, "hi", 3L);
        assertThat(truth("x BETWEEN lo AND hi", m)).isEqualTo(Truth.TRUE);
        assertThat(truth("x BETWEEN lo + 1 AND hi * 2", m)).isEqualTo(Truth.FALSE);
        assertThat(truth("x * 2 BETWEEN 4.9 AND 5.1", m)).isEqualTo(Truth.TRUE);
        assertThat(truth("x BETWEEN -1 AND 2.5", m)).isEqualTo(Truth.TRUE);
    }

    @Test
    void reversedBoundsMatchNothing() {
        assertThat(truth("age BETWEEN 19 AND 15", message("age", 17))).isEqualTo(Truth.FALSE);
    }

    @Test
    void nullValueIsUnknown() {
        assertThat(truth("age BETWEEN 15 AND 19")).isEqualTo(Truth.UNKNOWN);
        assertThat(truth("age NOT BETWEEN 15 AND 19")).isEqualTo(Truth.UNKNOWN);
    }

    @Test
    void nullBoundFollowsTheExpansion() {
        // 20 >= 15 AND 20 <= NULL -> TRUE AND UNKNOWN; 20 < 15 OR 20 > NULL -> FALSE OR UNKNOWN
        assertThat(truth("age BETWEEN 15 AND hi", message("age", 20))).isEqualTo(Truth.UNKNOWN);
        // 10 >= 15 is FALSE, which decides the conjunction whatever the upper bound
        assertThat(truth("age BETWEEN 15 AND hi", message("age", 10))).isEqualTo(Truth.FALSE);
        assertThat(truth("age NOT BETWEEN 15 AND hi", message("age", 10))).isEqualTo(Truth.TRUE);
    }

    @Test
    void nonNumericValueMakesBothFormsFalse() {
        SelectorContext m = message("age", "17");
        assertThat(truth("age BETWEEN 15 AND 19", m)).isEqualTo(Truth.FALSE);
        assertThat(truth("age NOT BETWEEN 15 AND 19", m)).isEqualTo(Truth.FALSE);
    }
}
