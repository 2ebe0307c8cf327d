package dev.sluice.jms.backend;

import java.util.Map;

/**
 * A message on its way to a queue, in SQS terms.
 *
 * @param delaySeconds     0–900
 * @param groupId          FIFO MessageGroupId (JMSXGroupID), or null
 * @param deduplicationId  FIFO MessageDeduplicationId, or null for the queue's content-based de-duplication
 * @param priority         0–9; honoured by backends that can order by priority
 */
public record OutgoingMessage(String body, Map<String, WireAttribute> attributes, int delaySeconds, String groupId,
                              String deduplicationId, int priority) {
    public OutgoingMessage {
        attributes = Map.copyOf(attributes);
    }
}
