package dev.sluice.jms.selector;

import static dev.sluice.jms.selector.Selectors.message;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.InvalidSelectorException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The public entry point: empty selectors, toString, equality and the evaluation contract. */
class MessageSelectorTest {

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "\t\n "})
    void nullOrBlankSelectsEverything(String text) throws InvalidSelectorException {
        MessageSelector selector = MessageSelector.parse(text);
        assertThat(selector.matchesEverything()).isTrue();
        assertThat(selector.matches(name -> {
            throw new AssertionError("no lookups expected");
        })).isTrue();
        assertThat(selector.toString()).isEqualTo(text == null ? "" : text);
    }

    @Test
    void toStringIsTheOriginalText() throws InvalidSelectorException {
        String text = "  color   =  'blue'  ";
        MessageSelector selector = MessageSelector.parse(text);
        assertThat(selector).hasToString(text);
        assertThat(selector.matchesEverything()).isFalse();
    }

    @Test
    void equalityFollowsTheText() throws InvalidSelectorException {
        assertThat(MessageSelector.parse("a = 1")).isEqualTo(MessageSelector.parse("a = 1"))
                .hasSameHashCodeAs(MessageSelector.parse("a = 1"))
                .isNotEqualTo(MessageSelector.parse("a=1"));
    }

    @Test
    void trueAndFalseLiteralSelectors() throws InvalidSelectorException {
        assertThat(MessageSelector.parse("TRUE").matches(message())).isTrue();
        assertThat(MessageSelector.parse("FALSE").matches(message())).isFalse();
    }

    @Test
    @SuppressWarnings({"deprecation", "removal", "UnnecessaryBoxing"})
    void nonCanonicalBooleansFromTheContextStillMatch() throws InvalidSelectorException {
        Boolean fresh = new Boolean(true);
        assertThat(MessageSelector.parse("flag").matches(message("flag", fresh))).isTrue();
    }

    @Test
    void aParsedSelectorIsReusableAcrossMessages() throws InvalidSelectorException {
        MessageSelector selector = MessageSelector.parse("n > 1");
        assertThat(selector.matches(message("n", 2))).isTrue();
        assertThat(selector.matches(message("n", 1))).isFalse();
        assertThat(selector.matches(message("n", "2"))).isFalse();
        assertThat(selector.matches(message())).isFalse();
    }

    @Test
    void lookupsStopOnceTheResultIsDecided() throws InvalidSelectorException {
        AtomicInteger lookups = new AtomicInteger();
        MessageSelector selector = MessageSelector.parse("a = 1 OR b = 2 OR c = 3");
        selector.matches(name -> {
            lookups.incrementAndGet();
            return 1;
        });
        assertThat(lookups).hasValue(1);
    }

    @Test
    void concurrentEvaluationIsSafe() throws Exception {
        MessageSelector selector = MessageSelector.parse("s LIKE 'a_c%' AND n BETWEEN 1 AND 10");
        Thread[] threads = new Thread[4];
        AtomicInteger failures = new AtomicInteger();
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 20_000; i++) {
                    boolean expected = i % 2 == 0;
                    SelectorContext m = message("s", expected ? "abcd" : "abd", "n", 5);
                    if (selector.matches(m) != expected) {
                        failures.incrementAndGet();
                    }
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(failures).hasValue(0);
    }
}
