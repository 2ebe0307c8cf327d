package dev.sluice.jms.backend;

import java.util.Map;

/**
 * A received message, in SQS terms.
 *
 * @param receiptHandle null for a browsed (not received) message
 * @param receiveCount  ApproximateReceiveCount (0 when browsed)
 * @param sequenceNumber FIFO SequenceNumber, or null
 */
public record IncomingMessage(String queue, String messageId, String receiptHandle, String body,
                              Map<String, WireAttribute> attributes, int receiveCount, long sentTimestamp,
                              String groupId, String deduplicationId, String sequenceNumber) {
    public IncomingMessage {
        attributes = Map.copyOf(attributes);
    }
}
