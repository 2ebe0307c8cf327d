package dev.sluice.jms.message;

import java.util.Locale;
import java.util.Set;

/**
 * Property names must be message selector identifiers (Message javadoc): a Java letter followed by Java letters or
 * digits, not a selector keyword, and not one of the header fields a selector resolves itself (a property with such a
 * name could never be selected on, so it is refused rather than silently shadowed).
 */
public final class PropertyNames {

    public static final String JMSX_GROUP_ID = "JMSXGroupID";
    /**
     * The MessageGroupId of a message sent to a FIFO queue without a JMSXGroupID (SQS needs one; sharing it keeps
     * such messages in send order). Receivers see no JMSXGroupID for it, since the sender set none.
     */
    public static final String UNGROUPED = "sluice-ungrouped";

    /** The JMSXGroupID a MessageGroupId stands for: none for {@link #UNGROUPED}. */
    public static String groupIdOf(String messageGroupId) {
        return UNGROUPED.equals(messageGroupId) ? null : messageGroupId;
    }
    public static final String JMSX_GROUP_SEQ = "JMSXGroupSeq";
    public static final String JMSX_DELIVERY_COUNT = "JMSXDeliveryCount";
    /** Same name as AWS's SQS JMS library: the FIFO MessageDeduplicationId. */
    public static final String JMS_SQS_DEDUPLICATION_ID = "JMS_SQS_DeduplicationId";
    /**
     * The prefix of the MessageDeduplicationId Sluice makes up for a FIFO send without a JMS_SQS_DeduplicationId
     * (JMS sends are distinct messages). The received message carries it; a send never reuses such an id, so a
     * received message sent again is a new message, not a repeat of itself.
     */
    public static final String GENERATED_DEDUPLICATION_ID = "sluice-";

    /** Same name as AWS's SQS JMS library: the FIFO SequenceNumber, set on receive. */
    public static final String JMS_SQS_SEQUENCE_NUMBER = "JMS_SQS_SequenceNumber";

    private static final Set<String> KEYWORDS =
            Set.of("NULL", "TRUE", "FALSE", "NOT", "AND", "OR", "BETWEEN", "LIKE", "IN", "IS", "ESCAPE");
    private static final Set<String> SELECTOR_HEADERS =
            Set.of("JMSDeliveryMode", "JMSPriority", "JMSMessageID", "JMSTimestamp", "JMSCorrelationID", "JMSType");

    private PropertyNames() {
    }

    /** Throws IllegalArgumentException naming the problem, as the Message javadoc requires for null/empty names. */
    public static void check(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a property name must not be null or empty");
        }
        if (!isIdentifier(name)) {
            throw new IllegalArgumentException("property name '" + name
                    + "' is not a valid message selector identifier (a Java letter, then Java letters or digits)");
        }
        if (KEYWORDS.contains(name.toUpperCase(Locale.ROOT))) {
            throw new IllegalArgumentException("property name '" + name + "' is a message selector keyword");
        }
        if (SELECTOR_HEADERS.contains(name)) {
            throw new IllegalArgumentException("property name '" + name
                    + "' is a header field name; set the header with its setter instead");
        }
    }

    static boolean isIdentifier(String name) {
        if (!Character.isJavaIdentifierStart(name.codePointAt(0))) {
            return false;
        }
        for (int i = Character.charCount(name.codePointAt(0)); i < name.length(); ) {
            int cp = name.codePointAt(i);
            if (!Character.isJavaIdentifierPart(cp) || Character.isIdentifierIgnorable(cp)) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }
}
