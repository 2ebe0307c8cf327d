package dev.sluice.jms.selector;

import static dev.sluice.jms.selector.Selectors.message;
import static dev.sluice.jms.selector.Selectors.matches;
import static dev.sluice.jms.selector.Selectors.truth;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.jms.selector.Selectors.Truth;
import jakarta.jms.DeliveryMode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Spec 3.8.1.1: header references are restricted to six fields, JMSDeliveryMode being a string. */
class HeaderFieldsTest {

    private final SelectorContext headers = message(
            "JMSDeliveryMode", "PERSISTENT",
            "JMSPriority", 7,
            "JMSMessageID", "ID:42",
            "JMSTimestamp", 1_700_000_000_000L,
            "JMSCorrelationID", "corr-1",
            "JMSType", "car");

    @ParameterizedTest
    @ValueSource(strings = {
            "JMSDeliveryMode = 'PERSISTENT'",
            "JMSDeliveryMode <> 'NON_PERSISTENT'",
            "JMSPriority = 7",
            "JMSPriority > 6 AND JMSPriority BETWEEN 5 AND 9",
            "JMSMessageID = 'ID:42'",
            "JMSMessageID LIKE 'ID:%'",
            "JMSTimestamp > 1600000000000",
            "JMSTimestamp = 1.7E12",
            "JMSCorrelationID IN ('corr-1', 'corr-2')",
            "JMSType = 'car'",
    })
    void selectableHeaderFields(String selector) {
        assertThat(matches(selector, headers)).isTrue();
    }

    @Test
    void deliveryModeIsComparedAsItsName() {
        assertThat(matches("JMSDeliveryMode = 'NON_PERSISTENT'", message("JMSDeliveryMode", "NON_PERSISTENT"))).isTrue();
        assertThat(matches("JMSDeliveryMode = 2", message("JMSDeliveryMode", "PERSISTENT"))).isFalse();
    }

    @Test
    void deliveryModeAcceptsTheIntConstantsFromTheContext() {
        assertThat(matches("JMSDeliveryMode = 'PERSISTENT'", message("JMSDeliveryMode", DeliveryMode.PERSISTENT))).isTrue();
        assertThat(matches("JMSDeliveryMode = 'NON_PERSISTENT'", message("JMSDeliveryMode", DeliveryMode.NON_PERSISTENT)))
                .isTrue();
        assertThat(matches("JMSDeliveryMode = 2", message("JMSDeliveryMode", DeliveryMode.PERSISTENT))).isFalse();
    }

    @Test
    void nullableHeadersAreNullWhenUnset() {
        assertThat(truth("JMSCorrelationID = 'x'")).isEqualTo(Truth.UNKNOWN);
        assertThat(truth("JMSType IS NULL")).isEqualTo(Truth.TRUE);
        assertThat(truth("JMSMessageID IS NOT NULL", message("JMSMessageID", "ID:1"))).isEqualTo(Truth.TRUE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"JMSDestination", "JMSReplyTo", "JMSExpiration", "JMSRedelivered", "JMSDeliveryTime",
            "JMSFoo"})
    void otherJmsNamesAreNotSelectableAndAlwaysNull(String header) {
        List<String> asked = new ArrayList<>();
        SelectorContext spying = name -> {
            asked.add(name);
            return 1L;
        };
        assertThat(truth(header + " IS NULL", spying)).isEqualTo(Truth.TRUE);
        assertThat(truth(header + " = 1", spying)).isEqualTo(Truth.UNKNOWN);
        assertThat(asked).isEmpty();
    }
}
