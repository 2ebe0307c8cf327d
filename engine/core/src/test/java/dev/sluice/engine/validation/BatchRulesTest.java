package dev.sluice.engine.validation;

import dev.sluice.engine.model.BatchEntry;
import dev.sluice.engine.model.BatchResult;
import dev.sluice.engine.model.ChangeVisibilityRequest;
import dev.sluice.engine.model.MessageAttribute;
import dev.sluice.engine.model.SendMessageRequest;
import dev.sluice.engine.model.SendMessageResult;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import static dev.sluice.engine.validation.SqsErrors.*;
import static org.assertj.core.api.Assertions.assertThat;

/** SendMessageBatch, DeleteMessageBatch and ChangeMessageVisibilityBatch. */
class BatchRulesTest extends RulesTestBase {

    private static final String BAD_ID = "A batch entry id can only contain alphanumeric characters, hyphens and "
            + "underscores. It can be at most 80 letters long.";

    @BeforeEach
    void queue() {
        standardQueue("q");
    }

    /** Runs one kind of batch with the given entry ids. */
    enum Kind {
        SEND("SendMessageBatchRequestEntry"),
        DELETE("DeleteMessageBatchRequestEntry"),
        CHANGE_VISIBILITY("ChangeMessageVisibilityBatchRequestEntry");

        final String entryName;

        Kind(String entryName) {
            this.entryName = entryName;
        }

        ThrowingCallable call(BatchRulesTest t, List<String> ids) {
            return switch (this) {
                case SEND -> () -> t.engine.sendMessageBatch("q", entries(ids, id -> SendMessageRequest.of("q", "b")));
                case DELETE -> () -> t.engine.deleteMessageBatch("q", entries(ids, id -> "handle"));
                case CHANGE_VISIBILITY -> () -> t.engine.changeMessageVisibilityBatch("q",
                        entries(ids, id -> new ChangeVisibilityRequest("handle", 10)));
            };
        }
    }

    static <T> List<BatchEntry<T>> entries(List<String> ids, Function<String, T> request) {
        List<BatchEntry<T>> out = new ArrayList<>();
        ids.forEach(id -> out.add(new BatchEntry<>(id, request.apply(id))));
        return out;
    }

