package dev.sluice.jms.spec.temptopic;

import dev.sluice.jms.spec.Broker;
import jakarta.jms.Connection;
import jakarta.jms.Destination;
import jakarta.jms.JMSContext;
import jakarta.jms.InvalidDestinationRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.Topic;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Jakarta Messaging 3.1, chapter 6.2.8 / TemporaryTopic: a topic only its own connection may subscribe to. */
class TemporaryTopicTest {

    @Test
    void anotherConnectionMayPublishToItButNotSubscribe() throws Exception {
        try (Broker b = Broker.realTime()) {
            Session owner = b.started().createSession();
            TemporaryTopic tt = owner.createTemporaryTopic();
            assertThat(tt.getTopicName()).isNotBlank().isNotEqualTo(owner.createTemporaryTopic().getTopicName());
            MessageConsumer sub = owner.createConsumer(tt);
            Session other = b.started().createSession();
            assertThatThrownBy(() -> other.createConsumer(tt)).isInstanceOf(InvalidDestinationException.class)
                    .hasMessageContaining(tt.getTopicName());
            other.createProducer(tt).send(other.createTextMessage("to owner"));
            assertThat(((TextMessage) sub.receive(5000)).getText()).isEqualTo("to owner");
        }
    }

    @Test
    void deletingItWhileSubscribedIsIllegal() throws Exception {
        try (Broker b = Broker.realTime()) {
            Connection c = b.started();
            Session s = c.createSession();
            TemporaryTopic tt = s.createTemporaryTopic();
            MessageConsumer sub = s.createConsumer(tt);
            assertThatThrownBy(tt::delete).isInstanceOf(IllegalStateException.class);
            sub.close();
            tt.delete();
            assertThatThrownBy(() -> s.createProducer(tt).send(s.createTextMessage("x")))
                    .isInstanceOf(InvalidDestinationException.class).hasMessageContaining(tt.getTopicName());
            assertThatThrownBy(() -> s.createConsumer(tt)).isInstanceOf(InvalidDestinationException.class);
        }
    }

    @Test
    void itCannotBeUsedAfterItsConnectionClosed() throws Exception {
        try (Broker b = Broker.realTime()) {
            Connection owner = b.started();
            TemporaryTopic tt = owner.createSession().createTemporaryTopic();
            owner.close();
            Session other = b.started().createSession();
            assertThatThrownBy(() -> other.createProducer(null).send(tt, other.createTextMessage("gone")))
                    .isInstanceOf(InvalidDestinationException.class);
        }
    }

    /** Session.createDurableConsumer and friends: "@param topic the non-temporary Topic to subscribe to". */
    @Test
    void itCannotHaveADurableSubscription() throws Exception {
        try (Broker b = Broker.realTime()) {
            Connection c = b.connection();
            c.setClientID("owner");
            Session s = c.createSession();
            TemporaryTopic tt = s.createTemporaryTopic();
            assertThatThrownBy(() -> s.createDurableConsumer(tt, "d")).isInstanceOf(InvalidDestinationException.class)
                    .hasMessageContaining(tt.getTopicName());
            assertThatThrownBy(() -> s.createDurableSubscriber(tt, "d", null, false))
                    .isInstanceOf(InvalidDestinationException.class);
            assertThatThrownBy(() -> s.createSharedDurableConsumer(tt, "d"))
                    .isInstanceOf(InvalidDestinationException.class);
            // nor through a plain topic of its name
            Topic byName = s.createTopic(tt.getTopicName());
            assertThatThrownBy(() -> s.createSharedDurableConsumer(byName, "d"))
                    .isInstanceOf(InvalidDestinationException.class);
            s.createSharedConsumer(tt, "not durable").close();
        }
    }

    @Test
    void itCannotHaveADurableSubscriptionThroughTheSimplifiedApi() throws Exception {
        try (Broker b = Broker.realTime(); JMSContext ctx = b.context(JMSContext.AUTO_ACKNOWLEDGE)) {
            ctx.setClientID("owner");
            TemporaryTopic tt = ctx.createTemporaryTopic();
            assertThatThrownBy(() -> ctx.createDurableConsumer(tt, "d"))
                    .isInstanceOf(InvalidDestinationRuntimeException.class);
            assertThatThrownBy(() -> ctx.createSharedDurableConsumer(tt, "d"))
                    .isInstanceOf(InvalidDestinationRuntimeException.class);
        }
    }

    /** Deleted is a state of the topic, not of the owner's object: a reply-to copy of it cannot be used either. */
    @Test
    void onceDeletedItCannotBeUsedThroughAnotherReferenceToIt() throws Exception {
        try (Broker b = Broker.realTime()) {
            Session owner = b.started().createSession();
            TemporaryTopic tt = owner.createTemporaryTopic();
            Session other = b.started().createSession();
            Topic copy = other.createTopic(tt.getTopicName()); // as a JMSReplyTo read from a message is
            // while it lives, only its connection may subscribe, whatever object names it
            assertThatThrownBy(() -> other.createConsumer(copy)).isInstanceOf(InvalidDestinationException.class)
                    .hasMessageContaining(tt.getTopicName());
            other.createProducer(copy).send(other.createTextMessage("while it lives"));

            tt.delete();

            assertThatThrownBy(() -> other.createProducer(copy).send(other.createTextMessage("x")))
                    .isInstanceOf(InvalidDestinationException.class).hasMessageContaining(tt.getTopicName());
            assertThatThrownBy(() -> other.createProducer(null).send(copy, other.createTextMessage("x")))
                    .isInstanceOf(InvalidDestinationException.class);
            assertThatThrownBy(() -> owner.createConsumer(owner.createTopic(tt.getTopicName())))
                    .isInstanceOf(InvalidDestinationException.class);
        }
    }

    @Test
    void onceItsConnectionClosedItCannotBeUsedThroughAReplyToCopy() throws Exception {
        try (Broker b = Broker.realTime()) {
            Connection requester = b.started();
            Session rs = requester.createSession();
            TemporaryTopic replies = rs.createTemporaryTopic();
            Queue requests = rs.createQueue("requests");
            Message request = rs.createTextMessage("q");
            request.setJMSReplyTo(replies);
            rs.createProducer(requests).send(request);
            requester.close();

            Session server = b.started().createSession();
            Destination replyTo = server.createConsumer(requests).receive(5000).getJMSReplyTo();
            assertThat(replyTo).isInstanceOf(Topic.class);
            assertThatThrownBy(() -> server.createProducer(null).send(replyTo, server.createTextMessage("a")))
                    .isInstanceOf(InvalidDestinationException.class);
        }
    }
}
