package dev.sluice.engine.error;

/**
 * The errors of the SQS API, each with the two names AWS uses for it and its HTTP status.
 *
 * <p>{@code code} is what the Query protocol and the {@code x-amzn-query-error} header carry (and what
 * boto3 and the AWS CLI show); {@code shape} is the JSON protocol's {@code __type} (prefixed with
 * {@code com.amazonaws.sqs#} on the wire).
 */
public enum SqsError {
    INVALID_PARAMETER_VALUE("InvalidParameterValue", "InvalidParameterValueException", 400),
    MISSING_PARAMETER("MissingParameter", "MissingRequiredParameterException", 400),
    INVALID_ATTRIBUTE_NAME("InvalidAttributeName", "InvalidAttributeName", 400),
    INVALID_ATTRIBUTE_VALUE("InvalidAttributeValue", "InvalidAttributeValue", 400),
    INVALID_MESSAGE_CONTENTS("InvalidMessageContents", "InvalidMessageContents", 400),
    QUEUE_DOES_NOT_EXIST("AWS.SimpleQueueService.NonExistentQueue", "QueueDoesNotExist", 400),
    QUEUE_ALREADY_EXISTS("QueueAlreadyExists", "QueueNameExists", 400),
    QUEUE_DELETED_RECENTLY("AWS.SimpleQueueService.QueueDeletedRecently", "QueueDeletedRecently", 400),
    RECEIPT_HANDLE_IS_INVALID("ReceiptHandleIsInvalid", "ReceiptHandleIsInvalid", 404),
    MESSAGE_NOT_INFLIGHT("AWS.SimpleQueueService.MessageNotInflight", "MessageNotInflight", 400),
    PURGE_QUEUE_IN_PROGRESS("AWS.SimpleQueueService.PurgeQueueInProgress", "PurgeQueueInProgress", 403),
    EMPTY_BATCH_REQUEST("AWS.SimpleQueueService.EmptyBatchRequest", "EmptyBatchRequest", 400),
    TOO_MANY_ENTRIES_IN_BATCH_REQUEST("AWS.SimpleQueueService.TooManyEntriesInBatchRequest",
            "TooManyEntriesInBatchRequest", 400),
    BATCH_ENTRY_IDS_NOT_DISTINCT("AWS.SimpleQueueService.BatchEntryIdsNotDistinct", "BatchEntryIdsNotDistinct", 400),
    INVALID_BATCH_ENTRY_ID("AWS.SimpleQueueService.InvalidBatchEntryId", "InvalidBatchEntryId", 400),
    BATCH_REQUEST_TOO_LONG("AWS.SimpleQueueService.BatchRequestTooLong", "BatchRequestTooLong", 400),
    RESOURCE_NOT_FOUND("ResourceNotFoundException", "ResourceNotFoundException", 404),
    UNSUPPORTED_OPERATION("AWS.SimpleQueueService.UnsupportedOperation", "UnsupportedOperation", 400),
    OVER_LIMIT("OverLimit", "OverLimit", 403),
    INVALID_ADDRESS("InvalidAddress", "InvalidAddress", 404),
    INVALID_SECURITY("InvalidSecurity", "InvalidSecurity", 403),
    REQUEST_THROTTLED("RequestThrottled", "RequestThrottled", 403);

    private final String code;
    private final String shape;
    private final int httpStatus;

    SqsError(String code, String shape, int httpStatus) {
        this.code = code;
        this.shape = shape;
        this.httpStatus = httpStatus;
    }

    public String code() {
        return code;
    }

    public String shape() {
        return shape;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** Every SQS error is the caller's fault ("Sender"); the service's own failures are not SqsErrors. */
    public boolean senderFault() {
        return true;
    }
}
