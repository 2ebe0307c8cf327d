package dev.sluice.jms.smoke;

import dev.sluice.jms.SluiceConnectionFactory;
import jakarta.jms.Connection;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ProviderSmokeTest {

    @Test
    void sendAndReceiveWithTheClassicApi(@TempDir Path dir) throws Exception {
        SluiceConnectionFactory cf = new SluiceConnectionFactory("sluice:embedded?dataDir=" + dir);
        try (Connection c = cf.createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue q = s.createQueue("orders");
            TextMessage sent = s.createTextMessage("hello");
            sent.setStringProperty("OrderId", "42");
            sent.setIntProperty("Qty", 3);
            s.createProducer(q).send(sent);
            assertThat(sent.getJMSMessageID()).startsWith("ID:");
            c.start();
            Message got = s.createConsumer(q).receive(2000);
            assertThat(got).isInstanceOf(TextMessage.class);
            assertThat(((TextMessage) got).getText()).isEqualTo("hello");
            assertThat(got.getStringProperty("OrderId")).isEqualTo("42");
            assertThat(got.getIntProperty("Qty")).isEqualTo(3);
            assertThat(got.getJMSMessageID()).isEqualTo(sent.getJMSMessageID());
            assertThat(got.getJMSRedelivered()).isFalse();
            assertThat(s.createConsumer(q).receiveNoWait()).isNull();
        }
    }

    @Test
    void listenerAndJmsContext() throws Exception {
        SluiceConnectionFactory cf = new SluiceConnectionFactory("sluice:embedded?storage=memory");
        try (JMSContext ctx = cf.createContext()) {
            Queue q = ctx.createQueue("events");
            CountDownLatch got = new CountDownLatch(3);
            ctx.createConsumer(q, "kind = 'a'").setMessageListener(m -> got.countDown());
            for (int i = 0; i < 3; i++) {
                ctx.createProducer().setProperty("kind", "a").send(q, "m" + i);
                ctx.createProducer().setProperty("kind", "b").send(q, "x" + i);
            }
            assertThat(got.await(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void clientAcknowledgeRecoverRedelivers() throws Exception {
        SluiceConnectionFactory cf = new SluiceConnectionFactory("sluice:embedded?storage=memory");
        try (Connection c = cf.createConnection()) {
            Session s = c.createSession(false, Session.CLIENT_ACKNOWLEDGE);
            Queue q = s.createQueue("client");
            s.createProducer(q).send(s.createTextMessage("once"));
            c.start();
            MessageConsumer consumer = s.createConsumer(q);
            Message first = consumer.receive(2000);
            assertThat(first.getJMSRedelivered()).isFalse();
            s.recover();
            Message again = consumer.receive(2000);
            assertThat(again.getJMSRedelivered()).isTrue();
            assertThat(again.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
            again.acknowledge();
            assertThat(consumer.receive(200)).isNull();
        }
    }
}
