package dev.sluice.engine.model;

import java.util.Map;

/**
 * One message of a ReceiveMessage answer, with only the attributes the request asked for.
 *
 * @param attributes             system attributes (ApproximateReceiveCount, SentTimestamp, …) as strings
 * @param md5OfMessageAttributes over the returned message attributes, {@code null} when none are returned
 */
public record ReceivedMessage(String messageId, String receiptHandle, String body, String md5OfBody,
                              Map<String, String> attributes, Map<String, MessageAttribute> messageAttributes,
                              String md5OfMessageAttributes) {
}
