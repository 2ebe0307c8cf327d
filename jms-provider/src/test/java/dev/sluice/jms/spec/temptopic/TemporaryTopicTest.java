package dev.sluice.jms.spec.temptopic;

import dev.sluice.jms.spec.Broker;
import jakarta.jms.Connection;
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
}
