package dev.sluice.jms.differential;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** JMSXGroupID message groups, and the redelivery limit that moves a message to a dead-letter queue. */
class GroupsAndDeadLettersDifferentialTest {

    @RegisterExtension
    static final Brokers BROKERS = new Brokers();

    private static final long RECEIVE_MILLIS = 5_000;
    private static final long NOTHING_MILLIS = 500;

    private static String text(Message m) throws Exception {
        assertThat(m).as("a message").isNotNull();
        return ((TextMessage) m).getText();
    }

    private static java.util.List<String> browse(Session s, Queue q) throws Exception {
        java.util.List<String> seen = new ArrayList<>();
        jakarta.jms.QueueBrowser browser = s.createBrowser(q);
        for (Object m : java.util.Collections.list(browser.getEnumeration())) {
            seen.add(text((Message) m));
        }
        browser.close();
        return seen;
    }

    private static void sendGrouped(Session s, Queue q, String group, String... texts) throws Exception {
        MessageProducer p = s.createProducer(q);
        for (String t : texts) {
            TextMessage m = s.createTextMessage(t);
            m.setStringProperty("JMSXGroupID", group);
            p.send(m);
        }
        p.close();
    }

    /**
     * A message received from a FIFO queue sent on again: back to its own queue (a retry) and to a plain queue.
     * Both peers deliver both copies, with the group. (On Sluice the received message carries the
     * JMS_SQS_DeduplicationId Sluice made up for it, which a plain queue cannot take and a new send must not reuse.)
     */
    @DifferentialTest
    void aReceivedGroupedMessageSentOnAgainArrives(Peer peer) throws Exception {
        Broker b = BROKERS.open(peer);
        Connection c = b.connection();
        c.start();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue fifo = s.createQueue(b.fifoQueueName("resent"));
        Queue plain = s.createQueue(b.queueName("resent-audit"));
        sendGrouped(s, fifo, "A", "a1");
        MessageConsumer fromFifo = s.createConsumer(fifo);
        Message a1 = fromFifo.receive(RECEIVE_MILLIS);
        assertThat(text(a1)).isEqualTo("a1");

        MessageProducer p = s.createProducer(null);
        p.send(fifo, a1);
        p.send(plain, a1);

        Message again = fromFifo.receive(RECEIVE_MILLIS);
        assertThat(text(again)).isEqualTo("a1");
        assertThat(again.getStringProperty("JMSXGroupID")).isEqualTo("A");
        Message audited = s.createConsumer(plain).receive(RECEIVE_MILLIS);
        assertThat(text(audited)).isEqualTo("a1");
        assertThat(audited.getStringProperty("JMSXGroupID")).isEqualTo("A");
    }

    /**
     * A group's messages in order, one at a time: while a message of group A is held unacknowledged by one
     * consumer, no other consumer gets a message of A. Then the peers differ:
     * <ul>
     * <li>Artemis pins group A to the first consumer that got one of its messages, for as long as that
     * consumer lives: the other consumer never gets an A message, even after the first acknowledged.</li>
     * <li>Sluice (an SQS FIFO queue, MessageGroupId = JMSXGroupID) pins nothing: once the in-flight A message is
     * acknowledged (deleted), the next A message goes to whichever consumer asks first.</li>
     * </ul>
     */
    @DifferentialTest
    void messageGroupsOnAFifoQueue(Peer peer) throws Exception {
        Broker b = BROKERS.open(peer);
        Connection c = b.connection();
        c.start();
        Session s1 = c.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        Queue q = s1.createQueue(b.fifoQueueName("groups"));
        sendGrouped(s1, q, "A", "a1", "a2", "a3");

        MessageConsumer first = s1.createConsumer(q);
        Message a1 = first.receive(RECEIVE_MILLIS);
        assertThat(text(a1)).isEqualTo("a1");
        assertThat(a1.getStringProperty("JMSXGroupID")).isEqualTo("A");

        Session s2 = c.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        MessageConsumer second = s2.createConsumer(q);
        assertThat(second.receive(NOTHING_MILLIS)).as("A is in flight with the first consumer").isNull();

        a1.acknowledge();
        if (b.isSluice()) {
            // SQS FIFO: nothing of A is in flight any more, so A's next message goes to any consumer
            Message a2 = second.receive(RECEIVE_MILLIS);
            assertThat(text(a2)).isEqualTo("a2");
            a2.acknowledge();
            Message a3 = first.receive(RECEIVE_MILLIS);
            assertThat(text(a3)).isEqualTo("a3");
            a3.acknowledge();
        } else {
            // Artemis: A stays with the first consumer
            assertThat(second.receive(NOTHING_MILLIS)).isNull();
            assertThat(text(first.receive(RECEIVE_MILLIS))).isEqualTo("a2");
            Message a3 = first.receive(RECEIVE_MILLIS);
            assertThat(text(a3)).isEqualTo("a3");
            a3.acknowledge();
        }
    }

