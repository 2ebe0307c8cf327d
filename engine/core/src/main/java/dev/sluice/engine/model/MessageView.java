package dev.sluice.engine.model;

import java.util.Map;

/**
 * What a {@link MessageFilter} or a browse sees of a message: its headers and attributes. The body is
 * present only in browse results.
 */
public record MessageView(String messageId, String body, Map<String, MessageAttribute> attributes,
                          int priority, long sentTimestamp, int receiveCount, String groupId,
                          String deduplicationId, String sequenceNumber) {
}
