package dev.sluice.engine.validation;

import dev.sluice.engine.model.ReceiveMessageRequest;
import dev.sluice.engine.model.SendMessageRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static dev.sluice.engine.validation.SqsErrors.*;
import static org.assertj.core.api.Assertions.assertThat;

/** DeleteMessage's receipt handle rules (and ChangeMessageVisibility's, which are the same). */
class ReceiptHandleRulesTest extends RulesTestBase {

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "not a handle!", "czE"})
    void malformedHandleIsReceiptHandleIsInvalid(String handle) {
        standardQueue("q");
        sendAndReceive("q", 30);
        assertRejected(() -> engine.deleteMessage("q", handle), RECEIPT_HANDLE_IS_INVALID,
                "The input receipt handle \"" + handle + "\" is not a valid receipt handle.");
        assertRejected(() -> engine.changeMessageVisibility("q", handle, 0), RECEIPT_HANDLE_IS_INVALID,
                "The input receipt handle \"" + handle + "\" is not a valid receipt handle.");
        assertThat(inFlightCount("q")).isEqualTo(1);
    }

    @Test
    void handleOfAnotherQueueIsReceiptHandleIsInvalid() {
        standardQueue("a");
        standardQueue("b");
        String handle = sendAndReceive("a", 30);
        engine.sendMessage(SendMessageRequest.of("b", "b"));
        assertRejected(() -> engine.deleteMessage("b", handle), RECEIPT_HANDLE_IS_INVALID,
                "The input receipt handle \"" + handle + "\" is not a valid receipt handle.");
        assertThat(inFlightCount("a")).isEqualTo(1);
        assertThat(visibleCount("b")).isEqualTo(1);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void receiptHandleIsRequired(String handle) {
        standardQueue("q");
        assertRejected(() -> engine.deleteMessage("q", handle), MISSING_PARAMETER,
                "The request must contain the parameter ReceiptHandle.");
        assertRejected(() -> engine.changeMessageVisibility("q", handle, 0), MISSING_PARAMETER,
                "The request must contain the parameter ReceiptHandle.");
    }

    @Test
    void fifoHandleExpiresWithItsVisibilityTimeout() {
        fifoQueue("q.fifo");
        String handle = sendAndReceive("q.fifo",
                SendMessageRequest.of("q.fifo", "foobar").withGroupId("g").withDeduplicationId("d"), 30);
        clock.advance(Duration.ofSeconds(29));
        assertThat(inFlightCount("q.fifo")).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        assertRejected(() -> engine.deleteMessage("q.fifo", handle), INVALID_PARAMETER_VALUE,
                "Value " + handle + " for parameter ReceiptHandle is invalid. Reason: The receipt handle has expired.");
        assertThat(engine.receiveMessage(ReceiveMessageRequest.of("q.fifo"))).singleElement()
                .satisfies(m -> assertThat(m.body()).isEqualTo("foobar"));
    }

    @Test
    void fifoHandleStillDeletesBeforeItsVisibilityTimeoutEnds() {
        fifoQueue("q.fifo");
        String handle = sendAndReceive("q.fifo",
                SendMessageRequest.of("q.fifo", "b").withGroupId("g").withDeduplicationId("d"), 30);
        clock.advance(Duration.ofSeconds(29));
        engine.deleteMessage("q.fifo", handle);
        assertThat(inFlightCount("q.fifo") + visibleCount("q.fifo")).isZero();
    }

    @Test
    void standardHandleStillDeletesAfterItsVisibilityTimeout() {
        standardQueue("q");
        String handle = sendAndReceive("q", 30);
        clock.advance(Duration.ofSeconds(31));
        assertThat(visibleCount("q")).isEqualTo(1);
        engine.deleteMessage("q", handle);
        assertThat(visibleCount("q") + inFlightCount("q")).isZero();
    }
}
