package dev.sluice.jms.backend;

import java.util.Map;

/**
 * A message selector as a backend evaluates it: over a message's attributes and SQS headers
 * (groupId is the FIFO MessageGroupId or null; receiveCount the deliveries so far).
 */
@FunctionalInterface
public interface MessagePredicate {
    boolean test(Map<String, WireAttribute> attributes, String messageId, int priority, long sentTimestamp,
                 String groupId, int receiveCount);
}
