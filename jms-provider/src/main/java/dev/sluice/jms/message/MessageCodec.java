package dev.sluice.jms.message;

import dev.sluice.jms.backend.IncomingMessage;
import dev.sluice.jms.backend.OutgoingMessage;
import dev.sluice.jms.backend.WireAttribute;
import jakarta.jms.Destination;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import jakarta.jms.Queue;
import jakarta.jms.Topic;
import dev.sluice.jms.SluiceTopic;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * JMS messages to SQS messages and back: the mapping table of DESIGN.md.
 *
 * <h2>Wire format</h2>
 * <ul>
 * <li>Body and {@value WireNames#MESSAGE_TYPE} marker: see {@link BodyCodec}. A TextMessage body is the text as-is.</li>
 * <li>JMSMessageID = {@code "ID:"} + the SQS MessageId. JMSRedelivered = ApproximateReceiveCount &gt; 1,
 * JMSXDeliveryCount = ApproximateReceiveCount (0 for a browsed message).</li>
 * <li>JMSCorrelationID: String attribute {@value WireNames#CORRELATION_ID} (Binary if set as bytes or if SQS could not
 * carry it as a String; an empty one as {@value WireNames#EMPTY_STRING} or {@value WireNames#EMPTY_BINARY}, since SQS
 * refuses empty values). JMSReplyTo: String attribute {@value WireNames#REPLY_TO_QUEUE_NAME}, a queue name resolved
 * on receipt through the caller's function ({@value WireNames#REPLY_TO_QUEUE_URL} of AWS's library is read too).</li>
 * <li>JMSDeliveryMode, JMSPriority, JMSTimestamp, JMSExpiration, JMSDeliveryTime, JMSType: one String attribute
 * {@value WireNames#HEADERS}, e.g. {@code 1;2;4;1700000000000;0;0;car} ({@link HeaderAttribute}). JMSPriority also goes to OutgoingMessage.priority and
 * JMSDeliveryTime to DelaySeconds.</li>
 * <li>JMSXGroupID is the MessageGroupId, property {@value PropertyNames#JMS_SQS_DEDUPLICATION_ID} the
 * MessageDeduplicationId; on receipt both, and {@value PropertyNames#JMS_SQS_SEQUENCE_NUMBER}, come back as
 * properties. JMSXGroupSeq is an ordinary property.</li>
 * <li>Other properties: typed attributes or one packed attribute, see {@link PropertyAttributes}.</li>
 * </ul>
 *
 * <h2>Shared with AWS's SQS JMS library</h2>
 * The attribute names JMS_SQSMessageType, JMS_SQSCorrelationID, JMS_SQSReplyToQueueName, JMS_SQS_DeduplicationId,
 * JMS_SQS_SequenceNumber; the marker values text/byte/object with their body formats; the property data types String,
 * Number.int, Number.long, Number.short, Number.byte, Number.float, Number.double and Number.Boolean (1/0). The
 * JMS_Sluice* attributes and sluice.* markers are Sluice's own.
 *
 * <h2>Messages from plain SQS clients</h2>
 * A message without the marker (sent by boto3, the AWS CLI, …) decodes to a TextMessage of its body whose properties
 * are its attributes: String as String; Number with a Java label (int, long, short, byte, float, double, Boolean) as
 * that type; Number without one as Long when integral, else Double. Binary attributes are not properties, because a
 * JMS property cannot be a byte[]; they are left out (the raw attributes stay available through
 * {@link SluiceMessage#incoming()}). Attribute names keep their spelling even where it is no selector identifier.
 */
public final class MessageCodec {

    /** SQS's largest per-message delay. */
    public static final int MAX_DELAY_SECONDS = 900;

    private MessageCodec() {
    }

    /** The SQS form of a message whose headers the producer has set; any provider's message is accepted. */
    public static OutgoingMessage encode(Message message) throws JMSException {
        return encode(message, Clock.systemUTC());
    }

    /** As {@link #encode(Message)}; the clock turns JMSDeliveryTime into DelaySeconds when JMSTimestamp is 0. */
    public static OutgoingMessage encode(Message message, Clock clock) throws JMSException {
        SluiceMessage m = message instanceof SluiceMessage own ? own : SluiceMessage.copyOf(message);
        BodyCodec.EncodedBody body = BodyCodec.encode(m);

        Map<String, WireAttribute> attributes = new LinkedHashMap<>();
        attributes.put(WireNames.MESSAGE_TYPE, new WireAttribute(WireNames.STRING, body.type(), null));
        attributes.put(WireNames.HEADERS, HeaderAttribute.of(m).toWire());
        WireAttribute correlation = correlationAttribute(m);
        if (correlation != null) {
            attributes.put(WireNames.CORRELATION_ID, correlation);
        }
        WireAttribute published = publishedAttribute(m);
        if (published != null) {
            attributes.put(WireNames.TOPIC, published);
        }
        if (m.getJMSReplyTo() instanceof Topic replyTopic) {
            // a topic of the embedded engine (request-reply over a TemporaryTopic); SQS's own reply attribute
            // names queues only, so a topic gets an attribute of its own
            attributes.put(WireNames.REPLY_TO_TOPIC, new WireAttribute(WireNames.STRING, replyTopic.getTopicName(), null));
        } else {
            String replyTo = replyToQueueName(m.getJMSReplyTo());
            if (replyTo != null) {
                attributes.put(WireNames.REPLY_TO_QUEUE_NAME, new WireAttribute(WireNames.STRING, replyTo, null));
            }
        }

        Map<String, Object> properties = m.propertySnapshot();
        Object groupId = properties.get(PropertyNames.JMSX_GROUP_ID);
        Object deduplicationId = properties.get(PropertyNames.JMS_SQS_DEDUPLICATION_ID);
        properties.keySet().removeIf(PropertyAttributes::travelsElsewhere);
        attributes.putAll(PropertyAttributes.encode(properties, attributes.size()));

        MessageSize.check(body.body(), attributes);
        return new OutgoingMessage(body.body(), attributes, delaySeconds(m, clock),
                groupId == null ? null : groupId.toString(),
                deduplicationId == null ? null : deduplicationId.toString(), m.getJMSPriority());
    }

    /**
     * The JMS message an SQS message carries, marked received (read-only body and properties).
     *
     * @param resolver turns a queue name into a Destination, for JMSReplyTo and JMSDestination
     * @param policy   which classes an ObjectMessage may deserialize (checked when the application reads it)
     */
    public static SluiceMessage decode(IncomingMessage in, Function<String, Destination> resolver, ObjectMessagePolicy policy)
            throws JMSException {
        Map<String, WireAttribute> attributes = in.attributes();
        WireAttribute marker = attributes.get(WireNames.MESSAGE_TYPE);
        SluiceMessage m = marker == null
                ? new SluiceTextMessage(in.body())
                : BodyCodec.decode(marker.stringValue(), in.body(), policy);

        HeaderAttribute headers = HeaderAttribute.fromWire(attributes.get(WireNames.HEADERS), in.sentTimestamp());
        String[] published = published(attributes.get(WireNames.TOPIC));
        m.setJMSMessageID("ID:" + (published == null ? in.messageId() : published[0]));
        m.setJMSDeliveryMode(headers.deliveryMode());
        m.setJMSPriority(headers.priority());
        m.setJMSTimestamp(headers.timestamp());
        m.setJMSExpiration(headers.expiration());
        m.setJMSDeliveryTime(headers.deliveryTime());
        m.setJMSType(headers.type());
        WireAttribute correlation = attributes.get(WireNames.CORRELATION_ID);
        if (correlation != null && WireNames.EMPTY_BINARY.equals(correlation.dataType())) {
            m.setJMSCorrelationIDAsBytes(new byte[0]);
        } else if (correlation != null && WireNames.EMPTY_STRING.equals(correlation.dataType())) {
            m.setJMSCorrelationID("");
        } else if (correlation != null && correlation.binaryValue() != null) {
            m.setJMSCorrelationIDAsBytes(correlation.binaryValue());
        } else if (correlation != null) {
            m.setJMSCorrelationID(correlation.stringValue());
        }
        String replyTo = replyToName(attributes);
        WireAttribute replyTopic = attributes.get(WireNames.REPLY_TO_TOPIC);
        if (replyTopic != null && replyTopic.stringValue() != null) {
            m.setJMSReplyTo(new SluiceTopic(replyTopic.stringValue()));
        } else if (replyTo != null) {
            m.setJMSReplyTo(resolver.apply(replyTo));
        }
        if (published != null) {
            m.setJMSDestination(new SluiceTopic(published[1]));
        } else if (in.queue() != null) {
            m.setJMSDestination(resolver.apply(in.queue()));
        }

        PropertyAttributes.decodeAll(attributes).forEach(m::putProviderProperty);
        String groupId = PropertyNames.groupIdOf(in.groupId());
        if (groupId != null) {
            m.putProviderProperty(PropertyNames.JMSX_GROUP_ID, groupId);
        }
        if (in.deduplicationId() != null) {
            m.putProviderProperty(PropertyNames.JMS_SQS_DEDUPLICATION_ID, in.deduplicationId());
        }
        if (in.sequenceNumber() != null) {
            m.putProviderProperty(PropertyNames.JMS_SQS_SEQUENCE_NUMBER, in.sequenceNumber());
        }
        m.setIncoming(in);
        m.markReceived(in.receiveCount());
        return m;
    }

    /**
     * A selector identifier's value for a stored message, decoded lazily from its attributes: JMSDeliveryMode as
     * "PERSISTENT"/"NON_PERSISTENT", JMSPriority (Integer), JMSMessageID, JMSTimestamp (Long), JMSCorrelationID,
     * JMSType, and properties as their Java objects; null when absent.
     */
    public static Function<String, Object> selectorValues(Map<String, WireAttribute> attributes, String messageId,
                                                          int priority, long sentTimestamp) {
        return new SelectorValues(attributes, messageId, priority, sentTimestamp, null, null, null, 0);
    }

    /**
     * As {@link #selectorValues(Map, String, int, long)}, with the values SQS keeps outside the attributes:
     * JMSXGroupID (the MessageGroupId, or null), the FIFO MessageDeduplicationId and SequenceNumber (or null), which a
     * received message carries as JMS_SQS_DeduplicationId and JMS_SQS_SequenceNumber, and JMSXDeliveryCount (the
     * receive count, 0 when unknown).
     */
    public static Function<String, Object> selectorValues(Map<String, WireAttribute> attributes, String messageId,
                                                          int priority, long sentTimestamp, String groupId,
                                                          String deduplicationId, String sequenceNumber,
                                                          int deliveryCount) {
        return new SelectorValues(attributes, messageId, priority, sentTimestamp, groupId, deduplicationId,
                sequenceNumber, deliveryCount);
    }

    private static WireAttribute correlationAttribute(SluiceMessage m) {
        byte[] bytes = m.correlationIdBytesOrNull();
        if (bytes != null) {
            return bytes.length == 0 ? new WireAttribute(WireNames.EMPTY_BINARY, null, new byte[] {0})
                    : new WireAttribute(WireNames.BINARY, null, bytes);
        }
        String id = m.getJMSCorrelationID();
        if (id == null) {
            return null;
        }
        if (id.isEmpty()) {
            return new WireAttribute(WireNames.EMPTY_STRING, "-", null);
        }
        if (!WireNames.isValidSqsText(id)) {
            return new WireAttribute(WireNames.BINARY, null, id.getBytes(StandardCharsets.UTF_8));
        }
        return new WireAttribute(WireNames.STRING, id, null);
    }

    /**
     * A published message carries {@code <message id>;<topic>}: its copies in the subscription queues have SQS
     * MessageIds of their own, and subscribers must see the publisher's JMSMessageID and the topic as JMSDestination.
     */
    private static WireAttribute publishedAttribute(Message m) throws JMSException {
        if (!(m.getJMSDestination() instanceof Topic topic) || m.getJMSMessageID() == null) {
            return null;
        }
        String id = m.getJMSMessageID().startsWith("ID:") ? m.getJMSMessageID().substring(3) : m.getJMSMessageID();
        return new WireAttribute(WireNames.STRING, id + ";" + topic.getTopicName(), null);
    }

    /** [message id, topic], or null for a message sent to a queue. */
    private static String[] published(WireAttribute attribute) {
        if (attribute == null || attribute.stringValue() == null) {
            return null;
        }
        String text = attribute.stringValue();
        int at = text.indexOf(';');
        return at < 0 ? null : new String[]{text.substring(0, at), text.substring(at + 1)};
    }

    private static String replyToQueueName(Destination replyTo) throws JMSException {
        if (replyTo == null) {
            return null;
        }
        if (replyTo instanceof Queue queue) {
            return queue.getQueueName();
        }
        throw new InvalidDestinationException("JMSReplyTo must be a Queue or a Topic: " + replyTo + " is neither");
    }

    private static String replyToName(Map<String, WireAttribute> attributes) {
        WireAttribute name = attributes.get(WireNames.REPLY_TO_QUEUE_NAME);
        if (name != null && name.stringValue() != null) {
            return name.stringValue();
        }
        WireAttribute url = attributes.get(WireNames.REPLY_TO_QUEUE_URL);
        if (url != null && url.stringValue() != null) {
            String u = url.stringValue();
            return u.substring(u.lastIndexOf('/') + 1);
        }
        return null;
    }

    private static int delaySeconds(Message m, Clock clock) throws JMSException {
        long deliveryTime = m.getJMSDeliveryTime();
        if (deliveryTime <= 0) {
            return 0;
        }
        long sentAt = m.getJMSTimestamp() > 0 ? m.getJMSTimestamp() : clock.millis();
        long delayMillis = deliveryTime - sentAt;
        if (delayMillis <= 0) {
            return 0;
        }
        long seconds = (delayMillis + 999) / 1000; // round up: never visible before JMSDeliveryTime
        if (seconds > MAX_DELAY_SECONDS) {
            throw new JMSException("a delivery delay of " + seconds + " s exceeds SQS's maximum of "
                    + MAX_DELAY_SECONDS + " s per message");
        }
        return (int) seconds;
    }

    /** The SQS size rule, checked here so the application gets a clear error instead of the backend's. */
    static final class MessageSize {
        private MessageSize() {
        }

        static void check(String body, Map<String, WireAttribute> attributes) throws MessageFormatException {
            long size = utf8Length(body);
            for (Map.Entry<String, WireAttribute> e : attributes.entrySet()) {
                WireAttribute a = e.getValue();
                size += utf8Length(e.getKey()) + utf8Length(a.dataType())
                        + (a.binaryValue() != null ? a.binaryValue().length : utf8Length(a.stringValue()));
            }
            if (size > WireNames.MAX_MESSAGE_BYTES) {
                throw new MessageFormatException("the message is " + size + " bytes once encoded for SQS"
                        + " (body plus attribute names, types and values), over SQS's limit of 1,048,576 bytes"
                        + " (1 MiB); send a smaller message or store the payload elsewhere and send a reference");
            }
        }

        static long utf8Length(String s) {
            if (s == null) {
                return 0;
            }
            long n = 0;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c < 0x80) {
                    n += 1;
                } else if (c < 0x800) {
                    n += 2;
                } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                        && Character.isLowSurrogate(s.charAt(i + 1))) {
                    n += 4;
                    i++;
                } else {
                    n += 3;
                }
            }
            return n;
        }
    }
}
