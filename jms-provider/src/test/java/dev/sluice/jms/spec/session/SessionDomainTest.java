package dev.sluice.jms.spec.session;

import dev.sluice.jms.spec.Broker;
import jakarta.jms.IllegalStateException;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicSession;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Jakarta Messaging 3.1, QueueSession and TopicSession: the other domain's methods throw IllegalStateException. */
class SessionDomainTest {

    @Test
    void aQueueSessionRefusesTopicMethods() throws Exception {
        try (Broker b = Broker.realTime()) {
            QueueConnection c = b.factory().createQueueConnection();
            try (c) {
                QueueSession s = c.createQueueSession(false, Session.AUTO_ACKNOWLEDGE);
                Topic t = b.factory().createContext().createTopic("news");
                List<ThrowingCallable> calls = List.of(() -> s.createTopic("news"), s::createTemporaryTopic,
                        () -> s.createDurableSubscriber(t, "d"), () -> s.createDurableConsumer(t, "d"),
                        () -> s.createSharedConsumer(t, "s"), () -> s.createSharedDurableConsumer(t, "s"),
                        () -> s.unsubscribe("d"));
                for (ThrowingCallable call : calls) {
                    assertThatThrownBy(call).isInstanceOf(IllegalStateException.class).hasMessageContaining("QueueSession");
                }
            }
        }
    }

    @Test
    void aTopicSessionRefusesQueueMethods() throws Exception {
        try (Broker b = Broker.realTime()) {
            TopicConnection c = b.factory().createTopicConnection();
            try (c) {
                TopicSession s = c.createTopicSession(false, Session.AUTO_ACKNOWLEDGE);
                List<ThrowingCallable> calls = List.of(() -> s.createQueue("q"), s::createTemporaryQueue,
                        () -> s.createBrowser(b.factory().createContext().createQueue("q")));
                for (ThrowingCallable call : calls) {
                    assertThatThrownBy(call).isInstanceOf(IllegalStateException.class).hasMessageContaining("TopicSession");
                }
            }
        }
    }
}
