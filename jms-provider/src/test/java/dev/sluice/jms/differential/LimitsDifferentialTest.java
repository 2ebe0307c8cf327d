package dev.sluice.jms.differential;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Delivery delay, message size and message ids: where SQS's limits show through. */
class LimitsDifferentialTest {

    @RegisterExtension
    static final Brokers BROKERS = new Brokers();

    private static final long RECEIVE_MILLIS = 5_000;

    private static String text(Message m) throws Exception {
        assertThat(m).as("a message").isNotNull();
        return ((TextMessage) m).getText();
    }

    @DifferentialTest
    void deliveryDelayHoldsTheMessageBack(Peer peer) throws Exception {
        Broker b = BROKERS.open(peer);
        Connection c = b.connection();
        c.start();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = s.createQueue(b.queueName("delay"));
        MessageProducer delayed = s.createProducer(q);
        delayed.setDeliveryDelay(1_000);
        TextMessage late = s.createTextMessage("late");
        delayed.send(late);
        if (peer == Peer.SLUICE) {
            // one reading of the clock for both headers: the send time plus the delay, exactly (spec 3.4.13)
            assertThat(late.getJMSDeliveryTime()).isEqualTo(late.getJMSTimestamp() + 1_000);
        } else {
            // Artemis reads the clock once per header: its delivery time is now and then a millisecond later
            assertThat(late.getJMSDeliveryTime()).isBetween(late.getJMSTimestamp() + 1_000,
                    late.getJMSTimestamp() + 1_001);
        }
        s.createProducer(q).send(s.createTextMessage("now"));

        MessageConsumer consumer = s.createConsumer(q);
        assertThat(text(consumer.receive(RECEIVE_MILLIS))).as("the undelayed message first").isEqualTo("now");
        Message m = consumer.receive(RECEIVE_MILLIS);
        assertThat(text(m)).isEqualTo("late");
        assertThat(System.currentTimeMillis()).isGreaterThanOrEqualTo(late.getJMSDeliveryTime());
        assertThat(m.getJMSDeliveryTime()).isEqualTo(late.getJMSDeliveryTime());
    }

    /** SQS delays a message by at most 900 s; Artemis has no such limit. */
    @DifferentialTest
    void deliveryDelayAbove900Seconds(Peer peer) throws Exception {
        Broker b = BROKERS.open(peer);
        Connection c = b.connection();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = s.createQueue(b.queueName("long-delay"));
        MessageProducer p = s.createProducer(q);
        p.setDeliveryDelay(900_000);
        p.send(s.createTextMessage("fifteen minutes"));
        if (b.isSluice()) {
            assertThatThrownBy(() -> p.setDeliveryDelay(900_001)).isInstanceOf(JMSException.class)
                    .hasMessageContaining("900");
        } else {
            p.setDeliveryDelay(3_600_000);
            p.send(s.createTextMessage("an hour"));
            assertThat(p.getDeliveryDelay()).isEqualTo(3_600_000);
        }
    }

    /** An SQS FIFO queue cannot delay single messages; Artemis delays on any queue. */
    @DifferentialTest
    void deliveryDelayOnAFifoQueue(Peer peer) throws Exception {
        Broker b = BROKERS.open(peer);
        Connection c = b.connection();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = s.createQueue(b.fifoQueueName("fifo-delay"));
        MessageProducer p = s.createProducer(q);
        p.setDeliveryDelay(1_000);
        if (b.isSluice()) {
            assertThatThrownBy(() -> p.send(s.createTextMessage("delayed"))).isInstanceOf(JMSException.class)
                    .hasMessageContaining("FIFO");
        } else {
            p.send(s.createTextMessage("delayed"));
        }
    }

    /** SQS's 1 MiB message limit (body plus attributes); Artemis sends large messages. */
    @DifferentialTest
    void messagesOverOneMebibyte(Peer peer) throws Exception {
        Broker b = BROKERS.open(peer);
        Connection c = b.connection();
        c.start();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = s.createQueue(b.queueName("size"));
        MessageProducer p = s.createProducer(q);
        String justUnder = "x".repeat(1_000_000);
        p.send(s.createTextMessage(justUnder));
        String over = "y".repeat(1_048_577);
        MessageConsumer consumer = s.createConsumer(q);
        assertThat(text(consumer.receive(RECEIVE_MILLIS))).isEqualTo(justUnder);
        if (b.isSluice()) {
            assertThatThrownBy(() -> p.send(s.createTextMessage(over))).isInstanceOf(MessageFormatException.class)
                    .hasMessageContaining("1 MiB");
        } else {
            p.send(s.createTextMessage(over));
            assertThat(text(consumer.receive(RECEIVE_MILLIS))).hasSize(1_048_577);
        }
    }

    /**
     * JMSMessageID in a transacted session is assigned when send() returns, as the spec says, on both peers:
     * Sluice chooses the SQS MessageId before the commit and the engine stores the message under it.
     */
    @DifferentialTest
    void messageIdOfATransactedSend(Peer peer) throws Exception {
        Broker b = BROKERS.open(peer);
        Connection c = b.connection();
        c.start();
        Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
        Queue q = tx.createQueue(b.queueName("tx-id"));
        TextMessage m = tx.createTextMessage("in a transaction");
        tx.createProducer(q).send(m);
        String beforeCommit = m.getJMSMessageID();
        tx.commit();
        assertThat(beforeCommit).startsWith("ID:");
        assertThat(m.getJMSMessageID()).isEqualTo(beforeCommit);
        Message got = tx.createConsumer(q).receive(RECEIVE_MILLIS);
        tx.commit();
        assertThat(got.getJMSMessageID()).isEqualTo(m.getJMSMessageID());
    }
}
