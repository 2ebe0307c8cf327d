package dev.sluice.jms.message;

import java.util.Set;

/**
 * The SQS message attribute names, data-type labels and type markers of Sluice's wire format. Names shared with AWS's
 * SQS JMS library (amazon-sqs-java-messaging-lib) are spelled exactly as it spells them, so the two interoperate.
 */
public final class WireNames {

    /** AWS library name: the message kind, one of the {@code TYPE_*} values. */
    public static final String MESSAGE_TYPE = "JMS_SQSMessageType";
    /** AWS library name: JMSCorrelationID as a String attribute (Binary when it was set as bytes). */
    public static final String CORRELATION_ID = "JMS_SQSCorrelationID";
    /** AWS library name: JMSReplyTo as a queue name. */
    public static final String REPLY_TO_QUEUE_NAME = "JMS_SQSReplyToQueueName";
    /** AWS library name: JMSReplyTo as a queue URL; read (its last path segment) but never written by Sluice. */
    public static final String REPLY_TO_QUEUE_URL = "JMS_SQSReplyToQueueURL";
    /** Sluice: delivery mode, priority, timestamp, expiration, delivery time and JMSType in one String attribute. */
    public static final String HEADERS = "JMS_SluiceHeaders";
    /** On a message published to a topic: {@code <JMSMessageID without "ID:">;<topic name>}. */
    public static final String TOPIC = "JMS_SluiceTopic";
    /** JMSReplyTo when it is a topic: the topic's name. */
    public static final String REPLY_TO_TOPIC = "JMS_SluiceReplyToTopic";
    /** Sluice: all properties packed into one Binary attribute, used when they do not fit SQS's attribute rules. */
    public static final String PACKED_PROPERTIES = "JMS_SluiceProperties";

    /** AWS library marker values: their body formats are AWS's too (text as-is, base64 of bytes/serialization). */
    public static final String TYPE_TEXT = "text";
    public static final String TYPE_BYTES = "byte";
    public static final String TYPE_OBJECT = "object";
    /** Sluice marker values: base64 of Sluice's versioned binary envelope. */
    public static final String TYPE_SLUICE_MESSAGE = "sluice.message";
    public static final String TYPE_SLUICE_TEXT = "sluice.text";
    public static final String TYPE_SLUICE_BYTES = "sluice.bytes";
    public static final String TYPE_SLUICE_MAP = "sluice.map";
    public static final String TYPE_SLUICE_STREAM = "sluice.stream";
    public static final String TYPE_SLUICE_OBJECT = "sluice.object";

    /** AWS library data types of typed properties. */
    public static final String STRING = "String";
    public static final String BOOLEAN = "Number.Boolean";
    public static final String BYTE = "Number.byte";
    public static final String SHORT = "Number.short";
    public static final String INT = "Number.int";
    public static final String LONG = "Number.long";
    public static final String FLOAT = "Number.float";
    public static final String DOUBLE = "Number.double";
    public static final String BINARY = "Binary";
    /**
     * An empty JMSCorrelationID, as text or as bytes: SQS refuses empty attribute values, so these labelled types
     * carry a one-character (one-byte) placeholder that decoding ignores.
     */
    public static final String EMPTY_STRING = "String.sluice.empty";
    public static final String EMPTY_BINARY = "Binary.sluice.empty";

    /** SQS allows at most this many message attributes. */
    public static final int MAX_ATTRIBUTES = 10;
    /** SQS's maximum message size: body plus attribute names, data types and values. */
    public static final int MAX_MESSAGE_BYTES = 1_048_576;

    static final Set<String> RESERVED =
            Set.of(MESSAGE_TYPE, CORRELATION_ID, REPLY_TO_QUEUE_NAME, REPLY_TO_QUEUE_URL, HEADERS, PACKED_PROPERTIES, TOPIC,
                    REPLY_TO_TOPIC);

    private WireNames() {
    }

    /** SQS attribute name rules: [A-Za-z0-9_.-], at most 256, no AWS./Amazon. prefix, no leading/trailing/double dot. */
    static boolean isValidAttributeName(String name) {
        if (name.isEmpty() || name.length() > 256 || name.startsWith(".") || name.endsWith(".") || name.contains("..")) {
            return false;
        }
        if (name.regionMatches(true, 0, "aws.", 0, 4) || name.regionMatches(true, 0, "amazon.", 0, 7)) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '-' || c == '.';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Characters SQS accepts in bodies and String attribute values (XML 1.0 characters). */
    static boolean isValidSqsText(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0xD800) {
                continue; // nearly every character of nearly every message
            }
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++; // #x10000 to #x10FFFF
                continue;
            }
            if (!(c == 0x9 || c == 0xA || c == 0xD || (c >= 0xE000 && c <= 0xFFFD))) {
                return false;
            }
        }
        return true;
    }
}