    /** Two groups interleaved, one consumer: both peers deliver each group in send order. */
    @DifferentialTest
    void eachGroupKeepsItsOrder(Peer peer) throws Exception {
        Broker b = BROKERS.open(peer);
        Connection c = b.connection();
        c.start();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = s.createQueue(b.fifoQueueName("two-groups"));
        MessageProducer p = s.createProducer(q);
        for (int i = 0; i < 5; i++) {
            for (String g : List.of("A", "B")) {
                TextMessage m = s.createTextMessage(g + i);
                m.setStringProperty("JMSXGroupID", g);
                p.send(m);
            }
        }
        MessageConsumer consumer = s.createConsumer(q);
        List<String> a = new ArrayList<>();
        List<String> bs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Message m = consumer.receive(RECEIVE_MILLIS);
            (m.getStringProperty("JMSXGroupID").equals("A") ? a : bs).add(text(m));
        }
        assertThat(a).containsExactly("A0", "A1", "A2", "A3", "A4");
        assertThat(bs).containsExactly("B0", "B1", "B2", "B3", "B4");
    }

    /** JMSXGroupID on a plain (standard) queue is an ordinary property the receiver sees. */
    @DifferentialTest
    void groupIdOnAPlainQueueReachesTheReceiver(Peer peer) throws Exception {
        Broker b = BROKERS.open(peer);
        Connection c = b.connection();
        c.start();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = s.createQueue(b.queueName("plain-group"));
        TextMessage m = s.createTextMessage("grouped");
        m.setStringProperty("JMSXGroupID", "G");
        m.setIntProperty("JMSXGroupSeq", 1);
        s.createProducer(q).send(m);
        Message got = s.createConsumer(q).receive(RECEIVE_MILLIS);
        assertThat(text(got)).isEqualTo("grouped");
        assertThat(got.getStringProperty("JMSXGroupID")).isEqualTo("G");
        assertThat(got.getIntProperty("JMSXGroupSeq")).isEqualTo(1);
    }

    /**
     * A message rolled back {@code max} times goes to the dead-letter queue, an ordinary queue a consumer
     * reads. Artemis: address settings max-delivery-attempts and dead-letter-address. Sluice: RedrivePolicy
     * maxReceiveCount on the source queue.
     */
    @DifferentialTest
    void redeliveryLimitMovesTheMessageToTheDeadLetterQueue(Peer peer) throws Exception {
        Broker b = BROKERS.open(peer);
        String source = b.queueName("poison");
        String dead = b.queueName("poison-dlq");
        b.deadLetter(source, dead, 3);
        Connection c = b.connection();
        c.start();
        Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
        Queue q = tx.createQueue(source);
        MessageProducer p = tx.createProducer(q);
        TextMessage poison = tx.createTextMessage("poison");
        poison.setStringProperty("origin", "test");
        p.send(poison);
        p.send(tx.createTextMessage("healthy"));
        tx.commit();

        MessageConsumer consumer = tx.createConsumer(q);
        for (int delivery = 1; delivery <= 3; delivery++) {
            Message m = consumer.receive(RECEIVE_MILLIS);
            assertThat(text(m)).isEqualTo("poison");
            assertThat(m.getIntProperty("JMSXDeliveryCount")).isEqualTo(delivery);
            assertThat(m.getJMSRedelivered()).isEqualTo(delivery > 1);
            tx.rollback();
        }
        Session look = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        if (b.isSluice()) {
            // SQS moves a message to the dead-letter queue on the receive after its last allowed one, not when
            // the last delivery fails: until someone receives from the source again, it is still there
            assertThat(browse(look, look.createQueue(source))).containsExactly("poison", "healthy");
            assertThat(browse(look, look.createQueue(dead))).isEmpty();
        } else {
            // Artemis moves it as the last delivery is rolled back (the source is not browsed: Artemis's consumer
            // has already prefetched "healthy", which a browser then does not see)
            assertThat(browse(look, look.createQueue(dead))).containsExactly("poison");
        }
        // the fourth delivery does not happen: the next message is the healthy one
        assertThat(text(consumer.receive(RECEIVE_MILLIS))).isEqualTo("healthy");
        tx.commit();
        assertThat(consumer.receive(NOTHING_MILLIS)).isNull();
        consumer.close();

        Session plain = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Message dead1 = plain.createConsumer(plain.createQueue(dead)).receive(RECEIVE_MILLIS);
        assertThat(text(dead1)).isEqualTo("poison");
        assertThat(dead1.getStringProperty("origin")).isEqualTo("test");
        assertThat(dead1.getJMSMessageID()).isEqualTo(poison.getJMSMessageID());
        if (b.isSluice()) {
            // SQS moves the message itself: its receive count goes on (3 receives + this one)
            assertThat(dead1.getIntProperty("JMSXDeliveryCount")).isEqualTo(4);
        } else {
            // Artemis sends a copy to the dead-letter address: a first delivery there
            assertThat(dead1.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
        }
    }
}
