package dev.sluice.jms.spec.subscription;

import dev.sluice.jms.spec.Broker;
import jakarta.jms.InvalidSelectorException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicPublisher;
import jakarta.jms.TopicSession;
import jakarta.jms.TopicSubscriber;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Jakarta Messaging 3.1, chapter 6.11.1 (unshared non-durable subscriptions) and chapter 4 / the classic
 * TopicSession API: every active subscriber receives every message published while it exists.
 */
class NonDurableSubscriptionTest {

    @Test
    void everyActiveSubscriberReceivesEveryPublishedMessageWithThePublishersIdAndTheTopic() throws Exception {
        try (Broker b = Broker.realTime()) {
            TopicConnection c = b.factory().createTopicConnection();
            try (c) {
                c.start();
                TopicSession s = c.createTopicSession(false, Session.AUTO_ACKNOWLEDGE);
                Topic prices = s.createTopic("prices");
                TopicSubscriber first = s.createSubscriber(prices);
                TopicSubscriber second = s.createSubscriber(prices);
                TopicPublisher publisher = s.createPublisher(prices);
                TextMessage sent = s.createTextMessage("42.0");
                publisher.publish(sent);

                for (TopicSubscriber sub : new TopicSubscriber[]{first, second}) {
                    TextMessage got = (TextMessage) sub.receive(5000);
                    assertThat(got.getText()).isEqualTo("42.0");
                    assertThat(got.getJMSMessageID()).isEqualTo(sent.getJMSMessageID());
                    assertThat(got.getJMSDestination()).isEqualTo(prices);
                    assertThat(java.util.Collections.list(got.getPropertyNames())).as("no provider attribute leaks")
                            .containsOnly("JMSXDeliveryCount");
                    assertThat(sub.receiveNoWait()).isNull();
                }
                assertThat(publisher.getTopic()).isEqualTo(prices);
                assertThat(first.getTopic()).isEqualTo(prices);
                assertThat(first.getNoLocal()).isFalse();
            }
        }
    }

    @Test
    void messagesPublishedBeforeTheSubscriptionOrAfterItClosedAreNotReceived() throws Exception {
        try (Broker b = Broker.realTime()) {
            Session s = b.started().createSession();
            Topic t = s.createTopic("news");
            s.createProducer(t).send(s.createTextMessage("too early"));
            MessageConsumer sub = s.createConsumer(t);
            s.createProducer(t).send(s.createTextMessage("on time"));
            assertThat(((TextMessage) sub.receive(5000)).getText()).isEqualTo("on time");
            assertThat(sub.receiveNoWait()).isNull();
            sub.close();
            assertThat(b.engine().subscriptionQueues("news")).isEmpty();
        }
    }

    @Test
    void noLocalLeavesOutMessagesPublishedByTheSubscribersOwnConnection() throws Exception {
        try (Broker b = Broker.realTime()) {
            Session mine = b.started().createSession();
            Session other = b.started().createSession();
            Topic t = mine.createTopic("chat");
            TopicSubscriber sub = (TopicSubscriber) mine.createConsumer(t, null, true);
            mine.createProducer(t).send(mine.createTextMessage("echo"));
            other.createProducer(t).send(other.createTextMessage("hello"));

            assertThat(((TextMessage) sub.receive(5000)).getText()).isEqualTo("hello");
            assertThat(sub.receiveNoWait()).isNull();
            assertThat(sub.getNoLocal()).isTrue();
        }
    }

    @Test
    void aSelectorChoosesWhichPublishedMessagesTheSubscriptionGets() throws Exception {
        try (Broker b = Broker.realTime()) {
            Session s = b.started().createSession();
            Topic t = s.createTopic("orders");
            MessageConsumer eu = s.createConsumer(t, "region = 'EU'");
            for (String region : new String[]{"US", "EU", "APAC"}) {
                Message m = s.createTextMessage(region);
                m.setStringProperty("region", region);
                s.createProducer(t).send(m);
            }
            assertThat(((TextMessage) eu.receive(5000)).getText()).isEqualTo("EU");
            assertThat(eu.receiveNoWait()).isNull();
            assertThat(eu.getMessageSelector()).isEqualTo("region = 'EU'");
            assertThatThrownBy(() -> s.createConsumer(t, "region = "))
                    .isInstanceOf(InvalidSelectorException.class).hasMessageContaining("region = ");
        }
    }

    @Test
    void aRequestCanNameATemporaryTopicAsItsReplyTo() throws Exception {
        try (Broker b = Broker.realTime()) {
            Session requester = b.started().createSession();
            Session responder = b.started().createSession();
            jakarta.jms.TemporaryTopic replies = requester.createTemporaryTopic();
            MessageConsumer replyConsumer = requester.createConsumer(replies);
            Topic requests = requester.createTopic("requests");
            MessageConsumer serve = responder.createConsumer(requests);
            Message request = requester.createTextMessage("ping");
            request.setJMSReplyTo(replies);
            requester.createProducer(requests).send(request);

            Message got = serve.receive(5000);
            assertThat(((Topic) got.getJMSReplyTo()).getTopicName()).isEqualTo(replies.getTopicName());
            Message reply = responder.createTextMessage("pong");
            reply.setJMSCorrelationID(got.getJMSMessageID());
            responder.createProducer(got.getJMSReplyTo()).send(reply);

            Message answer = replyConsumer.receive(5000);
            assertThat(((TextMessage) answer).getText()).isEqualTo("pong");
            assertThat(answer.getJMSCorrelationID()).isEqualTo(request.getJMSMessageID());
        }
    }

    @Test
    void aTransactedPublishReachesSubscribersOnlyOnCommit() throws Exception {
        try (Broker b = Broker.realTime()) {
            Session tx = b.started().createSession(Session.SESSION_TRANSACTED);
            Session s = b.started().createSession();
            Topic t = s.createTopic("ledger");
            MessageConsumer sub = s.createConsumer(t);
            tx.createProducer(t).send(tx.createTextMessage("rolled back"));
            tx.rollback();
            TextMessage kept = tx.createTextMessage("committed");
            tx.createProducer(t).send(kept);
            assertThat(sub.receiveNoWait()).isNull();
            tx.commit();
            Message got = sub.receive(5000);
            assertThat(((TextMessage) got).getText()).isEqualTo("committed");
            assertThat(got.getJMSMessageID()).isEqualTo(kept.getJMSMessageID());
            assertThat(sub.receiveNoWait()).isNull();
        }
    }
}
