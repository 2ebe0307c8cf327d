package dev.sluice.engine.validation;

import dev.sluice.engine.error.SqsException;
import dev.sluice.engine.model.BatchResult;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * AWS's errors as the oracle names them (query code, JSON shape, HTTP status), written out literally so a
 * wrong mapping in {@code SqsError} fails the tests too, and the one assertion every rule test uses.
 */
final class SqsErrors {

    record Expected(String code, String shape, int status) {
    }

    static final Expected INVALID_PARAMETER_VALUE =
            new Expected("InvalidParameterValue", "InvalidParameterValueException", 400);
    static final Expected MISSING_PARAMETER =
            new Expected("MissingParameter", "MissingRequiredParameterException", 400);
    static final Expected INVALID_ATTRIBUTE_NAME = new Expected("InvalidAttributeName", "InvalidAttributeName", 400);
    static final Expected INVALID_ATTRIBUTE_VALUE = new Expected("InvalidAttributeValue", "InvalidAttributeValue", 400);
    static final Expected INVALID_MESSAGE_CONTENTS =
            new Expected("InvalidMessageContents", "InvalidMessageContents", 400);
    static final Expected QUEUE_DOES_NOT_EXIST =
            new Expected("AWS.SimpleQueueService.NonExistentQueue", "QueueDoesNotExist", 400);
    static final Expected QUEUE_ALREADY_EXISTS = new Expected("QueueAlreadyExists", "QueueNameExists", 400);
    static final Expected QUEUE_DELETED_RECENTLY =
            new Expected("AWS.SimpleQueueService.QueueDeletedRecently", "QueueDeletedRecently", 400);
    static final Expected RECEIPT_HANDLE_IS_INVALID =
            new Expected("ReceiptHandleIsInvalid", "ReceiptHandleIsInvalid", 404);
    static final Expected PURGE_QUEUE_IN_PROGRESS =
            new Expected("AWS.SimpleQueueService.PurgeQueueInProgress", "PurgeQueueInProgress", 403);
    static final Expected EMPTY_BATCH_REQUEST =
            new Expected("AWS.SimpleQueueService.EmptyBatchRequest", "EmptyBatchRequest", 400);
    static final Expected TOO_MANY_ENTRIES =
            new Expected("AWS.SimpleQueueService.TooManyEntriesInBatchRequest", "TooManyEntriesInBatchRequest", 400);
    static final Expected INVALID_BATCH_ENTRY_ID =
            new Expected("AWS.SimpleQueueService.InvalidBatchEntryId", "InvalidBatchEntryId", 400);
    static final Expected BATCH_ENTRY_IDS_NOT_DISTINCT =
            new Expected("AWS.SimpleQueueService.BatchEntryIdsNotDistinct", "BatchEntryIdsNotDistinct", 400);
    static final Expected BATCH_REQUEST_TOO_LONG =
            new Expected("AWS.SimpleQueueService.BatchRequestTooLong", "BatchRequestTooLong", 400);
    static final Expected RESOURCE_NOT_FOUND =
            new Expected("ResourceNotFoundException", "ResourceNotFoundException", 404);

    private SqsErrors() {
    }

    /** The call is refused with exactly this error and message. */
    static void assertRejected(ThrowingCallable call, Expected expected, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(SqsException.class, e -> {
            assertThat(e.error().code()).as("query code").isEqualTo(expected.code());
            assertThat(e.error().shape()).as("JSON shape").isEqualTo(expected.shape());
            assertThat(e.error().httpStatus()).as("HTTP status").isEqualTo(expected.status());
            assertThat(e.getMessage()).as("message").isEqualTo(message);
        });
    }

    /** The batch failed exactly this entry, with AWS's per-entry code and message, as the sender's fault. */
    static void assertFailedEntry(BatchResult<?> result, String id, String code, String message) {
        assertThat(result.failed()).as("failed entries").filteredOn(f -> f.id().equals(id)).singleElement()
                .satisfies(f -> {
                    assertThat(f.code()).as("code").isEqualTo(code);
                    assertThat(f.message()).as("message").isEqualTo(message);
                    assertThat(f.senderFault()).as("sender fault").isTrue();
                });
        assertThat(result.successful()).as("successful entries").noneMatch(s -> s.id().equals(id));
    }
}
