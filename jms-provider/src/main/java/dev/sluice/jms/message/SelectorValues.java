package dev.sluice.jms.message;

import dev.sluice.jms.backend.WireAttribute;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageFormatException;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;

/**
 * A selector identifier's value, read straight from a stored message's attributes. The engine calls this per message
 * under its lock, so nothing is decoded until an identifier asks for it, and each part is decoded at most once.
 * Attributes that cannot be decoded answer null (the selector then sees an absent value, i.e. unknown).
 */
final class SelectorValues implements Function<String, Object> {

    private final Map<String, WireAttribute> attributes;
    private final String messageId;
    private final int priority;
    private final long sentTimestamp;
    private final String groupId;
    private final String deduplicationId;
    private final String sequenceNumber;
    private final int deliveryCount;
    private HeaderAttribute headers;
    private Map<String, Object> packed;

    SelectorValues(Map<String, WireAttribute> attributes, String messageId, int priority, long sentTimestamp,
                   String groupId, String deduplicationId, String sequenceNumber, int deliveryCount) {
        this.attributes = attributes;
        this.messageId = messageId;
        this.priority = priority;
        this.sentTimestamp = sentTimestamp;
        this.groupId = PropertyNames.groupIdOf(groupId);
        this.deduplicationId = deduplicationId;
        this.sequenceNumber = sequenceNumber;
        this.deliveryCount = deliveryCount;
    }

    @Override
    public Object apply(String name) {
        switch (name) {
            case "JMSDeliveryMode":
                HeaderAttribute h = headers();
                return h != null && h.deliveryMode() == DeliveryMode.NON_PERSISTENT ? "NON_PERSISTENT" : "PERSISTENT";
            case "JMSPriority":
                return priority;
            case "JMSMessageID":
                return messageId == null ? null : "ID:" + messageId;
            case "JMSTimestamp":
                HeaderAttribute t = headers();
                return t == null ? sentTimestamp : t.timestamp();
            case "JMSCorrelationID":
                return correlationId();
            case "JMSType":
                HeaderAttribute type = headers();
                return type == null ? null : type.type();
            case PropertyNames.JMSX_GROUP_ID:
                return groupId != null ? groupId : property(name);
            case PropertyNames.JMSX_DELIVERY_COUNT:
                return deliveryCount > 0 ? (Object) deliveryCount : property(name);
            // decode gives a received message these provider properties, so a selector must see them as well
            case PropertyNames.JMS_SQS_DEDUPLICATION_ID:
                return deduplicationId != null ? deduplicationId : property(name);
            case PropertyNames.JMS_SQS_SEQUENCE_NUMBER:
                return sequenceNumber != null ? sequenceNumber : property(name);
            default:
                return property(name);
        }
    }

    private HeaderAttribute headers() {
        if (headers == null) {
            WireAttribute raw = attributes.get(WireNames.HEADERS);
            if (raw == null) {
                return null;
            }
            try {
                headers = HeaderAttribute.fromWire(raw, sentTimestamp);
            } catch (MessageFormatException e) {
                return null;
            }
        }
        return headers;
    }

    private String correlationId() {
        WireAttribute raw = attributes.get(WireNames.CORRELATION_ID);
        if (raw == null) {
            return null;
        }
        if (WireNames.EMPTY_STRING.equals(raw.dataType()) || WireNames.EMPTY_BINARY.equals(raw.dataType())) {
            return "";
        }
        return raw.binaryValue() != null ? new String(raw.binaryValue(), StandardCharsets.UTF_8) : raw.stringValue();
    }

    private Object property(String name) {
        WireAttribute pack = attributes.get(WireNames.PACKED_PROPERTIES);
        if (pack != null) {
            if (packed == null) {
                try {
                    packed = PropertyAttributes.unpack(pack);
                } catch (MessageFormatException e) {
                    packed = Map.of();
                }
            }
            if (packed.containsKey(name)) {
                return packed.get(name);
            }
        }
        if (WireNames.RESERVED.contains(name)) {
            return null;
        }
        WireAttribute raw = attributes.get(name);
        if (raw == null) {
            return null;
        }
        try {
            return PropertyAttributes.decode(name, raw);
        } catch (MessageFormatException e) {
            return null;
        }
    }
}
