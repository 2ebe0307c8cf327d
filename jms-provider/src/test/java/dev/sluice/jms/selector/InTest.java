package dev.sluice.jms.selector;

import static dev.sluice.jms.selector.Selectors.message;
import static dev.sluice.jms.selector.Selectors.truth;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.jms.selector.Selectors.Truth;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Spec: "Country IN ('UK', 'US', 'France')" is "(Country = 'UK') OR (Country = 'US') OR (Country = 'France')". */
class InTest {

    @ParameterizedTest(name = "Country={0}: IN {1}, NOT IN {2}")
    @CsvSource({
            "UK, TRUE, FALSE",
            "US, TRUE, FALSE",
            "France, TRUE, FALSE",
            "Peru, FALSE, TRUE",
            "uk, FALSE, TRUE",
            "'UK ', FALSE, TRUE",
    })
    void membership(String country, Truth in, Truth notIn) {
        SelectorContext m = message("Country", country);
        assertThat(truth("Country IN ('UK', 'US', 'France')", m)).isEqualTo(in);
        assertThat(truth("Country NOT IN ('UK', 'US', 'France')", m)).isEqualTo(notIn);
    }

    @Test
    void nullIdentifierIsUnknown() {
        assertThat(truth("Country IN ('UK')")).isEqualTo(Truth.UNKNOWN);
        assertThat(truth("Country NOT IN ('UK')")).isEqualTo(Truth.UNKNOWN);
    }

    @Test
    void singleElementDuplicatesAndQuotes() {
        assertThat(truth("s IN ('a')", message("s", "a"))).isEqualTo(Truth.TRUE);
        assertThat(truth("s IN ('a', 'a')", message("s", "a"))).isEqualTo(Truth.TRUE);
        assertThat(truth("s IN ('it''s', '')", message("s", "it's"))).isEqualTo(Truth.TRUE);
        assertThat(truth("s IN ('it''s', '')", message("s", ""))).isEqualTo(Truth.TRUE);
    }

    @Test
    void nonStringValueFollowsTheExpansion() {
        // 1 = '1' is a comparison of unlike types: FALSE, so IN is FALSE and NOT IN is NOT FALSE.
        SelectorContext m = message("n", 1);
        assertThat(truth("n IN ('1')", m)).isEqualTo(Truth.FALSE);
        assertThat(truth("n NOT IN ('1')", m)).isEqualTo(Truth.TRUE);
    }

    @Test
    void longListsWork() {
        String list = IntStream.range(0, 1000).mapToObj(i -> "'v" + i + "'").collect(Collectors.joining(","));
        assertThat(truth("s IN (" + list + ")", message("s", "v999"))).isEqualTo(Truth.TRUE);
        assertThat(truth("s IN (" + list + ")", message("s", "v1000"))).isEqualTo(Truth.FALSE);
    }
}