    static List<String> ids(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add("id" + i);
        }
        return out;
    }

    static Stream<Kind> kinds() {
        return Stream.of(Kind.values());
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void emptyBatchIsEmptyBatchRequest(Kind kind) {
        assertRejected(kind.call(this, List.of()), EMPTY_BATCH_REQUEST,
                "There should be at least one " + kind.entryName + " in the request.");
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void moreThan10EntriesIsTooManyEntries(Kind kind) {
        for (int n : List.of(11, 20)) {
            assertRejected(kind.call(this, ids(n)), TOO_MANY_ENTRIES,
                    "Maximum number of entries per request are 10. You have sent " + n + ".");
        }
        assertThat(visibleCount("q")).isZero();
    }

    @Test
    void tenEntriesAreAccepted() {
        BatchResult<SendMessageResult> r = engine.sendMessageBatch("q",
                entries(ids(10), id -> SendMessageRequest.of("q", id)));
        assertThat(r.successful()).hasSize(10);
        assertThat(visibleCount("q")).isEqualTo(10);
    }

    static Stream<Arguments> badIds() {
        return kinds().flatMap(k -> Stream.of("", "testLongId".repeat(10), "a".repeat(81), "invalid:id", "sp ace",
                "dot.id").map(id -> Arguments.of(k, id)));
    }

    @ParameterizedTest
    @MethodSource("badIds")
    void entryIdIsOneTo80WordCharacters(Kind kind, String id) {
        assertRejected(kind.call(this, List.of("ok", id)), INVALID_BATCH_ENTRY_ID, BAD_ID);
        assertThat(visibleCount("q")).isZero();
    }

    @Test
    void entryIdOf80CharactersIsAccepted() {
        String id = "a".repeat(78) + "-_";
        assertThat(engine.sendMessageBatch("q", entries(List.of(id), x -> SendMessageRequest.of("q", "b")))
                .successful()).extracting(BatchResult.Success::id).containsExactly(id);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void entryIdsMustBeDistinct(Kind kind) {
        assertRejected(kind.call(this, List.of("a", "b", "a")), BATCH_ENTRY_IDS_NOT_DISTINCT, "Id a repeated.");
        assertThat(visibleCount("q")).isZero();
    }

    @Test
    void batchOfExactly1048576BytesIsAcceptedAndOneByteMoreIsNot() {
        engine.sendMessageBatch("q", List.of(
                new BatchEntry<>("a", SendMessageRequest.of("q", repeat('a', 524_288))),
                new BatchEntry<>("b", SendMessageRequest.of("q", repeat('b', 524_288)))));
        assertThat(visibleCount("q")).isEqualTo(2);
        assertRejected(() -> engine.sendMessageBatch("q", List.of(
                        new BatchEntry<>("a", SendMessageRequest.of("q", repeat('a', 524_288))),
                        new BatchEntry<>("b", SendMessageRequest.of("q", repeat('b', 524_289))))),
                BATCH_REQUEST_TOO_LONG, "Batch requests cannot be longer than 1048576 bytes. You have sent 1048577 bytes.");
        assertThat(visibleCount("q")).isEqualTo(2);
    }

    @Test
    void batchSizeCountsAttributesAndIgnoresTheQueuesMaximumMessageSize() {
        engine.setQueueAttributes("q", Map.of("MaximumMessageSize", "1024"));
        // 524288 + 524281 + "n" + "String" + "v" = 1048577
        assertRejected(() -> engine.sendMessageBatch("q", List.of(
                        new BatchEntry<>("a", SendMessageRequest.of("q", repeat('a', 524_288))),
                        new BatchEntry<>("b", SendMessageRequest.of("q", repeat('b', 524_281))
                                .withAttributes(Map.of("n", MessageAttribute.string("v")))))),
                BATCH_REQUEST_TOO_LONG, "Batch requests cannot be longer than 1048576 bytes. You have sent 1048577 bytes.");
    }

    @Test
    void fifoEntryWithoutMessageGroupIdFailsTheWholeBatch() {
        fifoQueue("q.fifo");
        assertRejected(() -> engine.sendMessageBatch("q.fifo", List.of(
                        new BatchEntry<>("ok", SendMessageRequest.of("q.fifo", "b").withGroupId("g").withDeduplicationId("d")),
                        new BatchEntry<>("bad", SendMessageRequest.of("q.fifo", "b").withDeduplicationId("e")))),
                INVALID_PARAMETER_VALUE, "The request must contain the parameter MessageGroupId.");
        assertThat(visibleCount("q.fifo")).isZero();
    }

    @Test
    void fifoEntryWithoutDeduplicationIdFailsTheWholeBatch() {
        fifoQueue("q.fifo");
        assertRejected(() -> engine.sendMessageBatch("q.fifo", List.of(
                        new BatchEntry<>("ok", SendMessageRequest.of("q.fifo", "b").withGroupId("g").withDeduplicationId("d")),
                        new BatchEntry<>("bad", SendMessageRequest.of("q.fifo", "b").withGroupId("g")))),
                INVALID_PARAMETER_VALUE, "The queue should either have ContentBasedDeduplication enabled or "
                        + "MessageDeduplicationId provided explicitly");
        assertThat(visibleCount("q.fifo")).isZero();
    }

    @Test
    void entryOverTheQueuesMaximumMessageSizeFailsAlone() {
        engine.setQueueAttributes("q", Map.of("MaximumMessageSize", "1024"));
        BatchResult<SendMessageResult> r = engine.sendMessageBatch("q", List.of(
                new BatchEntry<>("big", SendMessageRequest.of("q", repeat('a', 1025))),
                new BatchEntry<>("fits", SendMessageRequest.of("q", repeat('a', 1024)))));
        assertFailedEntry(r, "big", "InvalidParameterValue",
                "One or more parameters cannot be validated. Reason: Message must be shorter than 1024 bytes.");
        assertThat(r.successful()).extracting(BatchResult.Success::id).containsExactly("fits");
        assertThat(visibleCount("q")).isEqualTo(1);
    }

    @Test
    void entryWithAnEmptyBodyFailsAloneAsEmptyValue() {
        BatchResult<SendMessageResult> r = engine.sendMessageBatch("q", List.of(
                new BatchEntry<>("empty", SendMessageRequest.of("q", "")),
                new BatchEntry<>("fine", SendMessageRequest.of("q", "b"))));
        // The code is AWS's (captured live); no message was captured, so the engine's is asserted.
        assertFailedEntry(r, "empty", "EmptyValue", "The request must contain the parameter MessageBody.");
        assertThat(visibleCount("q")).isEqualTo(1);
    }

    @Test
    void otherEntryErrorsHaveSendMessagesCodeAndMessage() {
        BatchResult<SendMessageResult> r = engine.sendMessageBatch("q", List.of(
                new BatchEntry<>("late", SendMessageRequest.of("q", "b").withDelaySeconds(901)),
                new BatchEntry<>("attrs", SendMessageRequest.of("q", "b")
                        .withAttributes(Map.of("n", MessageAttribute.string("")))),
                new BatchEntry<>("chars", SendMessageRequest.of("q", "\u0000")),
                new BatchEntry<>("fine", SendMessageRequest.of("q", "b"))));
        assertFailedEntry(r, "late", "InvalidParameterValue",
                "Value 901 for parameter DelaySeconds is invalid. Reason: DelaySeconds must be >= 0 and <= 900.");
        assertFailedEntry(r, "attrs", "InvalidParameterValue",
                "Message (user) attribute 'n' must contain a non-empty value of type 'String'.");
        assertFailedEntry(r, "chars", "InvalidMessageContents", "Invalid characters found. Valid unicode characters "
                + "are #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF");
        assertThat(r.successful()).extracting(BatchResult.Success::id).containsExactly("fine");
        assertThat(visibleCount("q")).isEqualTo(1);
    }

    @Test
    void deleteBatchFailsBadHandlesOneByOne() {
        String handle = sendAndReceive("q", 30);
        BatchResult<Void> r = engine.deleteMessageBatch("q", List.of(
                new BatchEntry<>("bad", "garbage"),
                new BatchEntry<>("missing", ""),
                new BatchEntry<>("good", handle)));
        assertFailedEntry(r, "bad", "ReceiptHandleIsInvalid",
                "The input receipt handle \"garbage\" is not a valid receipt handle.");
        assertFailedEntry(r, "missing", "MissingParameter", "The request must contain the parameter ReceiptHandle.");
        assertThat(r.successful()).extracting(BatchResult.Success::id).containsExactly("good");
        assertThat(inFlightCount("q") + visibleCount("q")).isZero();
    }

    @Test
    void deleteBatchReportsAnExpiredFifoHandle() {
        fifoQueue("q.fifo");
        String handle = sendAndReceive("q.fifo",
                SendMessageRequest.of("q.fifo", "b").withGroupId("g").withDeduplicationId("d"), 30);
        clock.advance(Duration.ofSeconds(30));
        BatchResult<Void> r = engine.deleteMessageBatch("q.fifo", List.of(new BatchEntry<>("old", handle)));
        assertFailedEntry(r, "old", "InvalidParameterValue",
                "Value " + handle + " for parameter ReceiptHandle is invalid. Reason: The receipt handle has expired.");
        assertThat(visibleCount("q.fifo")).isEqualTo(1);
    }

    @Test
    void changeVisibilityBatchFailsBadEntriesOneByOne() {
        String handle = sendAndReceive("q", 30);
        clock.advance(Duration.ofSeconds(10));
        BatchResult<Void> r = engine.changeMessageVisibilityBatch("q", List.of(
                new BatchEntry<>("bad", new ChangeVisibilityRequest("garbage", 10)),
                new BatchEntry<>("tooLong", new ChangeVisibilityRequest(handle, 43_191)),
                new BatchEntry<>("good", new ChangeVisibilityRequest(handle, 43_190))));
        assertFailedEntry(r, "bad", "ReceiptHandleIsInvalid",
                "The input receipt handle \"garbage\" is not a valid receipt handle.");
        assertFailedEntry(r, "tooLong", "InvalidParameterValue", "Value 43191 for parameter VisibilityTimeout is "
                + "invalid. Reason: Total VisibilityTimeout for the message is beyond the limit [43200 seconds]");
        assertThat(r.successful()).extracting(BatchResult.Success::id).containsExactly("good");
    }
}
