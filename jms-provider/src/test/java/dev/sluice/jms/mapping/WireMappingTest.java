package dev.sluice.jms.mapping;

import dev.sluice.engine.model.MessageAttribute;
import dev.sluice.engine.model.ReceiveMessageRequest;
import dev.sluice.engine.model.ReceivedMessage;
import dev.sluice.engine.model.SendMessageRequest;
import dev.sluice.engine.model.SendMessageResult;
import dev.sluice.jms.spec.Broker;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DESIGN.md rows: JMSMessageID ↔ MessageId; TextMessage body as-is; properties ↔ typed attributes, more than
 * ten without loss; plain SQS messages arrive as TextMessages; JMSPriority on the embedded engine.
 */
class WireMappingTest {

    @Test
    void jmsMessageIdIsIdColonTheSqsMessageId() throws Exception {
        try (Broker b = Broker.manual()) {
            Session s = b.connection().createSession();
            TextMessage m = s.createTextMessage("x");
            s.createProducer(s.createQueue("ids")).send(m);
            List<ReceivedMessage> raw = b.engine().receiveMessage(ReceiveMessageRequest.all("ids", 1));
            assertThat(m.getJMSMessageID()).isEqualTo("ID:" + raw.get(0).messageId());
        }
    }

    @Test
    void aTextMessageIsReadableByPlainSqsClientsAsItsBody() throws Exception {
        try (Broker b = Broker.manual()) {
            Session s = b.connection().createSession();
            TextMessage m = s.createTextMessage("{\"order\": 42}");
            m.setStringProperty("kind", "order");
            s.createProducer(s.createQueue("plain-out")).send(m);
            ReceivedMessage raw = b.engine().receiveMessage(ReceiveMessageRequest.all("plain-out", 1)).get(0);
            assertThat(raw.body()).isEqualTo("{\"order\": 42}");
            assertThat(raw.messageAttributes().get("kind").stringValue()).isEqualTo("order");
        }
    }

