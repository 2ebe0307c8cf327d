package dev.sluice.jms.sqs;

import dev.sluice.jms.backend.IncomingMessage;
import dev.sluice.jms.backend.WireAttribute;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

import java.util.LinkedHashMap;
import java.util.Map;

/** The provider's wire attributes and received messages in the SDK's types, and back. */
final class WireAttributes {

    private WireAttributes() {
    }

    static Map<String, MessageAttributeValue> toSdk(Map<String, WireAttribute> attributes) {
        Map<String, MessageAttributeValue> out = new LinkedHashMap<>();
        attributes.forEach((name, a) -> out.put(name, MessageAttributeValue.builder()
                .dataType(a.dataType())
                .stringValue(a.stringValue())
                .binaryValue(a.binaryValue() == null ? null : SdkBytes.fromByteArray(a.binaryValue()))
                .build()));
        return out;
    }

    static Map<String, WireAttribute> fromSdk(Map<String, MessageAttributeValue> attributes) {
        Map<String, WireAttribute> out = new LinkedHashMap<>();
        attributes.forEach((name, v) -> out.put(name, new WireAttribute(v.dataType(), v.stringValue(),
                v.binaryValue() == null ? null : v.binaryValue().asByteArray())));
        return out;
    }

    static IncomingMessage incoming(String queue, Message m) {
        Map<MessageSystemAttributeName, String> sys = m.attributes();
        return new IncomingMessage(queue, m.messageId(), m.receiptHandle(), m.body(), fromSdk(m.messageAttributes()),
                Integer.parseInt(sys.getOrDefault(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "1")),
                Long.parseLong(sys.getOrDefault(MessageSystemAttributeName.SENT_TIMESTAMP, "0")),
                sys.get(MessageSystemAttributeName.MESSAGE_GROUP_ID),
                sys.get(MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID),
                sys.get(MessageSystemAttributeName.SEQUENCE_NUMBER));
    }

    /** What SQS counts against its size limit for one message: body plus attribute names, types and values. */
    static long size(String body, Map<String, WireAttribute> attributes) {
        long n = utf8(body);
        for (Map.Entry<String, WireAttribute> e : attributes.entrySet()) {
            WireAttribute a = e.getValue();
            n += utf8(e.getKey()) + utf8(a.dataType())
                    + (a.binaryValue() != null ? a.binaryValue().length : utf8(a.stringValue()));
        }
        return n;
    }

    private static long utf8(String s) {
        return s == null ? 0 : s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }
}
