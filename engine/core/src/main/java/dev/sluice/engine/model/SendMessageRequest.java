package dev.sluice.engine.model;

import java.util.Map;

/**
 * SendMessage, or one entry of SendMessageBatch.
 *
 * @param delaySeconds    per-message delay, {@code null} for the queue's default
 * @param traceHeader     the {@code AWSTraceHeader} message system attribute, or {@code null}
 * @param priority        Sluice extension: on standard queues higher priorities are received first (0–9, JMS's range)
 * @param senderId        the caller's identity, reported as the SenderId system attribute
 * @param messageId       Sluice extension for transacted sends: the MessageId to give the message (a UUID
 *                        the caller made, so it can report it before the commit), or null for a new one
 */
public record SendMessageRequest(String queue, String body, Integer delaySeconds,
                                 Map<String, MessageAttribute> attributes, String traceHeader,
                                 String groupId, String deduplicationId, int priority, String senderId,
                                 String messageId) {

    public static final int DEFAULT_PRIORITY = 4;

    public SendMessageRequest {
        attributes = attributes == null ? Map.of() : attributes;
    }

    /** A send as the SQS API has it: the engine chooses the MessageId. */
    public SendMessageRequest(String queue, String body, Integer delaySeconds, Map<String, MessageAttribute> attributes,
                              String traceHeader, String groupId, String deduplicationId, int priority, String senderId) {
        this(queue, body, delaySeconds, attributes, traceHeader, groupId, deduplicationId, priority, senderId, null);
    }

    public SendMessageRequest withMessageId(String id) {
        return new SendMessageRequest(queue, body, delaySeconds, attributes, traceHeader, groupId, deduplicationId,
                priority, senderId, id);
    }

    public static SendMessageRequest of(String queue, String body) {
        return new SendMessageRequest(queue, body, null, Map.of(), null, null, null, DEFAULT_PRIORITY, null);
    }

    public SendMessageRequest withDelaySeconds(Integer seconds) {
        return new SendMessageRequest(queue, body, seconds, attributes, traceHeader, groupId, deduplicationId,
                priority, senderId, messageId);
    }

    public SendMessageRequest withAttributes(Map<String, MessageAttribute> attrs) {
        return new SendMessageRequest(queue, body, delaySeconds, attrs, traceHeader, groupId, deduplicationId,
                priority, senderId, messageId);
    }

    public SendMessageRequest withTraceHeader(String header) {
        return new SendMessageRequest(queue, body, delaySeconds, attributes, header, groupId, deduplicationId,
                priority, senderId, messageId);
    }

    public SendMessageRequest withGroupId(String group) {
        return new SendMessageRequest(queue, body, delaySeconds, attributes, traceHeader, group, deduplicationId,
                priority, senderId, messageId);
    }

    public SendMessageRequest withDeduplicationId(String dedup) {
        return new SendMessageRequest(queue, body, delaySeconds, attributes, traceHeader, groupId, dedup,
                priority, senderId, messageId);
    }

    public SendMessageRequest withPriority(int p) {
        return new SendMessageRequest(queue, body, delaySeconds, attributes, traceHeader, groupId, deduplicationId,
                p, senderId, messageId);
    }

    public SendMessageRequest withSenderId(String sender) {
        return new SendMessageRequest(queue, body, delaySeconds, attributes, traceHeader, groupId, deduplicationId,
                priority, sender, messageId);
    }
}