    @Test
    void aPlainSqsMessageArrivesAsATextMessageWithItsAttributesAsProperties() throws Exception {
        try (Broker b = Broker.manual()) {
            b.engine().createQueue("from-boto3");
            SendMessageResult sent = b.engine().sendMessage(SendMessageRequest.of("from-boto3", "hello from python")
                    .withAttributes(Map.of(
                            "customer", MessageAttribute.string("acme"),
                            "count", MessageAttribute.number("42"),
                            "ratio", MessageAttribute.number("0.25"))));
            Session s = b.started().createSession();
            Message got = s.createConsumer(s.createQueue("from-boto3")).receiveNoWait();
            assertThat(got).isInstanceOf(TextMessage.class);
            assertThat(((TextMessage) got).getText()).isEqualTo("hello from python");
            assertThat(got.getJMSMessageID()).isEqualTo("ID:" + sent.messageId());
            assertThat(got.getStringProperty("customer")).isEqualTo("acme");
            assertThat(got.getLongProperty("count")).isEqualTo(42L);
            assertThat(got.getDoubleProperty("ratio")).isEqualTo(0.25);
            assertThat(got.getJMSRedelivered()).isFalse();
            assertThat(got.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
        }
    }

    @Test
    void propertiesKeepTheirJavaTypesAndValues() throws Exception {
        try (Broker b = Broker.manual()) {
            Session s = b.started().createSession();
            Queue q = s.createQueue("typed");
            TextMessage m = s.createTextMessage("typed");
            m.setBooleanProperty("bool", true);
            m.setByteProperty("byte", (byte) -7);
            m.setShortProperty("short", (short) 300);
            m.setIntProperty("int", Integer.MIN_VALUE);
            m.setLongProperty("long", Long.MAX_VALUE);
            m.setFloatProperty("float", 1.5f);
            m.setDoubleProperty("double", Math.PI);
            m.setStringProperty("string", "ünïcödé");
            s.createProducer(q).send(m);
            Message got = s.createConsumer(q).receiveNoWait();
            assertThat(got.getObjectProperty("bool")).isEqualTo(true);
            assertThat(got.getObjectProperty("byte")).isEqualTo((byte) -7);
            assertThat(got.getObjectProperty("short")).isEqualTo((short) 300);
            assertThat(got.getObjectProperty("int")).isEqualTo(Integer.MIN_VALUE);
            assertThat(got.getObjectProperty("long")).isEqualTo(Long.MAX_VALUE);
            assertThat(got.getObjectProperty("float")).isEqualTo(1.5f);
            assertThat(got.getObjectProperty("double")).isEqualTo(Math.PI);
            assertThat(got.getObjectProperty("string")).isEqualTo("ünïcödé");
        }
    }

    @Test
    void aFewPropertiesAreTypedSqsAttributesAPlainClientCanRead() throws Exception {
        try (Broker b = Broker.manual()) {
            Session s = b.connection().createSession();
            TextMessage m = s.createTextMessage("x");
            m.setIntProperty("qty", 3);
            m.setStringProperty("sku", "A-1");
            s.createProducer(s.createQueue("attributes")).send(m);
            Map<String, MessageAttribute> attrs = b.engine()
                    .receiveMessage(ReceiveMessageRequest.all("attributes", 1)).get(0).messageAttributes();
            assertThat(attrs.get("qty").dataType()).startsWith("Number");
            assertThat(attrs.get("qty").stringValue()).isEqualTo("3");
            assertThat(attrs.get("sku").dataType()).startsWith("String");
            assertThat(attrs.get("sku").stringValue()).isEqualTo("A-1");
        }
    }

    @Test
    void moreThanTenPropertiesArriveWithoutLossWithinSqsAttributeLimit() throws Exception {
        try (Broker b = Broker.manual()) {
            Session s = b.started().createSession();
            Queue q = s.createQueue("many-properties");
            TextMessage m = s.createTextMessage("many");
            for (int i = 0; i < 25; i++) {
                if (i % 2 == 0) {
                    m.setIntProperty("p" + i, i);
                } else {
                    m.setStringProperty("p" + i, "v" + i);
                }
            }
            m.setJMSCorrelationID("corr");
            m.setJMSType("type");
            s.createProducer(q).send(m);
            ReceivedMessage raw = b.engine().receiveMessage(ReceiveMessageRequest.all("many-properties", 1)).get(0);
            assertThat(raw.messageAttributes().size()).isLessThanOrEqualTo(10);
            b.engine().changeMessageVisibility("many-properties", raw.receiptHandle(), 0);

            Message got = s.createConsumer(q).receiveNoWait();
            for (int i = 0; i < 25; i++) {
                assertThat(got.getObjectProperty("p" + i)).isEqualTo(i % 2 == 0 ? (Object) i : "v" + i);
            }
            assertThat(Collections.list(got.getPropertyNames())).contains("p0", "p24");
            assertThat(got.getJMSCorrelationID()).isEqualTo("corr");
            assertThat(got.getJMSType()).isEqualTo("type");
        }
    }

    @Test
    void higherPriorityMessagesAreReceivedFirstOnAStandardQueue() throws Exception {
        try (Broker b = Broker.manual()) {
            Session s = b.started().createSession();
            Queue q = s.createQueue("priorities");
            MessageProducer p = s.createProducer(q);
            p.send(s.createTextMessage("low"), jakarta.jms.DeliveryMode.PERSISTENT, 1, 0);
            p.send(s.createTextMessage("normal"), jakarta.jms.DeliveryMode.PERSISTENT, 4, 0);
            p.send(s.createTextMessage("high"), jakarta.jms.DeliveryMode.PERSISTENT, 9, 0);
            MessageConsumer c = s.createConsumer(q);
            assertThat(((TextMessage) c.receiveNoWait()).getText()).isEqualTo("high");
            assertThat(((TextMessage) c.receiveNoWait()).getText()).isEqualTo("normal");
            assertThat(((TextMessage) c.receiveNoWait()).getText()).isEqualTo("low");
        }
    }
}
