package dev.sluice.engine.validation;

import dev.sluice.engine.model.MessageAttribute;
import dev.sluice.engine.model.SendMessageRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static dev.sluice.engine.validation.SqsErrors.*;
import static org.assertj.core.api.Assertions.assertThat;

/** SendMessage: body, size, characters, DelaySeconds and the FIFO parameters. */
class SendMessageRulesTest extends RulesTestBase {

    private static final String INVALID_CHARACTERS = "Invalid characters found. Valid unicode characters are "
            + "#x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF";

    @ParameterizedTest
    @NullAndEmptySource
    void messageBodyIsRequired(String body) {
        standardQueue("q");
        assertRejected(() -> engine.sendMessage(SendMessageRequest.of("q", body)), MISSING_PARAMETER,
                "The request must contain the parameter MessageBody.");
        assertThat(visibleCount("q")).isZero();
    }

    @Test
    void bodyOfExactlyTheDefaultMaximumIsAcceptedAndOneMoreByteIsNot() {
        standardQueue("q");
        engine.sendMessage(SendMessageRequest.of("q", repeat('a', 1_048_576)));
        assertRejected(() -> engine.sendMessage(SendMessageRequest.of("q", repeat('a', 1_048_577))),
                INVALID_PARAMETER_VALUE, "One or more parameters are invalid. Reason: Message must be shorter than "
                        + "1048576 bytes.");
        assertThat(visibleCount("q")).isEqualTo(1);
    }

    @Test
    void sizeLimitFollowsTheQueuesMaximumMessageSize() {
        engine.createQueue("q", Map.of("MaximumMessageSize", "1024"), Map.of());
        engine.sendMessage(SendMessageRequest.of("q", repeat('a', 1024)));
        assertRejected(() -> engine.sendMessage(SendMessageRequest.of("q", repeat('a', 1025))),
                INVALID_PARAMETER_VALUE,
                "One or more parameters are invalid. Reason: Message must be shorter than 1024 bytes.");
        assertThat(visibleCount("q")).isEqualTo(1);
    }

    @Test
    void sizeCountsUtf8BytesNotCharacters() {
        engine.createQueue("q", Map.of("MaximumMessageSize", "1024"), Map.of());
        engine.sendMessage(SendMessageRequest.of("q", repeat('\u00e9', 512)));
        assertRejected(() -> engine.sendMessage(SendMessageRequest.of("q", repeat('\u00e9', 513))),
                INVALID_PARAMETER_VALUE,
                "One or more parameters are invalid. Reason: Message must be shorter than 1024 bytes.");
    }

    @Test
    void sizeCountsAttributeNamesTypesAndValues() {
        engine.createQueue("q", Map.of("MaximumMessageSize", "1024"), Map.of());
        // 1000 + "n" (1) + "String" (6) + value: 17 bytes make exactly 1024
        engine.sendMessage(SendMessageRequest.of("q", repeat('a', 1000))
                .withAttributes(Map.of("n", MessageAttribute.string(repeat('v', 17)))));
        assertRejected(() -> engine.sendMessage(SendMessageRequest.of("q", repeat('a', 1000))
                        .withAttributes(Map.of("n", MessageAttribute.string(repeat('v', 18))))),
                INVALID_PARAMETER_VALUE,
                "One or more parameters are invalid. Reason: Message must be shorter than 1024 bytes.");
        assertThat(visibleCount("q")).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0000", "a\u0008b", "\u001f", "\uFFFE", "\uFFFF", "\uD800", "x\uDC00"})
    void bodyWithCharactersOutsideTheXmlRangeIsInvalidMessageContents(String body) {
        standardQueue("q");
        assertRejected(() -> engine.sendMessage(SendMessageRequest.of("q", body)), INVALID_MESSAGE_CONTENTS,
                INVALID_CHARACTERS);
        assertThat(visibleCount("q")).isZero();
    }

    @Test
    void bodyWithTabsNewlinesAndSupplementaryCharactersIsAccepted() {
        standardQueue("q");
        engine.sendMessage(SendMessageRequest.of("q", "\t\n\r \uD7FF\uE000\uFFFD\uD83D\uDE00\uDBFF\uDFFF"));
        assertThat(visibleCount("q")).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 901, 1000})
    void delaySecondsIsFrom0To900(int delay) {
        standardQueue("q");
        assertRejected(() -> engine.sendMessage(SendMessageRequest.of("q", "b").withDelaySeconds(delay)),
                INVALID_PARAMETER_VALUE, "Value " + delay + " for parameter DelaySeconds is invalid. Reason: "
                        + "DelaySeconds must be >= 0 and <= 900.");
        assertThat(delayedCount("q") + visibleCount("q")).isZero();
    }

