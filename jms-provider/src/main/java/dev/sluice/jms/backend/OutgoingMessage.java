package dev.sluice.jms.backend;

import java.util.Map;

/**
 * A message on its way to a queue, in SQS terms.
 *
 * @param delaySeconds     0–900
 * @param groupId          FIFO MessageGroupId (JMSXGroupID), or null
 * @param deduplicationId  FIFO MessageDeduplicationId, or null for the queue's content-based de-duplication
 * @param priority         0–9; honoured by backends that can order by priority
 * @param messageId        for a transacted send on a backend that can take it: the MessageId chosen before
 *                         the commit (so JMSMessageID is known when send returns), else null
 */
public record OutgoingMessage(String body, Map<String, WireAttribute> attributes, int delaySeconds, String groupId,
                              String deduplicationId, int priority, String messageId) {
    public OutgoingMessage {
        attributes = Map.copyOf(attributes);
    }

    /**
     * {@code delaySeconds} of a message whose delivery delay had already passed when it was sent (a transacted
     * send committed after its delivery time): it goes with an explicit DelaySeconds of 0, which overrides the
     * queue's own DelaySeconds as the delay it was sent with did. 0 means no delay of its own.
     */
    public static final int DUE_NOW = -1;

    public OutgoingMessage(String body, Map<String, WireAttribute> attributes, int delaySeconds, String groupId,
                           String deduplicationId, int priority) {
        this(body, attributes, delaySeconds, groupId, deduplicationId, priority, null);
    }

    /** SQS's DelaySeconds for this message: none (the queue's delay applies) when it has no delay of its own. */
    public Integer delaySecondsParameter() {
        return delaySeconds == 0 ? null : Math.max(0, delaySeconds);
    }
}
