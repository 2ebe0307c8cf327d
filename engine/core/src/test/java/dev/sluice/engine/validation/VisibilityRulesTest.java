package dev.sluice.engine.validation;

import dev.sluice.engine.model.ChangeVisibilityRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static dev.sluice.engine.validation.SqsErrors.*;
import static org.assertj.core.api.Assertions.assertThat;

/** ChangeMessageVisibility: the timeout's range and the 12-hour cap measured from the receive. */
class VisibilityRulesTest extends RulesTestBase {

    private String handle;

    @BeforeEach
    void inFlightMessage() {
        standardQueue("q");
        handle = sendAndReceive("q", 30);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 43_201})
    void visibilityTimeoutIsFrom0To43200(int timeout) {
        assertRejected(() -> engine.changeMessageVisibility("q", handle, timeout), INVALID_PARAMETER_VALUE,
                "Value " + timeout + " for parameter VisibilityTimeout is invalid. Reason: Must be between 0 and 43200.");
        clock.advance(Duration.ofSeconds(29));
        assertThat(visibleCount("q")).as("visibility unchanged").isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(visibleCount("q")).isEqualTo(1);
    }

    @Test
    void visibilityTimeoutIsRequired() {
        assertRejected(() -> engine.changeMessageVisibility("q", handle, null), MISSING_PARAMETER,
                "The request must contain the parameter VisibilityTimeout.");
    }

    @Test
    void totalVisibilityIsCappedAt12HoursFromTheReceive() {
        clock.advance(Duration.ofSeconds(20));
        engine.changeMessageVisibility("q", handle, 10_000);
        clock.advance(Duration.ofSeconds(9_980));
        // 10,000 s since the receive: 33,200 more reach exactly 43,200
        assertRejected(() -> engine.changeMessageVisibility("q", handle, 33_201), INVALID_PARAMETER_VALUE,
                "Value 33201 for parameter VisibilityTimeout is invalid. Reason: Total VisibilityTimeout for the "
                        + "message is beyond the limit [43200 seconds]");
        clock.advance(Duration.ofSeconds(19));
        assertThat(visibleCount("q")).as("the refused change kept the old timeout").isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(visibleCount("q")).isEqualTo(1);
    }

    @Test
    void totalVisibilityOfExactly12HoursIsAccepted() {
        clock.advance(Duration.ofSeconds(10_000));
        engine.changeMessageVisibility("q", handle, 33_200);
        clock.advance(Duration.ofSeconds(33_199));
        assertThat(visibleCount("q")).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(visibleCount("q")).isEqualTo(1);
    }

    @Test
    void expiredStandardHandleStillChangesVisibility() {
        clock.advance(Duration.ofSeconds(31));
        engine.changeMessageVisibility("q", handle, 60);
        assertThat(visibleCount("q")).isZero();
        assertThat(inFlightCount("q")).isEqualTo(1);
    }

    @Test
    void handleOfADeletedMessageIsRefused() {
        engine.deleteMessage("q", handle);
        assertRejected(() -> engine.changeMessageVisibility("q", handle, 10), INVALID_PARAMETER_VALUE,
                "Value " + handle + " for parameter ReceiptHandle is invalid. Reason: Message does not exist or is "
                        + "not available for visibility timeout change.");
    }

    @Test
    void batchEntryOverTheRangeFailsAlone() {
        var r = engine.changeMessageVisibilityBatch("q", java.util.List.of(
                new dev.sluice.engine.model.BatchEntry<>("neg", new ChangeVisibilityRequest(handle, -1))));
        assertFailedEntry(r, "neg", "InvalidParameterValue",
                "Value -1 for parameter VisibilityTimeout is invalid. Reason: Must be between 0 and 43200.");
    }
}
