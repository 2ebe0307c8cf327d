package dev.sluice.jms.spec.ack;

import dev.sluice.jms.spec.Broker;
import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Jakarta Messaging 3.1, chapter 6.2.10: message acknowledgement. The engine's clock shows what a mode did:
 * past the visibility timeout (30 s), an unacknowledged message would come back.
 */
class AcknowledgementTest {

    private static final int PAST_VISIBILITY = 31;

    @ParameterizedTest
    @ValueSource(ints = {Session.AUTO_ACKNOWLEDGE, Session.DUPS_OK_ACKNOWLEDGE})
    void autoAndDupsOkAcknowledgeWhatReceiveHandsOver(int mode) throws Exception {
        try (Broker b = Broker.manual()) {
            Connection c = b.started();
            Session s = c.createSession(mode);
            Queue q = s.createQueue("auto");
            MessageProducer p = s.createProducer(q);
            for (int i = 0; i < 3; i++) {
                p.send(s.createTextMessage("m" + i));
            }
            MessageConsumer consumer = s.createConsumer(q);
            for (int i = 0; i < 3; i++) {
                assertThat(consumer.receiveNoWait()).isNotNull();
            }
            s.recover(); // nothing unacknowledged to redeliver
            assertThat(consumer.receiveNoWait()).isNull();
            s.close(); // DUPS_OK: lazily batched deletes are flushed at the latest now
            b.advanceSeconds(PAST_VISIBILITY);
            assertThat(c.createSession().createConsumer(q).receiveNoWait()).isNull();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {Session.AUTO_ACKNOWLEDGE, Session.DUPS_OK_ACKNOWLEDGE})
    void aListenerThrowingARuntimeExceptionGetsTheMessageAgainMarkedRedelivered(int mode) throws Exception {
        try (Broker b = Broker.realTime()) {
            Session s = b.started().createSession(mode);
            Queue q = s.createQueue("throwing");
            List<Message> deliveries = new CopyOnWriteArrayList<>();
            s.createConsumer(q).setMessageListener(m -> {
                deliveries.add(m);
                if (deliveries.size() == 1) {
                    throw new RuntimeException("first attempt fails");
                }
            });
            s.createProducer(q).send(s.createTextMessage("retry me"));
            await().atMost(Duration.ofSeconds(10)).until(() -> deliveries.size() == 2);
            assertThat(deliveries.get(0).getJMSRedelivered()).isFalse();
            assertThat(deliveries.get(0).getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
            assertThat(deliveries.get(1).getJMSRedelivered()).isTrue();
            assertThat(deliveries.get(1).getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
            assertThat(deliveries.get(1).getJMSMessageID()).isEqualTo(deliveries.get(0).getJMSMessageID());
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> deliveries.size() == 2);
        }
    }

    @Test
    void clientAcknowledgeOfOneMessageAcknowledgesEverythingTheSessionConsumed() throws Exception {
        try (Broker b = Broker.manual()) {
            Connection c = b.started();
            Session s = c.createSession(Session.CLIENT_ACKNOWLEDGE);
            Queue q1 = s.createQueue("client-1");
            Queue q2 = s.createQueue("client-2");
            MessageProducer p = s.createProducer(null);
            p.send(q1, s.createTextMessage("a"));
            p.send(q1, s.createTextMessage("b"));
            p.send(q2, s.createTextMessage("c"));
            MessageConsumer c1 = s.createConsumer(q1);
            MessageConsumer c2 = s.createConsumer(q2);
            Message a = c1.receiveNoWait();
            Message bm = c1.receiveNoWait();
            Message cm = c2.receiveNoWait();
            assertThat(List.of(a, bm, cm)).doesNotContainNull();
            a.acknowledge(); // the first of them, yet it acknowledges all three
            b.advanceSeconds(PAST_VISIBILITY);
            Session other = c.createSession();
            assertThat(other.createConsumer(q1).receiveNoWait()).isNull();
            assertThat(other.createConsumer(q2).receiveNoWait()).isNull();
        }
    }

    @Test
    void clientAcknowledgeLeavesLaterMessagesUnacknowledged() throws Exception {
        try (Broker b = Broker.manual()) {
            Connection c = b.started();
            Session s = c.createSession(Session.CLIENT_ACKNOWLEDGE);
            Queue q = s.createQueue("client-later");
            MessageProducer p = s.createProducer(q);
            p.send(s.createTextMessage("first"));
            p.send(s.createTextMessage("second"));
            MessageConsumer consumer = s.createConsumer(q);
            consumer.receiveNoWait().acknowledge();
            Message second = consumer.receiveNoWait();
            assertThat(((TextMessage) second).getText()).isEqualTo("second");
            s.recover();
            Message again = consumer.receiveNoWait();
            assertThat(((TextMessage) again).getText()).isEqualTo("second");
            assertThat(again.getJMSRedelivered()).isTrue();
        }
    }

    @Test
    void recoverRedeliversUnacknowledgedMessagesInOrderMarkedRedelivered() throws Exception {
        try (Broker b = Broker.manual()) {
            Session s = b.started().createSession(Session.CLIENT_ACKNOWLEDGE);
            Queue q = s.createQueue("recover");
            MessageProducer p = s.createProducer(q);
            p.send(s.createTextMessage("one"));
            p.send(s.createTextMessage("two"));
            MessageConsumer consumer = s.createConsumer(q);
            Message one = consumer.receiveNoWait();
            Message two = consumer.receiveNoWait();
            assertThat(one.getJMSRedelivered()).isFalse();
            assertThat(one.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
            s.recover();
            Message oneAgain = consumer.receiveNoWait();
            Message twoAgain = consumer.receiveNoWait();
            assertThat(((TextMessage) oneAgain).getText()).isEqualTo("one");
            assertThat(((TextMessage) twoAgain).getText()).isEqualTo("two");
            assertThat(oneAgain.getJMSMessageID()).isEqualTo(one.getJMSMessageID());
            assertThat(twoAgain.getJMSMessageID()).isEqualTo(two.getJMSMessageID());
            for (Message m : List.of(oneAgain, twoAgain)) {
                assertThat(m.getJMSRedelivered()).isTrue();
                assertThat(m.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
            }
            twoAgain.acknowledge();
            s.recover();
            assertThat(consumer.receiveNoWait()).isNull();
        }
    }

    @Test
    void closingAClientAcknowledgeSessionLeavesUnacknowledgedMessagesForRedelivery() throws Exception {
        try (Broker b = Broker.manual()) {
            Connection c = b.started();
            Session s = c.createSession(Session.CLIENT_ACKNOWLEDGE);
            Queue q = s.createQueue("client-close");
            s.createProducer(q).send(s.createTextMessage("unacked"));
            assertThat(s.createConsumer(q).receiveNoWait()).isNotNull();
            s.close();
            b.advanceSeconds(PAST_VISIBILITY);
            Message again = c.createSession().createConsumer(q).receiveNoWait();
            assertThat(again).isNotNull();
            assertThat(again.getJMSRedelivered()).isTrue();
        }
    }

    @Test
    void acknowledgeIsIgnoredOutsideClientAcknowledge() throws Exception {
        try (Broker b = Broker.manual()) {
            Session s = b.started().createSession(Session.AUTO_ACKNOWLEDGE);
            Queue q = s.createQueue("ack-ignored");
            s.createProducer(q).send(s.createTextMessage("x"));
            s.createConsumer(q).receiveNoWait().acknowledge();
        }
    }

    @Test
    void acknowledgingAfterTheSessionClosedIsIllegal() throws Exception {
        try (Broker b = Broker.manual()) {
            Session s = b.started().createSession(Session.CLIENT_ACKNOWLEDGE);
            Queue q = s.createQueue("ack-closed");
            s.createProducer(q).send(s.createTextMessage("x"));
            Message m = s.createConsumer(q).receiveNoWait();
            s.close();
            assertThatThrownBy(m::acknowledge).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void recoverOfAListenerSessionRedeliversToTheListener() throws Exception {
        try (Broker b = Broker.realTime()) {
            Session s = b.started().createSession(Session.CLIENT_ACKNOWLEDGE);
            Queue q = s.createQueue("listener-recover");
            List<Boolean> redelivered = new CopyOnWriteArrayList<>();
            s.createConsumer(q).setMessageListener(m -> {
                try {
                    redelivered.add(m.getJMSRedelivered());
                    if (redelivered.size() == 1) {
                        s.recover();
                    } else {
                        m.acknowledge();
                    }
                } catch (JMSException e) {
                    throw new RuntimeException(e);
                }
            });
            s.createProducer(q).send(s.createTextMessage("x"));
            await().atMost(Duration.ofSeconds(10)).until(() -> redelivered.size() == 2);
            assertThat(redelivered).containsExactly(false, true);
        }
    }
}
