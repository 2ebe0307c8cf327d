package dev.sluice.jms.backends;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** DESIGN.md rows delivery delay ↔ DelaySeconds and time to live ↔ deleted on receipt. */
class TimingSuiteTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sluice.jms.backends.Backends#all")
    void aDelayedMessageArrivesAfterItsDelay(TestBackend backend) throws Exception {
        try (Scenario s = Scenario.on(backend)) {
            Session session = s.started().createSession(Session.AUTO_ACKNOWLEDGE);
            Queue q = session.createQueue(s.queue("delay"));
            MessageProducer p = session.createProducer(q);
            p.setDeliveryDelay(2_000);
            TextMessage m = session.createTextMessage("later");
            p.send(m);
            MessageConsumer c = session.createConsumer(q);
            assertThat(c.receiveNoWait()).isNull();
            Message got = c.receive(10_000);
            assertThat(got).isNotNull();
            assertThat(System.currentTimeMillis()).isGreaterThanOrEqualTo(m.getJMSDeliveryTime() - 100);
            assertThat(got.getJMSDeliveryTime()).isEqualTo(m.getJMSDeliveryTime());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sluice.jms.backends.Backends#all")
    void aDelayOverNineHundredSecondsIsRefusedClearly(TestBackend backend) throws Exception {
        try (Scenario s = Scenario.on(backend)) {
            Session session = s.connection().createSession(Session.AUTO_ACKNOWLEDGE);
            MessageProducer p = session.createProducer(session.createQueue(s.queue("long-delay")));
            assertThatThrownBy(() -> p.setDeliveryDelay(901_000)).isInstanceOf(JMSException.class)
                    .hasMessageContaining("900 s");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sluice.jms.backends.Backends#all")
    void anExpiredMessageIsNotDeliveredAndIsDeleted(TestBackend backend) throws Exception {
        try (Scenario s = Scenario.on(backend)) {
            Session session = s.started().createSession(Session.AUTO_ACKNOWLEDGE);
            Queue q = session.createQueue(s.queue("ttl"));
            MessageProducer p = session.createProducer(q);
            TextMessage expiring = session.createTextMessage("expired");
            p.send(expiring, Message.DEFAULT_DELIVERY_MODE, Message.DEFAULT_PRIORITY, 1);
            await().atMost(Duration.ofSeconds(5)).until(() -> System.currentTimeMillis() > expiring.getJMSExpiration());
            p.send(session.createTextMessage("fresh"));
            Message got = session.createConsumer(q).receive(10_000);
            assertThat(((TextMessage) got).getText()).isEqualTo("fresh");
            await().atMost(Duration.ofSeconds(10)).until(() -> backend.messagesIn(q.getQueueName()) == 0);
        }
    }
}
