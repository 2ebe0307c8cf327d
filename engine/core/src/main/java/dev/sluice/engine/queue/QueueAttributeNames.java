package dev.sluice.engine.queue;

import java.util.List;
import java.util.Set;

/** The queue attribute names of the SQS API. */
public final class QueueAttributeNames {

    public static final String ALL = "All";
    public static final String DELAY_SECONDS = "DelaySeconds";
    public static final String MAXIMUM_MESSAGE_SIZE = "MaximumMessageSize";
    public static final String MESSAGE_RETENTION_PERIOD = "MessageRetentionPeriod";
    public static final String POLICY = "Policy";
    public static final String RECEIVE_MESSAGE_WAIT_TIME_SECONDS = "ReceiveMessageWaitTimeSeconds";
    public static final String VISIBILITY_TIMEOUT = "VisibilityTimeout";
    public static final String REDRIVE_POLICY = "RedrivePolicy";
    public static final String REDRIVE_ALLOW_POLICY = "RedriveAllowPolicy";
    public static final String KMS_MASTER_KEY_ID = "KmsMasterKeyId";
    public static final String KMS_DATA_KEY_REUSE_PERIOD_SECONDS = "KmsDataKeyReusePeriodSeconds";
    public static final String SQS_MANAGED_SSE_ENABLED = "SqsManagedSseEnabled";
    public static final String FIFO_QUEUE = "FifoQueue";
    public static final String CONTENT_BASED_DEDUPLICATION = "ContentBasedDeduplication";
    public static final String DEDUPLICATION_SCOPE = "DeduplicationScope";
    public static final String FIFO_THROUGHPUT_LIMIT = "FifoThroughputLimit";

    public static final String APPROXIMATE_NUMBER_OF_MESSAGES = "ApproximateNumberOfMessages";
    public static final String APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE = "ApproximateNumberOfMessagesNotVisible";
    public static final String APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED = "ApproximateNumberOfMessagesDelayed";
    public static final String CREATED_TIMESTAMP = "CreatedTimestamp";
    public static final String LAST_MODIFIED_TIMESTAMP = "LastModifiedTimestamp";
    public static final String QUEUE_ARN = "QueueArn";

    /** Attributes a caller may set (FifoQueue only at creation). */
    public static final Set<String> SETTABLE = Set.of(DELAY_SECONDS, MAXIMUM_MESSAGE_SIZE, MESSAGE_RETENTION_PERIOD,
            POLICY, RECEIVE_MESSAGE_WAIT_TIME_SECONDS, VISIBILITY_TIMEOUT, REDRIVE_POLICY, REDRIVE_ALLOW_POLICY,
            KMS_MASTER_KEY_ID, KMS_DATA_KEY_REUSE_PERIOD_SECONDS, SQS_MANAGED_SSE_ENABLED, FIFO_QUEUE,
            CONTENT_BASED_DEDUPLICATION, DEDUPLICATION_SCOPE, FIFO_THROUGHPUT_LIMIT);

    /** Attributes the queue computes. */
    public static final List<String> COMPUTED = List.of(APPROXIMATE_NUMBER_OF_MESSAGES,
            APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED, CREATED_TIMESTAMP,
            LAST_MODIFIED_TIMESTAMP, QUEUE_ARN);

    /** Attributes that exist only on FIFO queues. */
    public static final Set<String> FIFO_ONLY = Set.of(FIFO_QUEUE, CONTENT_BASED_DEDUPLICATION, DEDUPLICATION_SCOPE,
            FIFO_THROUGHPUT_LIMIT);

    private QueueAttributeNames() {
    }

    public static boolean isKnown(String name) {
        return SETTABLE.contains(name) || COMPUTED.contains(name);
    }
}
