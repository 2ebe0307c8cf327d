package dev.sluice.jms.differential;

import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Topics and subscriptions: fan-out, durable, shared, noLocal, selectors, unsubscribe, transactions. */
class TopicDifferentialTest {

    @RegisterExtension
    static final Brokers BROKERS = new Brokers();

    private static final long RECEIVE_MILLIS = 5_000;
    /** How long a receive waits before we conclude there is nothing for it: a bounded negative check. */
    private static final long NOTHING_MILLIS = 300;

    private static String text(Message m) throws Exception {
        assertThat(m).as("a message").isNotNull();
        return ((TextMessage) m).getText();
    }

    private static Message publish(Session s, Topic t, String text, String region) throws Exception {
        MessageProducer p = s.createProducer(t);
        Message m = s.createTextMessage(text);
        if (region != null) {
            m.setStringProperty("region", region);
        }
        p.send(m);
        p.close();
        return m;
    }

    private static Connection connection(Broker b, String clientId) throws Exception {
        Connection c = b.connection();
        if (clientId != null) {
            c.setClientID(clientId);
        }
        c.start();
        return c;
    }

    @DifferentialTest
    void everySubscriberGetsTheMessageWithThePublishersIdAndTheTopicAsDestination(Peer peer) throws Exception {
        Broker b = BROKERS.open(peer);
        Session s = connection(b, null).createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic t = s.createTopic(b.queueName("prices"));
        MessageConsumer first = s.createConsumer(t);
        MessageConsumer second = s.createConsumer(t);
        Message sent = publish(s, t, "42", null);
        for (MessageConsumer c : List.of(first, second)) {
            Message got = c.receive(RECEIVE_MILLIS);
            assertThat(text(got)).isEqualTo("42");
            assertThat(got.getJMSMessageID()).isEqualTo(sent.getJMSMessageID());
            assertThat(((Topic) got.getJMSDestination()).getTopicName()).isEqualTo(t.getTopicName());
            assertThat(c.receive(NOTHING_MILLIS)).isNull();
        }
    }

    @DifferentialTest
    void aDurableSubscriptionWithASelectorRetainsOnlyMatchingMessagesWhileOffline(Peer peer) throws Exception {
        Broker b = BROKERS.open(peer);
        String clientId = b.queueName("client");
        Connection c = connection(b, clientId);
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic t = s.createTopic(b.queueName("orders"));
        s.createDurableConsumer(t, "eu", "region = 'EU'", false).close();
        publish(s, t, "us-1", "US");
        publish(s, t, "eu-1", "EU");
        publish(s, t, "eu-2", "EU");

        MessageConsumer back = s.createDurableConsumer(t, "eu", "region = 'EU'", false);
        assertThat(List.of(text(back.receive(RECEIVE_MILLIS)), text(back.receive(RECEIVE_MILLIS))))
                .containsExactly("eu-1", "eu-2");
        assertThat(back.receive(NOTHING_MILLIS)).isNull();
        back.close();
        s.unsubscribe("eu");
    }

    @DifferentialTest
    void unsubscribeRefusesAnActiveSubscriptionAndAnUnknownName(Peer peer) throws Exception {
        Broker b = BROKERS.open(peer);
        Session s = connection(b, b.queueName("client")).createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic t = s.createTopic(b.queueName("events"));
        MessageConsumer c = s.createDurableConsumer(t, "sub");
        assertThatThrownBy(() -> s.unsubscribe("sub")).isInstanceOf(IllegalStateException.class);
        c.close();
        s.unsubscribe("sub");
        assertThatThrownBy(() -> s.unsubscribe("sub")).isInstanceOf(InvalidDestinationException.class);
    }

    @DifferentialTest
    void anUnsharedDurableSubscriptionNeedsAClientIdAndAcceptsOneConsumer(Peer peer) throws Exception {
        Broker b = BROKERS.open(peer);
        Session anonymous = connection(b, null).createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic t = anonymous.createTopic(b.queueName("events"));
        assertThatThrownBy(() -> anonymous.createDurableConsumer(t, "sub")).isInstanceOf(JMSException.class);

        Session s = connection(b, b.queueName("client")).createSession(false, Session.AUTO_ACKNOWLEDGE);
        s.createDurableConsumer(t, "sub");
        assertThatThrownBy(() -> s.createDurableConsumer(t, "sub")).isInstanceOf(JMSException.class);
    }

    @DifferentialTest
    void consumersOfASharedSubscriptionGetEachMessageOnce(Peer peer) throws Exception {
        Broker b = BROKERS.open(peer);
        Session s1 = connection(b, null).createSession(false, Session.AUTO_ACKNOWLEDGE);
        Session s2 = connection(b, null).createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic t = s1.createTopic(b.queueName("work"));
        String name = b.queueName("workers");
        MessageConsumer c1 = s1.createSharedConsumer(t, name);
        MessageConsumer c2 = s2.createSharedConsumer(t, name);
        for (int i = 0; i < 6; i++) {
            publish(s1, t, "job-" + i, null);
        }
        List<String> got = new ArrayList<>();
        while (got.size() < 6) {
            Message m = c1.receive(NOTHING_MILLIS);
            if (m == null) {
                m = c2.receive(RECEIVE_MILLIS);
            }
            got.add(text(m));
        }
        assertThat(got).containsExactlyInAnyOrder("job-0", "job-1", "job-2", "job-3", "job-4", "job-5");
        assertThat(c1.receive(NOTHING_MILLIS)).isNull();
        assertThat(c2.receive(NOTHING_MILLIS)).isNull();
    }

    @DifferentialTest
    void noLocalLeavesOutTheSubscribersOwnConnection(Peer peer) throws Exception {
        Broker b = BROKERS.open(peer);
        Session mine = connection(b, null).createSession(false, Session.AUTO_ACKNOWLEDGE);
        Session other = connection(b, null).createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic t = mine.createTopic(b.queueName("chat"));
        MessageConsumer c = mine.createConsumer(t, null, true);
        publish(mine, t, "echo", null);
        publish(other, t, "hello", null);
        assertThat(text(c.receive(RECEIVE_MILLIS))).isEqualTo("hello");
        assertThat(c.receive(NOTHING_MILLIS)).isNull();
    }

    @DifferentialTest
    void aRolledBackPublishReachesNobodyACommittedOneEveryone(Peer peer) throws Exception {
        Broker b = BROKERS.open(peer);
        Connection c = connection(b, null);
        Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic t = s.createTopic(b.queueName("ledger"));
        MessageConsumer sub = s.createConsumer(t);
        publish(tx, t, "rolled back", null);
        tx.rollback();
        publish(tx, t, "committed", null);
        tx.commit();
        assertThat(text(sub.receive(RECEIVE_MILLIS))).isEqualTo("committed");
        assertThat(sub.receive(NOTHING_MILLIS)).isNull();
    }
}
