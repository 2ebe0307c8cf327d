package dev.sluice.jms.spec.subscription;

import dev.sluice.jms.spec.Broker;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Jakarta Messaging 3.1, chapters 6.11.2 and 6.11.4 (shared non-durable and shared durable subscriptions):
 * the consumers of one shared subscription compete, each message goes to one of them.
 */
class SharedSubscriptionTest {

    @Test
    void consumersOfASharedSubscriptionOnDifferentConnectionsShareItsMessages() throws Exception {
        try (Broker b = Broker.realTime()) {
            Session s1 = b.started().createSession();
            Session s2 = b.started().createSession();
            Topic t = s1.createTopic("work");
            MessageConsumer c1 = s1.createSharedConsumer(t, "workers");
            MessageConsumer c2 = s2.createSharedConsumer(t, "workers");
            MessageConsumer audit = s1.createConsumer(t);
            for (int i = 0; i < 6; i++) {
                s1.createProducer(t).send(s1.createTextMessage("job-" + i));
            }
            List<String> shared = new ArrayList<>();
            drain(c1, shared);
            drain(c2, shared);
            assertThat(shared).containsExactlyInAnyOrder("job-0", "job-1", "job-2", "job-3", "job-4", "job-5");
            List<String> all = new ArrayList<>();
            drain(audit, all);
            assertThat(all).hasSize(6);
        }
    }

    @Test
    void aSharedNonDurableSubscriptionEndsWithItsLastConsumer() throws Exception {
        try (Broker b = Broker.realTime()) {
            Session s = b.started().createSession();
            Topic t = s.createTopic("work");
            MessageConsumer c1 = s.createSharedConsumer(t, "workers");
            MessageConsumer c2 = s.createSharedConsumer(t, "workers");
            c1.close();
            s.createProducer(t).send(s.createTextMessage("kept"));
            c2.close();
            s.createProducer(t).send(s.createTextMessage("nobody"));
            MessageConsumer again = s.createSharedConsumer(t, "workers");
            s.createProducer(t).send(s.createTextMessage("new"));
            assertThat(((TextMessage) again.receive(5000)).getText()).isEqualTo("new");
            assertThat(again.receiveNoWait()).isNull();
        }
    }

    @Test
    void aSharedDurableSubscriptionNeedsNoClientIdAndKeepsMessagesWhileNobodyConsumes() throws Exception {
        try (Broker b = Broker.realTime()) {
            Session s = b.started().createSession();
            Topic t = s.createTopic("events");
            s.createSharedDurableConsumer(t, "archive").close();
            s.createProducer(t).send(s.createTextMessage("while away"));
            Session later = b.started().createSession();
            MessageConsumer back = later.createSharedDurableConsumer(t, "archive");
            assertThat(((TextMessage) back.receive(5000)).getText()).isEqualTo("while away");
            back.close();
            later.unsubscribe("archive");
        }
    }

    @Test
    void aSharedSubscriptionInUseCannotChangeItsTopicOrSelector() throws Exception {
        try (Broker b = Broker.realTime()) {
            Session s = b.started().createSession();
            Topic t = s.createTopic("events");
            s.createSharedConsumer(t, "watchers");
            assertThatThrownBy(() -> s.createSharedConsumer(s.createTopic("other"), "watchers"))
                    .isInstanceOf(JMSException.class).hasMessageContaining("watchers").hasMessageContaining("other");
            assertThatThrownBy(() -> s.createSharedConsumer(t, "watchers", "x = 1"))
                    .isInstanceOf(JMSException.class).hasMessageContaining("x = 1");
        }
    }

    /** Session.createSharedDurableConsumer: durable and shared non-durable subscriptions of one name are separate. */
    @Test
    void aSharedNonDurableSubscriptionIsSeparateFromADurableOneOfTheSameNameAndClientId() throws Exception {
        try (Broker b = Broker.realTime()) {
            Connection c = b.connection();
            c.setClientID("app");
            c.start();
            Session s = c.createSession();
            Topic t = s.createTopic("events");
            MessageConsumer durable = s.createDurableConsumer(t, "x");
            MessageConsumer sharedDurable = s.createSharedDurableConsumer(t, "y");
            MessageConsumer sharedX = s.createSharedConsumer(t, "x");
            MessageConsumer sharedY = s.createSharedConsumer(t, "y");
            s.createProducer(t).send(s.createTextMessage("e"));
            for (MessageConsumer each : List.of(durable, sharedDurable, sharedX, sharedY)) {
                assertThat(((TextMessage) each.receive(5000)).getText()).isEqualTo("e");
                assertThat(each.receiveNoWait()).isNull();
            }
            // an unshared and a shared durable subscription of one name still conflict
            assertThatThrownBy(() -> s.createSharedDurableConsumer(t, "x"))
                    .isInstanceOf(JMSException.class).hasMessageContaining("x");
            sharedX.close();
            durable.close();
            s.unsubscribe("x");
            sharedDurable.close();
            s.unsubscribe("y");
        }
    }

    private static void drain(MessageConsumer c, List<String> into) throws JMSException {
        Message m;
        while ((m = c.receiveNoWait()) != null) {
            into.add(((TextMessage) m).getText());
        }
    }
}
