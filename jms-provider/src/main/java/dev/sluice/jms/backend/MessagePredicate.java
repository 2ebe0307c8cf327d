package dev.sluice.jms.backend;

import java.util.Map;

/**
 * A message selector as a backend evaluates it: over a message's attributes and SQS headers (groupId, deduplicationId
 * and sequenceNumber are the FIFO MessageGroupId, MessageDeduplicationId and SequenceNumber, or null; receiveCount the
 * deliveries so far).
 */
@FunctionalInterface
public interface MessagePredicate {
    boolean test(Map<String, WireAttribute> attributes, String messageId, int priority, long sentTimestamp,
                 String groupId, String deduplicationId, String sequenceNumber, int receiveCount);
}
