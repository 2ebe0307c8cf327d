package dev.sluice.jms.backends;

import dev.sluice.jms.SluiceTopic;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The features SQS lacks (Capability): on the embedded engine they work; on an SQS endpoint they fail at once
 * with a JMSException that names the feature and the backend. None is skipped.
 */
class CapabilitySuiteTest {

    private static void refused(TestBackend backend, String feature, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(JMSException.class)
                .hasMessageContaining("Unsupported feature: " + feature)
                .hasMessageContaining("cannot offer it (Amazon SQS has no such feature)")
                .satisfies(e -> assertThat(((JMSException) e).getErrorCode()).isEqualTo("UnsupportedCapability"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sluice.jms.backends.Backends#all")
    void messageSelectors(TestBackend backend) throws Exception {
        try (Scenario s = Scenario.on(backend)) {
            Session session = s.started().createSession(Session.AUTO_ACKNOWLEDGE);
            Queue q = session.createQueue(s.queue("selectors"));
            if (backend.sqs()) {
                refused(backend, "message selectors", () -> session.createConsumer(q, "OrderId = '42'"));
                return;
            }
            MessageProducer p = session.createProducer(q);
            for (String id : new String[]{"41", "42"}) {
                TextMessage m = session.createTextMessage(id);
                m.setStringProperty("OrderId", id);
                p.send(m);
            }
            Message m = session.createConsumer(q, "OrderId = '42'").receive(10_000);
            assertThat(((TextMessage) m).getText()).isEqualTo("42");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sluice.jms.backends.Backends#all")
    void selectorsThroughJmsContext(TestBackend backend) throws Exception {
        try (JMSContext ctx = backend.factory("").createContext()) {
            Queue q = ctx.createQueue("ctx-selectors-" + backend.name());
            if (backend.sqs()) {
                assertThatThrownBy(() -> ctx.createConsumer(q, "a = 1")).isInstanceOf(JMSRuntimeException.class)
                        .hasMessageContaining("Unsupported feature: message selectors");
                return;
            }
            ctx.createConsumer(q, "a = 1").close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sluice.jms.backends.Backends#all")
    void queueBrowsing(TestBackend backend) throws Exception {
        try (Scenario s = Scenario.on(backend)) {
            Session session = s.started().createSession(Session.AUTO_ACKNOWLEDGE);
            Queue q = session.createQueue(s.queue("browse"));
            if (backend.sqs()) {
                refused(backend, "queue browsing", () -> session.createBrowser(q));
                return;
            }
            session.createProducer(q).send(session.createTextMessage("seen, not taken"));
            QueueBrowser b = session.createBrowser(q);
            assertThat(Collections.list(b.getEnumeration())).hasSize(1);
            assertThat(session.createConsumer(q).receive(10_000)).isNotNull();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sluice.jms.backends.Backends#all")
    void priorityOrdering(TestBackend backend) throws Exception {
        try (Scenario s = Scenario.on(backend)) {
            Session session = s.connection().createSession(Session.AUTO_ACKNOWLEDGE);
            Queue q = session.createQueue(s.queue("priority"));
            MessageProducer p = session.createProducer(q);
            if (backend.sqs()) {
                refused(backend, "priority ordering", () -> p.send(session.createTextMessage("urgent"),
                        Message.DEFAULT_DELIVERY_MODE, 9, 0));
                p.send(session.createTextMessage("default priority is fine"));
                return;
            }
            p.send(session.createTextMessage("low"), Message.DEFAULT_DELIVERY_MODE, 1, 0);
            p.send(session.createTextMessage("high"), Message.DEFAULT_DELIVERY_MODE, 9, 0);
            s.connection().start();
            MessageConsumer c = s.started().createSession(Session.AUTO_ACKNOWLEDGE).createConsumer(q);
            assertThat(((TextMessage) c.receive(10_000)).getText()).isEqualTo("high");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sluice.jms.backends.Backends#sqs")
    void priorityAsAHeaderOnlyWhenAskedFor(TestBackend backend) throws Exception {
        try (Scenario s = Scenario.on(backend, "ignorePriority=true")) {
            Session session = s.started().createSession(Session.AUTO_ACKNOWLEDGE);
            Queue q = session.createQueue(s.queue("priority-header"));
            session.createProducer(q).send(session.createTextMessage("p7"), Message.DEFAULT_DELIVERY_MODE, 7, 0);
            assertThat(session.createConsumer(q).receive(10_000).getJMSPriority()).isEqualTo(7);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sluice.jms.backends.Backends#all")
    void topics(TestBackend backend) throws Exception {
        try (Scenario s = Scenario.on(backend)) {
            Session session = s.started().createSession(Session.AUTO_ACKNOWLEDGE);
            if (backend.sqs()) {
                Topic foreign = new SluiceTopic("news");
                refused(backend, "topics", () -> session.createTopic("news"));
                refused(backend, "topics", session::createTemporaryTopic);
                refused(backend, "topics", () -> session.createConsumer(foreign));
                refused(backend, "topics", () -> session.createDurableConsumer(foreign, "d"));
                refused(backend, "topics", () -> session.createSharedConsumer(foreign, "s"));
                refused(backend, "topics", () -> session.createSharedDurableConsumer(foreign, "s"));
                refused(backend, "topics", () -> session.createProducer(foreign));
                refused(backend, "topics", () -> session.createProducer(null).send(foreign, session.createTextMessage("x")));
                refused(backend, "topics", () -> session.unsubscribe("d"));
                return;
            }
            Topic t = session.createTopic(s.queue("news"));
            MessageConsumer sub = session.createConsumer(t);
            session.createProducer(t).send(session.createTextMessage("fan-out"));
            assertThat(((TextMessage) sub.receive(10_000)).getText()).isEqualTo("fan-out");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sluice.jms.backends.Backends#all")
    void atomicTransactions(TestBackend backend) throws Exception {
        try (Scenario s = Scenario.on(backend, "transactions=atomic")) {
            if (backend.sqs()) {
                refused(backend, "atomic transactions", () -> s.connection().createSession(Session.SESSION_TRANSACTED));
                // without the setting, transactions are best effort there (TransactionSuiteTest)
                return;
            }
            Session tx = s.connection().createSession(Session.SESSION_TRANSACTED);
            assertThat(tx.getTransacted()).isTrue();
        }
    }
}
