package dev.sluice.jms.spec.transaction;

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

/** Jakarta Messaging 3.1, chapter 6.2.8: local transactions. */
class LocalTransactionTest {

    @Test
    void sendsBecomeVisibleOnlyAtCommit() throws Exception {
        try (Broker b = Broker.manual()) {
            Connection c = b.started();
            Session tx = c.createSession(Session.SESSION_TRANSACTED);
            Queue q = tx.createQueue("tx-send");
            MessageProducer p = tx.createProducer(q);
            p.send(tx.createTextMessage("a"));
            p.send(tx.createTextMessage("b"));
            MessageConsumer outside = c.createSession().createConsumer(q);
            assertThat(outside.receiveNoWait()).isNull();
            tx.commit();
            assertThat(text(outside.receiveNoWait())).isEqualTo("a");
            assertThat(text(outside.receiveNoWait())).isEqualTo("b");
        }
    }

    @Test
    void rollbackDiscardsSends() throws Exception {
        try (Broker b = Broker.manual()) {
            Connection c = b.started();
            Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
            Queue q = tx.createQueue("tx-discard");
            tx.createProducer(q).send(tx.createTextMessage("never"));
            tx.rollback();
            tx.commit();
            assertThat(c.createSession().createConsumer(q).receiveNoWait()).isNull();
        }
    }

    @Test
    void commitAcknowledgesWhatTheTransactionReceived() throws Exception {
        try (Broker b = Broker.manual()) {
            Connection c = b.started();
            Session tx = c.createSession(Session.SESSION_TRANSACTED);
            Queue q = tx.createQueue("tx-receive");
            Session plain = c.createSession();
            plain.createProducer(q).send(plain.createTextMessage("once"));
            MessageConsumer consumer = tx.createConsumer(q);
            assertThat(consumer.receiveNoWait()).isNotNull();
            tx.commit();
            b.advanceSeconds(31);
            assertThat(consumer.receiveNoWait()).isNull();
            assertThat(plain.createConsumer(q).receiveNoWait()).isNull();
        }
    }

    @Test
    void rollbackRedeliversReceivedMessagesMarkedRedelivered() throws Exception {
        try (Broker b = Broker.manual()) {
            Connection c = b.started();
            Session tx = c.createSession(Session.SESSION_TRANSACTED);
            Queue q = tx.createQueue("tx-rollback");
            Session plain = c.createSession();
            plain.createProducer(q).send(plain.createTextMessage("again"));
            MessageConsumer consumer = tx.createConsumer(q);
            Message first = consumer.receiveNoWait();
            assertThat(first.getJMSRedelivered()).isFalse();
            tx.rollback();
            Message second = consumer.receiveNoWait();
            assertThat(second).isNotNull();
            assertThat(second.getJMSMessageID()).isEqualTo(first.getJMSMessageID());
            assertThat(second.getJMSRedelivered()).isTrue();
            assertThat(second.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
            tx.commit();
        }
    }

    @Test
    void closingATransactedSessionRollsBack() throws Exception {
        try (Broker b = Broker.manual()) {
            Connection c = b.started();
            Session tx = c.createSession(Session.SESSION_TRANSACTED);
            Queue in = tx.createQueue("tx-close-in");
            Queue out = tx.createQueue("tx-close-out");
            Session plain = c.createSession();
            plain.createProducer(in).send(plain.createTextMessage("work"));
            assertThat(tx.createConsumer(in).receiveNoWait()).isNotNull();
            tx.createProducer(out).send(tx.createTextMessage("result"));
            tx.close();
            assertThat(plain.createConsumer(out).receiveNoWait()).isNull();
            Message back = plain.createConsumer(in).receiveNoWait();
            assertThat(back).isNotNull();
            assertThat(back.getJMSRedelivered()).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {Session.AUTO_ACKNOWLEDGE, Session.CLIENT_ACKNOWLEDGE, Session.DUPS_OK_ACKNOWLEDGE})
    void commitAndRollbackNeedATransactedSession(int mode) throws Exception {
        try (Broker b = Broker.manual()) {
            Session s = b.connection().createSession(mode);
            assertThatThrownBy(s::commit).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(s::rollback).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void recoverIsIllegalInATransactedSession() throws Exception {
        try (Broker b = Broker.manual()) {
            Session s = b.connection().createSession(Session.SESSION_TRANSACTED);
            assertThatThrownBy(s::recover).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aListenerCommitsItsOwnWork() throws Exception {
        try (Broker b = Broker.realTime()) {
            Connection c = b.started();
            Session tx = c.createSession(Session.SESSION_TRANSACTED);
            Queue in = tx.createQueue("tx-listener-in");
            Queue out = tx.createQueue("tx-listener-out");
            MessageProducer forward = tx.createProducer(out);
            List<Boolean> redelivered = new CopyOnWriteArrayList<>();
            tx.createConsumer(in).setMessageListener(m -> {
                try {
                    redelivered.add(m.getJMSRedelivered());
                    if (redelivered.size() == 1) {
                        forward.send(tx.createTextMessage("discarded"));
                        tx.rollback();
                    } else {
                        forward.send(tx.createTextMessage("forwarded"));
                        tx.commit();
                    }
                } catch (JMSException e) {
                    throw new RuntimeException(e);
                }
            });
            Session plain = c.createSession();
            plain.createProducer(in).send(plain.createTextMessage("job"));
            await().atMost(Duration.ofSeconds(10)).until(() -> redelivered.size() == 2);
            assertThat(redelivered).containsExactly(false, true);
            MessageConsumer results = plain.createConsumer(out);
            assertThat(text(results.receive(5000))).isEqualTo("forwarded");
            assertThat(results.receive(300)).isNull();
        }
    }

    static String text(Message m) throws JMSException {
        return m == null ? null : ((TextMessage) m).getText();
    }
}
