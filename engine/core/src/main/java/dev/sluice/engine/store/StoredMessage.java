package dev.sluice.engine.store;

import dev.sluice.engine.model.MessageAttribute;

import java.util.Map;

/**
 * A message as the store keeps it. {@code body} may be {@code null} when the message was loaded without
 * its body (bodies stay on disk until a receive needs them).
 *
 * @param seq             engine-wide increasing sequence number: send order, and the FIFO SequenceNumber
 * @param visibleAt       epoch millis from which the message may be received (delay or visibility timeout)
 * @param receiveCount    ApproximateReceiveCount
 * @param firstReceiveAt  ApproximateFirstReceiveTimestamp, 0 before the first receive
 * @param receiptNonce    identifies the current receive; a receipt handle is valid while it matches
 * @param deadLetterSource the queue this message was redriven from, or {@code null}
 */
public record StoredMessage(String id, String queue, long seq, String body,
                            Map<String, MessageAttribute> attributes, String traceHeader,
                            String groupId, String deduplicationId, int priority, String senderId,
                            long sentAt, long visibleAt, int receiveCount, long firstReceiveAt,
                            long receiptNonce, String deadLetterSource) {
    public StoredMessage {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
