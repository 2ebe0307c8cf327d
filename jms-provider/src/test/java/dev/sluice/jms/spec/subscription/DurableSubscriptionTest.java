package dev.sluice.jms.spec.subscription;

import dev.sluice.jms.spec.Broker;
import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Jakarta Messaging 3.1, chapter 6.11.3 (unshared durable subscriptions), 6.1.2 (the client identifier names
 * them) and Session.unsubscribe.
 */
class DurableSubscriptionTest {

    private static Connection withClientId(Broker b, String id) throws JMSException {
        Connection c = b.connection();
        c.setClientID(id);
        c.start();
        return c;
    }

    @Test
    void aDurableSubscriptionKeepsWhatIsPublishedWhileItsConsumerIsAway() throws Exception {
        try (Broker b = Broker.realTime()) {
            Connection first = withClientId(b, "billing");
            Session s = first.createSession();
            Topic t = s.createTopic("invoices");
            s.createDurableConsumer(t, "ledger").close();
            first.close();

            Session publisher = b.started().createSession();
            publisher.createProducer(t).send(publisher.createTextMessage("inv-1"));
            publisher.createProducer(t).send(publisher.createTextMessage("inv-2"));

            Session back = withClientId(b, "billing").createSession();
            MessageConsumer c = back.createDurableConsumer(t, "ledger");
            assertThat(((TextMessage) c.receive(5000)).getText()).isEqualTo("inv-1");
            assertThat(((TextMessage) c.receive(5000)).getText()).isEqualTo("inv-2");
            assertThat(c.receiveNoWait()).isNull();
        }
    }

    @Test
    void anUnsharedDurableSubscriptionNeedsAClientIdAndOneConsumerAtATime() throws Exception {
        try (Broker b = Broker.realTime()) {
            Session anonymous = b.started().createSession();
            Topic t = anonymous.createTopic("invoices");
            assertThatThrownBy(() -> anonymous.createDurableConsumer(t, "ledger"))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("ledger");

            Session s = withClientId(b, "billing").createSession();
            s.createDurableSubscriber(t, "ledger");
            assertThatThrownBy(() -> s.createDurableConsumer(t, "ledger"))
                    .isInstanceOf(JMSException.class).hasMessageContaining("ledger");
            assertThatThrownBy(() -> s.createSharedDurableConsumer(t, "ledger"))
                    .isInstanceOf(JMSException.class).hasMessageContaining("ledger");
            assertThatThrownBy(() -> s.createDurableConsumer(t, ""))
                    .isInstanceOf(JMSException.class).hasMessageContaining("''");
        }
    }

    @Test
    void unsubscribeDeletesTheSubscriptionAndRefusesUnknownOrActiveOnes() throws Exception {
        try (Broker b = Broker.realTime()) {
            Session s = withClientId(b, "billing").createSession();
            Topic t = s.createTopic("invoices");
            MessageConsumer c = s.createDurableConsumer(t, "ledger");
            assertThatThrownBy(() -> s.unsubscribe("ledger"))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("ledger");
            c.close();
            s.createProducer(t).send(s.createTextMessage("dropped with the subscription"));
            s.unsubscribe("ledger");
            assertThat(b.engine().subscriptionQueues("invoices")).isEmpty();
            assertThatThrownBy(() -> s.unsubscribe("ledger"))
                    .isInstanceOf(InvalidDestinationException.class).hasMessageContaining("ledger");
            assertThatThrownBy(() -> s.unsubscribe("never-existed"))
                    .isInstanceOf(InvalidDestinationException.class).hasMessageContaining("never-existed");

            MessageConsumer fresh = s.createDurableConsumer(t, "ledger");
            assertThat(fresh.receiveNoWait()).isNull();
        }
    }

    @Test
    void reSubscribingWithAnotherSelectorReplacesAnInactiveSubscription() throws Exception {
        try (Broker b = Broker.realTime()) {
            Session s = withClientId(b, "billing").createSession();
            Topic t = s.createTopic("invoices");
            s.createDurableConsumer(t, "ledger").close();
            Message old = s.createTextMessage("old");
            old.setIntProperty("amount", 5);
            s.createProducer(t).send(old);

            MessageConsumer big = s.createDurableConsumer(t, "ledger", "amount > 100", false);
            for (int amount : new int[]{50, 500}) {
                Message m = s.createTextMessage("amount " + amount);
                m.setIntProperty("amount", amount);
                s.createProducer(t).send(m);
            }
            assertThat(((TextMessage) big.receive(5000)).getText()).isEqualTo("amount 500");
            assertThat(big.receiveNoWait()).isNull();
        }
    }

    @Test
    void aDurableNoLocalSubscriptionLeavesOutItsClientsOwnMessages() throws Exception {
        try (Broker b = Broker.realTime()) {
            Session mine = withClientId(b, "billing").createSession();
            Topic t = mine.createTopic("invoices");
            MessageConsumer c = mine.createDurableConsumer(t, "ledger", null, true);
            mine.createProducer(t).send(mine.createTextMessage("mine"));
            Session other = b.started().createSession();
            other.createProducer(t).send(other.createTextMessage("theirs"));
            assertThat(((TextMessage) c.receive(5000)).getText()).isEqualTo("theirs");
            assertThat(c.receiveNoWait()).isNull();
        }
    }

    @Test
    void recoverRedeliversFromTheSubscriptionOnlyAndTheQueueIsVisibleThroughTheSqsApi() throws Exception {
        try (Broker b = Broker.realTime()) {
            Session s = withClientId(b, "billing").createSession(Session.CLIENT_ACKNOWLEDGE);
            Topic t = s.createTopic("invoices");
            MessageConsumer ledger = s.createDurableConsumer(t, "ledger");
            MessageConsumer other = s.createDurableConsumer(t, "other");
            s.createProducer(t).send(s.createTextMessage("inv"));
            assertThat(ledger.receive(5000).getJMSRedelivered()).isFalse();
            s.recover();
            Message again = ledger.receive(5000);
            assertThat(again.getJMSRedelivered()).isTrue();
            assertThat(again.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
            // the other subscription's copy is its own message: untouched by the first one's redelivery
            assertThat(other.receive(5000).getIntProperty("JMSXDeliveryCount")).isEqualTo(1);

            String queue = b.engine().listQueues("topic_invoices__billing-ledger_", null, null).queueNames().get(0);
            assertThat(b.engine().getQueueAttributes(queue, java.util.List.of("ApproximateNumberOfMessagesNotVisible")))
                    .containsEntry("ApproximateNumberOfMessagesNotVisible", "1");
        }
    }
}
