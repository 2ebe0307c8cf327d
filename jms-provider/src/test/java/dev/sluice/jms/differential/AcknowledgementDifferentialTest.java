package dev.sluice.jms.differential;

import dev.sluice.jms.SluiceConnectionFactory;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Acknowledgement modes, recover, transactions, and what happens to messages nobody acknowledged. */
class AcknowledgementDifferentialTest {

    @RegisterExtension
    static final Brokers BROKERS = new Brokers();

    private static final long RECEIVE_MILLIS = 5_000;
    /** How long a receive waits before we conclude there is nothing for it: a bounded negative check. */
    private static final long NOTHING_MILLIS = 500;

    private static void send(Session s, Queue q, String... texts) throws Exception {
        MessageProducer p = s.createProducer(q);
        for (String t : texts) {
            p.send(s.createTextMessage(t));
        }
        p.close();
    }

    private static String text(Message m) throws Exception {
        assertThat(m).as("a message").isNotNull();
        return ((TextMessage) m).getText();
    }

    /** Nothing is left on the queue for a fresh consumer in a fresh session. */
    private static void assertEmpty(Connection c, Queue q) throws Exception {
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer consumer = s.createConsumer(q);
        assertThat(consumer.receive(NOTHING_MILLIS)).isNull();
        s.close();
    }

