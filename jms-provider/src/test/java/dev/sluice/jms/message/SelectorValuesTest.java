package dev.sluice.jms.message;

import dev.sluice.jms.backend.OutgoingMessage;
import dev.sluice.jms.backend.WireAttribute;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** Selector identifiers answered from stored attributes, without decoding the message. */
class SelectorValuesTest {

    @Test
    void headersAndPropertiesOfASluiceMessage() throws JMSException {
        SluiceTextMessage m = new SluiceTextMessage("body");
        m.setJMSDeliveryMode(DeliveryMode.NON_PERSISTENT);
        m.setJMSTimestamp(1234);
        m.setJMSCorrelationID("corr");
        m.setJMSType("car");
        m.setStringProperty("color", "blue");
        m.setIntProperty("weight", 2600);
        m.setBooleanProperty("fragile", true);
        m.setDoubleProperty("ratio", 0.5);
        m.setIntProperty("JMSXGroupSeq", 2);
        OutgoingMessage out = MessageCodec.encode(m);
        Function<String, Object> values = MessageCodec.selectorValues(out.attributes(), "sqs-9", 6, 999);
        assertThat(values.apply("JMSDeliveryMode")).isEqualTo("NON_PERSISTENT");
        assertThat(values.apply("JMSPriority")).isEqualTo(6);
        assertThat(values.apply("JMSMessageID")).isEqualTo("ID:sqs-9");
        assertThat(values.apply("JMSTimestamp")).isEqualTo(1234L);
        assertThat(values.apply("JMSCorrelationID")).isEqualTo("corr");
        assertThat(values.apply("JMSType")).isEqualTo("car");
        assertThat(values.apply("color")).isEqualTo("blue");
        assertThat(values.apply("weight")).isEqualTo(2600);
        assertThat(values.apply("fragile")).isEqualTo(true);
        assertThat(values.apply("ratio")).isEqualTo(0.5);
        assertThat(values.apply("JMSXGroupSeq")).isEqualTo(2);
        assertThat(values.apply("missing")).isNull();
        assertThat(values.apply("JMSXGroupID")).isNull();
        assertThat(values.apply("JMSXDeliveryCount")).isNull();
        assertThat(values.apply("JMS_SQSMessageType")).isNull(); // wire attributes are no properties
    }

    @Test
    void anEmptyCorrelationIdIsTheEmptyString() throws JMSException {
        SluiceTextMessage text = new SluiceTextMessage("body");
        text.setJMSCorrelationID("");
        SluiceTextMessage bytes = new SluiceTextMessage("body");
        bytes.setJMSCorrelationIDAsBytes(new byte[0]);
        for (SluiceTextMessage m : new SluiceTextMessage[] {text, bytes}) {
            assertThat(MessageCodec.selectorValues(MessageCodec.encode(m).attributes(), "id", 4, 0)
                    .apply("JMSCorrelationID")).isEqualTo("");
        }
    }

    @Test
    void packedPropertiesAreFoundToo() throws JMSException {
        SluiceTextMessage m = new SluiceTextMessage("body");
        for (int i = 0; i < 11; i++) {
            m.setLongProperty("p" + i, i);
        }
        m.setStringProperty("a$b", "dollar");
        OutgoingMessage out = MessageCodec.encode(m);
        assertThat(out.attributes()).containsKey("JMS_SluiceProperties");
        Function<String, Object> values = MessageCodec.selectorValues(out.attributes(), "id", 4, 0);
        assertThat(values.apply("p10")).isEqualTo(10L);
        assertThat(values.apply("a$b")).isEqualTo("dollar");
        assertThat(values.apply("JMSDeliveryMode")).isEqualTo("PERSISTENT");
        assertThat(values.apply("nope")).isNull();
    }

    @Test
    void plainSqsMessageDefaults() {
        Map<String, WireAttribute> attributes = Map.of("n", WireAttribute.number(null, "5"),
                "JMSXGroupID", WireAttribute.string(null, "from-attribute"));
        Function<String, Object> values = MessageCodec.selectorValues(attributes, "x", 4, 777);
        assertThat(values.apply("JMSDeliveryMode")).isEqualTo("PERSISTENT");
        assertThat(values.apply("JMSTimestamp")).isEqualTo(777L);
        assertThat(values.apply("JMSType")).isNull();
        assertThat(values.apply("JMSCorrelationID")).isNull();
        assertThat(values.apply("n")).isEqualTo(5L);
        assertThat(values.apply("JMSXGroupID")).isEqualTo("from-attribute");
    }

    @Test
    void groupAndDeliveryCountFromSqsFields() {
        Function<String, Object> values = MessageCodec.selectorValues(Map.of(), "x", 4, 0, "g-1", null, null, 3);
        assertThat(values.apply("JMSXGroupID")).isEqualTo("g-1");
        assertThat(values.apply("JMSXDeliveryCount")).isEqualTo(3);
    }

    @Test
    void nothingIsDecodedUntilAsked() {
        // a corrupt headers attribute only matters to the identifiers that need it
        Map<String, WireAttribute> attributes = Map.of("JMS_SluiceHeaders", WireAttribute.binary(null, new byte[] {9}),
                "k", WireAttribute.string(null, "v"));
        Function<String, Object> values = MessageCodec.selectorValues(attributes, "x", 4, 0);
        assertThat(values.apply("k")).isEqualTo("v");
        assertThat(values.apply("JMSType")).isNull();
    }
}