    @Test
    void delaySecondsBoundariesAreAccepted() {
        standardQueue("q");
        engine.sendMessage(SendMessageRequest.of("q", "b").withDelaySeconds(0));
        engine.sendMessage(SendMessageRequest.of("q", "b").withDelaySeconds(900));
        assertThat(visibleCount("q")).isEqualTo(1);
        assertThat(delayedCount("q")).isEqualTo(1);
    }

    @Test
    void fifoQueueRefusesAPerMessageDelayButAcceptsZero() {
        fifoQueue("q.fifo");
        SendMessageRequest send = SendMessageRequest.of("q.fifo", "b").withGroupId("g").withDeduplicationId("d");
        assertRejected(() -> engine.sendMessage(send.withDelaySeconds(2)), INVALID_PARAMETER_VALUE,
                "Value 2 for parameter DelaySeconds is invalid. Reason: The request include parameter that is not "
                        + "valid for this queue type.");
        assertThat(visibleCount("q.fifo")).isZero();
        engine.sendMessage(send.withDelaySeconds(0));
        assertThat(visibleCount("q.fifo")).isEqualTo(1);
    }

    @Test
    void fifoQueueRequiresMessageGroupId() {
        fifoQueue("q.fifo");
        assertRejected(() -> engine.sendMessage(SendMessageRequest.of("q.fifo", "b").withDeduplicationId("d")),
                MISSING_PARAMETER, "The request must contain the parameter MessageGroupId.");
        assertThat(visibleCount("q.fifo")).isZero();
    }

    @Test
    void fifoQueueRequiresADeduplicationIdWithoutContentBasedDeduplication() {
        fifoQueue("q.fifo");
        assertRejected(() -> engine.sendMessage(SendMessageRequest.of("q.fifo", "b").withGroupId("g")),
                INVALID_PARAMETER_VALUE, "The queue should either have ContentBasedDeduplication enabled or "
                        + "MessageDeduplicationId provided explicitly");
        engine.setQueueAttributes("q.fifo", Map.of("ContentBasedDeduplication", "true"));
        engine.sendMessage(SendMessageRequest.of("q.fifo", "b").withGroupId("g"));
        assertThat(visibleCount("q.fifo")).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "group 123", "caf\u00e9", "tab\there"})
    void messageGroupIdIsAlphanumericAndPunctuation(String group) {
        standardQueue("q");
        assertRejected(() -> engine.sendMessage(SendMessageRequest.of("q", "b").withGroupId(group)),
                INVALID_PARAMETER_VALUE, "Value " + group + " for parameter MessageGroupId is invalid. Reason: "
                        + "MessageGroupId can only include alphanumeric and punctuation characters. 1 to 128 in length.");
    }

    @Test
    void messageGroupIdIsAtMost128Characters() {
        standardQueue("q");
        engine.sendMessage(SendMessageRequest.of("q", "b").withGroupId(repeat('a', 128)));
        engine.sendMessage(SendMessageRequest.of("q", "b").withGroupId("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"));
        String tooLong = repeat('a', 129);
        assertRejected(() -> engine.sendMessage(SendMessageRequest.of("q", "b").withGroupId(tooLong)),
                INVALID_PARAMETER_VALUE, "Value " + tooLong + " for parameter MessageGroupId is invalid. Reason: "
                        + "MessageGroupId can only include alphanumeric and punctuation characters. 1 to 128 in length.");
        assertThat(visibleCount("q")).isEqualTo(2);
    }

    static java.util.stream.Stream<String> badDeduplicationIds() {
        return java.util.stream.Stream.of("", "group 123", repeat('a', 129));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("badDeduplicationIds")
    void messageDeduplicationIdIsAlphanumericAndPunctuationUpTo128(String dedup) {
        fifoQueue("q.fifo");
        assertRejected(() -> engine.sendMessage(SendMessageRequest.of("q.fifo", "b").withGroupId("g")
                        .withDeduplicationId(dedup)), INVALID_PARAMETER_VALUE,
                "Value " + dedup + " for parameter MessageDeduplicationId is invalid. Reason: MessageDeduplicationId "
                        + "can only include alphanumeric and punctuation characters. 1 to 128 in length.");
        engine.sendMessage(SendMessageRequest.of("q.fifo", "b").withGroupId("g").withDeduplicationId(repeat('d', 128)));
        assertThat(visibleCount("q.fifo")).isEqualTo(1);
    }

    @Test
    void messageDeduplicationIdIsNotValidOnAStandardQueue() {
        standardQueue("q");
        // The oracle's texts conflict (LocalStack vs local-aws-sqs); this is LocalStack's.
        assertRejected(() -> engine.sendMessage(SendMessageRequest.of("q", "b").withDeduplicationId("d")),
                INVALID_PARAMETER_VALUE, "Value d for parameter MessageDeduplicationId is invalid. Reason: The "
                        + "request includes a parameter that is not valid for this queue type.");
        assertThat(visibleCount("q")).isZero();
    }
}
