package dev.sluice.engine.validation;

import dev.sluice.engine.model.ReceiveMessageRequest;
import dev.sluice.engine.model.SendMessageRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static dev.sluice.engine.validation.SqsErrors.*;
import static org.assertj.core.api.Assertions.assertThat;

/** ReceiveMessage's parameters. A refused receive takes no message. */
class ReceiveRulesTest extends RulesTestBase {

    @BeforeEach
    void queueWithAMessage() {
        standardQueue("q");
        engine.sendMessage(SendMessageRequest.of("q", "b"));
    }

    private void assertNothingTaken() {
        assertThat(visibleCount("q")).isEqualTo(1);
        assertThat(inFlightCount("q")).isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 11, -1})
    void maxNumberOfMessagesIsFrom1To10(int max) {
        assertRejected(() -> engine.receiveMessage(ReceiveMessageRequest.of("q").withMax(max)), INVALID_PARAMETER_VALUE,
                "Value " + max + " for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, "
                        + "if provided.");
        assertNothingTaken();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 10})
    void maxNumberOfMessagesBoundariesAreAccepted(int max) {
        assertThat(engine.receiveMessage(ReceiveMessageRequest.of("q").withMax(max))).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {21, -1})
    void waitTimeSecondsIsFrom0To20(int wait) {
        assertRejected(() -> engine.receiveMessage(ReceiveMessageRequest.of("q").withWaitTimeSeconds(wait)),
                INVALID_PARAMETER_VALUE, "Value " + wait + " for parameter WaitTimeSeconds is invalid. Reason: "
                        + "Must be >= 0 and <= 20, if provided.");
        assertNothingTaken();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 20})
    void waitTimeSecondsBoundariesAreAccepted(int wait) {
        assertThat(engine.receiveMessage(ReceiveMessageRequest.of("q").withWaitTimeSeconds(wait))).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 43_201})
    void visibilityTimeoutIsFrom0To43200(int timeout) {
        // Unconfirmed text (the oracle marks it "probably"): the same form as WaitTimeSeconds.
        assertRejected(() -> engine.receiveMessage(ReceiveMessageRequest.of("q").withVisibilityTimeout(timeout)),
                INVALID_PARAMETER_VALUE, "Value " + timeout + " for parameter VisibilityTimeout is invalid. Reason: "
                        + "Must be >= 0 and <= 43200, if provided.");
        assertNothingTaken();
    }

    @Test
    void visibilityTimeoutOf43200IsAccepted() {
        assertThat(engine.receiveMessage(ReceiveMessageRequest.of("q").withVisibilityTimeout(43_200))).hasSize(1);
        clock.advanceSeconds(43_199);
        assertThat(visibleCount("q")).isZero();
        clock.advanceSeconds(1);
        assertThat(visibleCount("q")).isEqualTo(1);
    }

    @Test
    void unknownAttributeNamesAreFilteredNotRefused() {
        var got = engine.receiveMessage(ReceiveMessageRequest.of("q")
                .withAttributeNames(List.of("NoSuchAttribute", "SentTimestamp"))
                .withMessageAttributeNames(List.of("nothing")));
        assertThat(got).singleElement().satisfies(m -> {
            assertThat(m.attributes()).containsOnlyKeys("SentTimestamp");
            assertThat(m.messageAttributes()).isEmpty();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "with space"})
    void receiveRequestAttemptIdIsAlphanumericAndPunctuation(String attemptId) {
        fifoQueue("q.fifo");
        // No AWS text was captured for this rule: code and parameter only.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.receiveMessage(
                        ReceiveMessageRequest.of("q.fifo").withAttemptId(attemptId)))
                .isInstanceOfSatisfying(dev.sluice.engine.error.SqsException.class, e -> {
                    assertThat(e.error().code()).isEqualTo("InvalidParameterValue");
                    assertThat(e.getMessage()).startsWith("Value " + attemptId + " for parameter ReceiveRequestAttemptId");
                });
    }
}
