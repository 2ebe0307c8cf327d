package dev.sluice.jms.selector;

import static dev.sluice.jms.selector.Selectors.message;
import static dev.sluice.jms.selector.Selectors.truth;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.jms.selector.Selectors.Truth;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Spec 3.8.1.1: evaluation is left to right within a precedence level; logical precedence is NOT, AND,
 * OR; arithmetic is unary sign, then * /, then + -; arithmetic binds tighter than comparison.
 */
class PrecedenceTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "TRUE OR FALSE AND FALSE          | TRUE",
            "(TRUE OR FALSE) AND FALSE        | FALSE",
            "NOT FALSE AND FALSE              | FALSE",
            "NOT (FALSE AND FALSE)            | TRUE",
            "NOT TRUE OR TRUE                 | TRUE",
            "NOT (TRUE OR TRUE)               | FALSE",
            "FALSE AND FALSE OR TRUE          | TRUE",
            "FALSE AND (FALSE OR TRUE)        | FALSE",
            "NOT NOT TRUE                     | TRUE",
            "NOT 1 = 2                        | TRUE",
            "1 + 2 * 3 = 7                    | TRUE",
            "(1 + 2) * 3 = 9                  | TRUE",
            "10 - 4 - 3 = 3                   | TRUE",
            "10 - (4 - 3) = 9                 | TRUE",
            "12 / 2 / 3 = 2                   | TRUE",
            "12 / (2 / 2) = 12                | TRUE",
            "-2 * -3 = 6                      | TRUE",
            "2 - -2 = 4                       | TRUE",
            "-(1 + 2) = -3                    | TRUE",
            "1 + 1 > 1 AND 2 * 2 = 4          | TRUE",
            "1 < 2 = TRUE                     | UNPARSEABLE",
            "(1 < 2) = TRUE                   | TRUE",
            "(1 < 2) = (3 < 4)                | TRUE",
            "a = 1 OR b = 2 AND c = 3         | TRUE",
            "(a = 1 OR b = 2) AND c = 3       | UNKNOWN",
            "((((a = 1))))                    | TRUE",
    })
    void precedence(String selector, String expected) {
        SelectorContext m = message("a", 1, "b", 2);
        if (expected.equals("UNPARSEABLE")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> MessageSelector.parse(selector))
                    .isInstanceOf(jakarta.jms.InvalidSelectorException.class);
        } else {
            assertThat(truth(selector, m)).isEqualTo(Truth.valueOf(expected));
        }
    }
}