    @DifferentialTest
    void autoAcknowledgeConsumesOnReceive(Peer peer) throws Exception {
        Broker b = BROKERS.open(peer);
        Connection c = b.connection();
        c.start();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = s.createQueue(b.queueName("auto"));
        send(s, q, "a", "b", "c");
        MessageConsumer consumer = s.createConsumer(q);
        List<String> got = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Message m = consumer.receive(RECEIVE_MILLIS);
            assertThat(m.getJMSRedelivered()).isFalse();
            got.add(text(m));
        }
        assertThat(got).containsExactly("a", "b", "c");
        s.close();
        assertEmpty(c, q);
    }

    @DifferentialTest
    void clientAcknowledgeAcknowledgesEverythingTheSessionConsumed(Peer peer) throws Exception {
        Broker b = BROKERS.open(peer);
        Connection c = b.connection();
        c.start();
        Session s = c.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        Queue q = s.createQueue(b.queueName("client"));
        send(s, q, "a", "b", "c");
        MessageConsumer consumer = s.createConsumer(q);
        Message first = consumer.receive(RECEIVE_MILLIS);
        Message second = consumer.receive(RECEIVE_MILLIS);
        Message third = consumer.receive(RECEIVE_MILLIS);
        assertThat(List.of(text(first), text(second), text(third))).containsExactly("a", "b", "c");
        // acknowledging the first message acknowledges the later ones too: acknowledgement is per session
        first.acknowledge();
        s.close();
        assertEmpty(c, q);
    }

    @DifferentialTest
    void recoverRedeliversUnacknowledgedMessages(Peer peer) throws Exception {
        Broker b = BROKERS.open(peer);
        Connection c = b.connection();
        c.start();
        Session s = c.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        Queue q = s.createQueue(b.queueName("recover"));
        send(s, q, "a", "b");
        MessageConsumer consumer = s.createConsumer(q);
        Message a = consumer.receive(RECEIVE_MILLIS);
        Message bee = consumer.receive(RECEIVE_MILLIS);
        assertThat(a.getJMSRedelivered()).isFalse();
        assertThat(a.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
        assertThat(List.of(text(a), text(bee))).containsExactly("a", "b");

        s.recover();

        Message a2 = consumer.receive(RECEIVE_MILLIS);
        Message b2 = consumer.receive(RECEIVE_MILLIS);
        assertThat(List.of(text(a2), text(b2))).containsExactly("a", "b");
        for (Message m : List.of(a2, b2)) {
            assertThat(m.getJMSRedelivered()).isTrue();
            assertThat(m.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
        }
        assertThat(a2.getJMSMessageID()).isEqualTo(a.getJMSMessageID());
        b2.acknowledge();
        assertThat(consumer.receive(NOTHING_MILLIS)).isNull();
        s.close();
        assertEmpty(c, q);
    }

    @DifferentialTest
    void transactedSendsAreInvisibleUntilCommit(Peer peer) throws Exception {
        Broker b = BROKERS.open(peer);
        Connection c = b.connection();
        c.start();
        Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
        Session plain = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = tx.createQueue(b.queueName("tx-send"));
        MessageConsumer watcher = plain.createConsumer(q);

        send(tx, q, "x", "y");
        assertThat(watcher.receive(NOTHING_MILLIS)).as("before commit").isNull();
        tx.commit();
        assertThat(List.of(text(watcher.receive(RECEIVE_MILLIS)), text(watcher.receive(RECEIVE_MILLIS))))
                .containsExactly("x", "y");

        send(tx, q, "rolled back");
        tx.rollback();
        send(tx, q, "committed");
        tx.commit();
        assertThat(text(watcher.receive(RECEIVE_MILLIS))).isEqualTo("committed");
        assertThat(watcher.receive(NOTHING_MILLIS)).isNull();
    }

    @DifferentialTest
    void rollbackRedeliversReceivedMessages(Peer peer) throws Exception {
        Broker b = BROKERS.open(peer);
        Connection c = b.connection();
        c.start();
        Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
        Queue q = tx.createQueue(b.queueName("tx-receive"));
        send(tx, q, "one", "two");
        tx.commit();

        MessageConsumer consumer = tx.createConsumer(q);
        Message one = consumer.receive(RECEIVE_MILLIS);
        Message two = consumer.receive(RECEIVE_MILLIS);
        assertThat(List.of(text(one), text(two))).containsExactly("one", "two");
        tx.rollback();

        Message again = consumer.receive(RECEIVE_MILLIS);
        assertThat(text(again)).isEqualTo("one");
        assertThat(again.getJMSRedelivered()).isTrue();
        assertThat(again.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
        Message twoAgain = consumer.receive(RECEIVE_MILLIS);
        assertThat(text(twoAgain)).isEqualTo("two");
        tx.commit();
        assertThat(consumer.receive(NOTHING_MILLIS)).isNull();
        tx.commit();
        assertEmpty(c, q);
    }

    /** A transaction that receives from one queue and sends to another moves the message as one unit. */
    @DifferentialTest
    void receiveAndSendInOneTransaction(Peer peer) throws Exception {
        Broker b = BROKERS.open(peer);
        Connection c = b.connection();
        c.start();
        Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
        Queue in = tx.createQueue(b.queueName("tx-in"));
        Queue out = tx.createQueue(b.queueName("tx-out"));
        send(tx, in, "work");
        tx.commit();
        MessageConsumer fromIn = tx.createConsumer(in);
        MessageProducer toOut = tx.createProducer(out);
        toOut.send(tx.createTextMessage("done: " + text(fromIn.receive(RECEIVE_MILLIS))));
        tx.commit();

        Session plain = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        assertThat(text(plain.createConsumer(out).receive(RECEIVE_MILLIS))).isEqualTo("done: work");
        fromIn.close();
        assertEmpty(c, in);
    }

    @DifferentialTest
    void listenerThatThrowsInAutoAcknowledgeGetsTheMessageAgain(Peer peer) throws Exception {
        Broker b = BROKERS.open(peer);
        Connection c = b.connection();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = s.createQueue(b.queueName("listener"));
        send(s, q, "fragile");
        List<String> deliveries = new CopyOnWriteArrayList<>();
        s.createConsumer(q).setMessageListener(m -> {
            try {
                deliveries.add(text(m) + " redelivered=" + m.getJMSRedelivered() + " count="
                        + m.getIntProperty("JMSXDeliveryCount"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            if (deliveries.size() == 1) {
                throw new RuntimeException("the listener fails the first time");
            }
        });
        c.start();
        await().atMost(10, TimeUnit.SECONDS).until(() -> deliveries.size() >= 2);
        c.stop();
        assertThat(deliveries).containsExactly("fragile redelivered=false count=1",
                "fragile redelivered=true count=2");
        s.close();
        assertEmpty(c, q);
    }

    /** A CLIENT_ACKNOWLEDGE message that is never acknowledged comes back once its session closes. */
    @DifferentialTest
    void unacknowledgedMessageReturnsWhenItsSessionCloses(Peer peer) throws Exception {
        Broker b = BROKERS.open(peer);
        Connection c = b.connection();
        c.start();
        Session s = c.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        Queue q = s.createQueue(b.queueName("abandoned"));
        send(s, q, "never acknowledged");
        Message m = s.createConsumer(q).receive(RECEIVE_MILLIS);
        assertThat(text(m)).isEqualTo("never acknowledged");
        s.close();

        Session other = c.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        Message again = other.createConsumer(q).receive(RECEIVE_MILLIS);
        assertThat(text(again)).isEqualTo("never acknowledged");
        assertThat(again.getJMSRedelivered()).isTrue();
        assertThat(again.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
        again.acknowledge();
        other.close();
        assertEmpty(c, q);
    }

    /**
     * The SQS difference: an unacknowledged CLIENT_ACKNOWLEDGE message is held by its session only for the
     * visibility timeout (here 1 s). After it, Sluice delivers it again — to another consumer, while the first
     * session is still open — with JMSRedelivered set. Artemis holds it for the open session indefinitely.
     */
    @DifferentialTest
    void unacknowledgedMessageWhileItsSessionIsOpen(Peer peer) throws Exception {
        Broker b = BROKERS.open(peer);
        if (b.isSluice()) {
            ((SluiceConnectionFactory) b.factory()).setVisibilityTimeout(1);
        }
        Connection c = b.connection();
        c.start();
        Session holder = c.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        Queue q = holder.createQueue(b.queueName("held"));
        send(holder, q, "held");
        Message held = holder.createConsumer(q).receive(RECEIVE_MILLIS);
        assertThat(text(held)).isEqualTo("held");

        Session other = c.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        MessageConsumer otherConsumer = other.createConsumer(q);
        if (b.isSluice()) {
            // SQS: the visibility timeout ended, so the message is visible again
            Message again = otherConsumer.receive(RECEIVE_MILLIS);
            assertThat(text(again)).isEqualTo("held");
            assertThat(again.getJMSRedelivered()).isTrue();
            assertThat(again.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
            again.acknowledge();
        } else {
            // classic JMS: the message belongs to the open session until it acknowledges, recovers or closes
            assertThat(otherConsumer.receive(2_000)).isNull();
            held.acknowledge();
        }
        holder.close();
        other.close();
        assertEmpty(c, q);
    }
}
