package dev.sluice.jms.backends;

import dev.sluice.jms.spec.Sync;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * DESIGN.md rows AUTO/DUPS_OK, CLIENT_ACKNOWLEDGE, visibility timeout, recover, JMSXDeliveryCount: the same on
 * every backend. Visibility timeouts are 1–2 s of real time (the SQS endpoints run on the wall clock).
 */
class AcknowledgementSuiteTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sluice.jms.backends.Backends#all")
    void autoAcknowledgeDeletesOnReceipt(TestBackend backend) throws Exception {
        try (Scenario s = Scenario.on(backend, "visibilityTimeout=1")) {
            Session session = s.started().createSession(Session.AUTO_ACKNOWLEDGE);
            Queue q = session.createQueue(s.queue("auto"));
            session.createProducer(q).send(session.createTextMessage("once"));
            MessageConsumer c = session.createConsumer(q);
            assertThat(c.receive(10_000)).isNotNull();
            await().atMost(Duration.ofSeconds(10)).until(() -> backend.messagesIn(q.getQueueName()) == 0);
            // past the 1 s visibility timeout it does not come back
            assertThat(c.receive(2_000)).isNull();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sluice.jms.backends.Backends#all")
    void dupsOkAcknowledgesInBatches(TestBackend backend) throws Exception {
        try (Scenario s = Scenario.on(backend, "visibilityTimeout=1")) {
            Connection connection = s.started();
            Session producer = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Queue q = producer.createQueue(s.queue("dups"));
            MessageProducer p = producer.createProducer(q);
            for (int i = 0; i < 12; i++) {
                p.send(producer.createTextMessage("m" + i));
            }
            MessageConsumer c = connection.createSession(Session.DUPS_OK_ACKNOWLEDGE).createConsumer(q);
            for (int i = 0; i < 12; i++) {
                assertThat(c.receive(10_000)).as("message %d", i).isNotNull();
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> backend.messagesIn(q.getQueueName()) == 0);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sluice.jms.backends.Backends#all")
    void clientAcknowledgeRecoverRedeliversWithTheDeliveryCount(TestBackend backend) throws Exception {
        try (Scenario s = Scenario.on(backend)) {
            Session session = s.started().createSession(Session.CLIENT_ACKNOWLEDGE);
            Queue q = session.createQueue(s.queue("recover"));
            session.createProducer(q).send(session.createTextMessage("again"));
            MessageConsumer c = session.createConsumer(q);
            Message first = c.receive(10_000);
            assertThat(first.getJMSRedelivered()).isFalse();
            assertThat(first.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
            session.recover();
            Message second = c.receive(10_000);
            assertThat(second).isNotNull();
            assertThat(second.getJMSMessageID()).isEqualTo(first.getJMSMessageID());
            assertThat(second.getJMSRedelivered()).isTrue();
            assertThat(second.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
            second.acknowledge();
            await().atMost(Duration.ofSeconds(10)).until(() -> backend.messagesIn(q.getQueueName()) == 0);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sluice.jms.backends.Backends#all")
    void anUnacknowledgedMessageReturnsAfterTheVisibilityTimeout(TestBackend backend) throws Exception {
        try (Scenario s = Scenario.on(backend, "visibilityTimeout=1")) {
            Connection connection = s.started();
            Session holder = connection.createSession(Session.CLIENT_ACKNOWLEDGE);
            Queue q = holder.createQueue(s.queue("visibility"));
            holder.createProducer(q).send(holder.createTextMessage("held"));
            assertThat(holder.createConsumer(q).receive(10_000)).isNotNull();
            MessageConsumer other = connection.createSession(Session.CLIENT_ACKNOWLEDGE).createConsumer(q);
            Message back = other.receive(10_000);
            assertThat(back).as("returned after the 1 s visibility timeout").isNotNull();
            assertThat(back.getJMSRedelivered()).isTrue();
            assertThat(back.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
            back.acknowledge();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sluice.jms.backends.Backends#all")
    void aSlowListenerKeepsItsMessageInvisible(TestBackend backend) throws Exception {
        // 2 s, extended every second: a busy machine may delay an extension by a few hundred ms without harm
        try (Scenario s = Scenario.on(backend, "visibilityTimeout=2&waitTimeSeconds=1")) {
            Connection connection = s.started();
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Queue q = session.createQueue(s.queue("slow"));
            session.createProducer(q).send(session.createTextMessage("slow work"));
            CountDownLatch inListener = new CountDownLatch(1);
            CountDownLatch finish = new CountDownLatch(1);
            List<String> deliveries = new CopyOnWriteArrayList<>();
            session.createConsumer(q).setMessageListener(m -> {
                deliveries.add("listener");
                inListener.countDown();
                Sync.hold(finish);
            });
            assertThat(inListener.await(10, TimeUnit.SECONDS)).isTrue();
            MessageConsumer other = s.started().createSession(Session.AUTO_ACKNOWLEDGE).createConsumer(q);
            // two visibility timeouts pass while the listener works: its extension keeps the message from others
            AtomicReference<Message> stolen = new AtomicReference<>();
            await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(10))
                    .until(() -> stolen.compareAndSet(null, other.receiveNoWait()) || stolen.get() == null);
            assertThat(stolen.get()).isNull();
            finish.countDown();
            await().atMost(Duration.ofSeconds(10)).until(() -> backend.messagesIn(q.getQueueName()) == 0);
            assertThat(deliveries).containsExactly("listener");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sluice.jms.backends.Backends#all")
    void aListenerThatThrowsGetsTheMessageAgain(TestBackend backend) throws Exception {
        try (Scenario s = Scenario.on(backend, "waitTimeSeconds=1")) {
            Session session = s.started().createSession(Session.AUTO_ACKNOWLEDGE);
            Queue q = session.createQueue(s.queue("throws"));
            session.createProducer(q).send(session.createTextMessage("boom once"));
            List<Integer> counts = new CopyOnWriteArrayList<>();
            CountDownLatch twice = new CountDownLatch(2);
            session.createConsumer(q).setMessageListener(m -> {
                Sync.run(() -> counts.add(m.getIntProperty("JMSXDeliveryCount")));
                twice.countDown();
                if (counts.size() == 1) {
                    throw new IllegalStateException("first delivery fails");
                }
            });
            assertThat(twice.await(20, TimeUnit.SECONDS)).isTrue();
            assertThat(counts).containsExactly(1, 2);
            await().atMost(Duration.ofSeconds(10)).until(() -> backend.messagesIn(q.getQueueName()) == 0);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sluice.jms.backends.Backends#all")
    void unacknowledgedMessagesComeBackWhenTheSessionCloses(TestBackend backend) throws Exception {
        try (Scenario s = Scenario.on(backend)) {
            Connection connection = s.started();
            Session first = connection.createSession(Session.CLIENT_ACKNOWLEDGE);
            Queue q = first.createQueue(s.queue("close"));
            first.createProducer(q).send(first.createTextMessage("give back"));
            assertThat(first.createConsumer(q).receive(10_000)).isNotNull();
            first.close();
            Message again = connection.createSession(Session.AUTO_ACKNOWLEDGE).createConsumer(q).receive(10_000);
            assertThat(again).isNotNull();
            assertThat(((TextMessage) again).getText()).isEqualTo("give back");
            assertThat(again.getJMSRedelivered()).isTrue();
        }
    }
}
