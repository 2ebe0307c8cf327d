package dev.sluice.engine.model;

/**
 * What SendMessage answers.
 *
 * @param md5OfMessageAttributes       {@code null} when the message has no attributes
 * @param md5OfMessageSystemAttributes {@code null} when the message has no system attributes
 * @param sequenceNumber               FIFO queues only, else {@code null}
 */
public record SendMessageResult(String messageId, String md5OfMessageBody, String md5OfMessageAttributes,
                                String md5OfMessageSystemAttributes, String sequenceNumber) {
}
