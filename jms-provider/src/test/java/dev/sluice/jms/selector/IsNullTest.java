package dev.sluice.jms.selector;

import static dev.sluice.jms.selector.Selectors.message;
import static dev.sluice.jms.selector.Selectors.truth;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.jms.selector.Selectors.Truth;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

/** Spec: IS NULL tests for a null header value or a missing property; IS NOT NULL for the opposite. */
class IsNullTest {

    static Stream<Arguments> values() {
        return Stream.of(
                Arguments.of(null, Truth.TRUE),
                Arguments.of("", Truth.FALSE),
                Arguments.of("x", Truth.FALSE),
                Arguments.of(0, Truth.FALSE),
                Arguments.of(0.0, Truth.FALSE),
                Arguments.of(false, Truth.FALSE));
    }

    @ParameterizedTest(name = "p={0}")
    @MethodSource("values")
    void isNullAndIsNotNullAreNeverUnknown(Object value, Truth isNull) {
        SelectorContext m = message("p", value);
        assertThat(truth("p IS NULL", m)).isEqualTo(isNull);
        assertThat(truth("p IS NOT NULL", m)).isEqualTo(isNull == Truth.TRUE ? Truth.FALSE : Truth.TRUE);
        assertThat(truth("p is null", m)).isEqualTo(isNull);
        assertThat(truth("NOT p IS NULL", m)).isEqualTo(isNull == Truth.TRUE ? Truth.FALSE : Truth.TRUE);
    }
}
