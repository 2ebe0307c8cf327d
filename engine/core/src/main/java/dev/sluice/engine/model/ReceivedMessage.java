package dev.sluice.engine.model;

import dev.sluice.engine.digest.Md5Digests;

import java.util.Map;

/**
 * One message of a ReceiveMessage answer, with only the attributes the request asked for. The digests are
 * computed when first asked for: the HTTP endpoint returns them, the in-VM JMS provider never reads them.
 */
public final class ReceivedMessage {

    private final String messageId;
    private final String receiptHandle;
    private final String body;
    private final Map<String, String> attributes;
    private final Map<String, MessageAttribute> messageAttributes;
    private String md5OfBody; // racy caching of an idempotent computation

    /**
     * @param attributes        system attributes (ApproximateReceiveCount, SentTimestamp, …) as strings
     * @param messageAttributes the message attributes the request asked for
     */
    public ReceivedMessage(String messageId, String receiptHandle, String body, Map<String, String> attributes,
                           Map<String, MessageAttribute> messageAttributes) {
        this.messageId = messageId;
        this.receiptHandle = receiptHandle;
        this.body = body;
        this.attributes = attributes;
        this.messageAttributes = messageAttributes;
    }

    public String messageId() {
        return messageId;
    }

    public String receiptHandle() {
        return receiptHandle;
    }

    public String body() {
        return body;
    }

    public String md5OfBody() {
        String md5 = md5OfBody;
        if (md5 == null) {
            md5 = Md5Digests.ofBody(body);
            md5OfBody = md5;
        }
        return md5;
    }

    /** System attributes (ApproximateReceiveCount, SentTimestamp, …) as strings. */
    public Map<String, String> attributes() {
        return attributes;
    }

    public Map<String, MessageAttribute> messageAttributes() {
        return messageAttributes;
    }

    /** Over the returned message attributes, {@code null} when none are returned. */
    public String md5OfMessageAttributes() {
        return Md5Digests.ofAttributes(messageAttributes);
    }

    @Override
    public String toString() {
        return "ReceivedMessage[messageId=" + messageId + "]";
    }
}
