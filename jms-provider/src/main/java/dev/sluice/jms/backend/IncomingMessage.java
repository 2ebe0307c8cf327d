package dev.sluice.jms.backend;

import java.util.Map;

/**
 * A received message, in SQS terms.
 *
 * @param receiptHandle null for a browsed (not received) message
 * @param receiveCount  ApproximateReceiveCount; for a browsed message, the deliveries so far (0 if none)
 * @param sequenceNumber FIFO SequenceNumber, or null
 */
public record IncomingMessage(String queue, String messageId, String receiptHandle, String body,
                              Map<String, WireAttribute> attributes, int receiveCount, long sentTimestamp,
                              String groupId, String deduplicationId, String sequenceNumber) {
    public IncomingMessage {
        attributes = Map.copyOf(attributes);
    }
}
