package dev.sluice.engine.model;

import dev.sluice.engine.digest.Md5Digests;

import java.util.Map;

/**
 * What SendMessage answers. The digests are computed when first asked for: the HTTP endpoint returns them,
 * the in-VM JMS provider never reads them.
 */
public final class SendMessageResult {

    private final String messageId;
    private final String body;
    private final Map<String, MessageAttribute> attributes;
    private final String traceHeader;
    private final String sequenceNumber;
    private String md5OfBody; // racy caching of an idempotent computation

    /**
     * @param traceHeader    the AWSTraceHeader system attribute, or {@code null}
     * @param sequenceNumber FIFO queues only, else {@code null}
     */
    public SendMessageResult(String messageId, String body, Map<String, MessageAttribute> attributes,
                             String traceHeader, String sequenceNumber) {
        this.messageId = messageId;
        this.body = body;
        this.attributes = attributes;
        this.traceHeader = traceHeader;
        this.sequenceNumber = sequenceNumber;
    }

    public String messageId() {
        return messageId;
    }

    public String md5OfMessageBody() {
        String md5 = md5OfBody;
        if (md5 == null) {
            md5 = Md5Digests.ofBody(body);
            md5OfBody = md5;
        }
        return md5;
    }

    /** {@code null} when the message has no attributes. */
    public String md5OfMessageAttributes() {
        return Md5Digests.ofAttributes(attributes);
    }

    /** {@code null} when the message has no system attributes. */
    public String md5OfMessageSystemAttributes() {
        return traceHeader == null ? null
                : Md5Digests.ofAttributes(Map.of("AWSTraceHeader", MessageAttribute.string(traceHeader)));
    }

    /** FIFO queues only, else {@code null}. */
    public String sequenceNumber() {
        return sequenceNumber;
    }

    @Override
    public String toString() {
        return "SendMessageResult[messageId=" + messageId + ", sequenceNumber=" + sequenceNumber + "]";
    }
}
