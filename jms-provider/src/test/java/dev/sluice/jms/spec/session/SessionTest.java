package dev.sluice.jms.spec.session;

import dev.sluice.jms.spec.Broker;
import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageListener;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static dev.sluice.jms.spec.Sync.hold;
import static dev.sluice.jms.spec.Sync.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Jakarta Messaging 3.1, chapter 6.2: sessions. */
class SessionTest {

    @Test
    void createSessionWithoutArgumentsIsAutoAcknowledge() throws Exception {
        try (Broker b = Broker.realTime()) {
            Session s = b.connection().createSession();
            assertThat(s.getTransacted()).isFalse();
            assertThat(s.getAcknowledgeMode()).isEqualTo(Session.AUTO_ACKNOWLEDGE);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {Session.AUTO_ACKNOWLEDGE, Session.CLIENT_ACKNOWLEDGE, Session.DUPS_OK_ACKNOWLEDGE})
    void nonTransactedSessionsHaveTheirAcknowledgeMode(int mode) throws Exception {
        try (Broker b = Broker.realTime()) {
            Connection c = b.connection();
            for (Session s : new Session[] {c.createSession(mode), c.createSession(false, mode)}) {
                assertThat(s.getTransacted()).isFalse();
                assertThat(s.getAcknowledgeMode()).isEqualTo(mode);
            }
        }
    }

    @Test
    void transactedSessionsReportSessionTransactedWhateverTheAcknowledgeModeArgument() throws Exception {
        try (Broker b = Broker.realTime()) {
            Connection c = b.connection();
            for (Session s : new Session[] {c.createSession(Session.SESSION_TRANSACTED),
                    c.createSession(true, Session.CLIENT_ACKNOWLEDGE), c.createSession(true, 0)}) {
                assertThat(s.getTransacted()).isTrue();
                assertThat(s.getAcknowledgeMode()).isEqualTo(Session.SESSION_TRANSACTED);
            }
        }
    }

    @Test
    void anUnknownSessionModeIsRejected() throws Exception {
        try (Broker b = Broker.realTime()) {
            Connection c = b.connection();
            assertThatThrownBy(() -> c.createSession(42)).isInstanceOf(JMSException.class);
            assertThatThrownBy(() -> c.createSession(false, -5)).isInstanceOf(JMSException.class);
        }
    }

    /** createSession(boolean, int): a non-transacted session takes AUTO, CLIENT or DUPS_OK only. */
    @Test
    void aNonTransactedSessionCannotHaveTheTransactedMode() throws Exception {
        try (Broker b = Broker.realTime()) {
            Connection c = b.connection();
            assertThatThrownBy(() -> c.createSession(false, Session.SESSION_TRANSACTED))
                    .isInstanceOf(JMSException.class).hasMessageContaining("non-transacted");
            assertThatThrownBy(() -> ((jakarta.jms.QueueConnection) c).createQueueSession(false, Session.SESSION_TRANSACTED))
                    .isInstanceOf(JMSException.class);
        }
    }

    @Test
    void aClosedSessionAndItsObjectsThrowIllegalStateException() throws Exception {
        try (Broker b = Broker.realTime()) {
            Connection c = b.started();
            Session s = c.createSession(Session.CLIENT_ACKNOWLEDGE);
            Queue q = s.createQueue("closed");
            MessageProducer p = s.createProducer(q);
            MessageConsumer consumer = s.createConsumer(q);
            QueueBrowser browser = s.createBrowser(q);
            p.send(s.createTextMessage("m"));
            Message received = consumer.receive(5000);
            s.close();
            s.close(); // no-op

            assertThatThrownBy(s::createMessage).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(s::createTextMessage).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(s::createBytesMessage).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(s::createMapMessage).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(s::createStreamMessage).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(s::createObjectMessage).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(s::getTransacted).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(s::getAcknowledgeMode).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(s::commit).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(s::rollback).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(s::recover).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> s.createProducer(q)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> s.createConsumer(q)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> s.createBrowser(q)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> s.createQueue("x")).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(s::createTemporaryQueue).isInstanceOf(IllegalStateException.class);

            assertThatThrownBy(() -> p.send(received)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(p::getDeliveryMode).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(consumer::receiveNoWait).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> consumer.setMessageListener(m -> { })).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(browser::getEnumeration).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(received::acknowledge).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void closedProducerConsumerAndBrowserThrowIllegalStateException() throws Exception {
        try (Broker b = Broker.realTime()) {
            Session s = b.started().createSession();
            Queue q = s.createQueue("closed-objects");
            MessageProducer p = s.createProducer(q);
            MessageConsumer consumer = s.createConsumer(q);
            QueueBrowser browser = s.createBrowser(q);
            p.close();
            consumer.close();
            browser.close();
            p.close();
            consumer.close();
            browser.close();
            assertThatThrownBy(() -> p.send(s.createTextMessage("x"))).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(p::getPriority).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(consumer::receiveNoWait).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> consumer.receive(10)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(consumer::getMessageSelector).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(browser::getEnumeration).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(browser::getQueue).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aListenerClosingItsOwnSessionGetsIllegalStateException() throws Exception {
        try (Broker b = Broker.realTime()) {
            Session s = b.started().createSession();
            Queue q = s.createQueue("self-session");
            AtomicReference<Exception> thrown = new AtomicReference<>();
            CountDownLatch done = new CountDownLatch(1);
            s.createConsumer(q).setMessageListener(m -> {
                try {
                    s.close();
                } catch (Exception e) {
                    thrown.set(e);
                }
                done.countDown();
            });
            s.createProducer(q).send(s.createTextMessage("x"));
            assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(thrown.get()).isInstanceOf(IllegalStateException.class);
            assertThat(s.getAcknowledgeMode()).isEqualTo(Session.AUTO_ACKNOWLEDGE); // still open
        }
    }

    @Test
    void aListenerMayCloseItsOwnConsumer() throws Exception {
        try (Broker b = Broker.realTime()) {
            Session s = b.started().createSession();
            Queue q = s.createQueue("self-consumer");
            AtomicReference<Exception> thrown = new AtomicReference<>();
            AtomicInteger calls = new AtomicInteger();
            MessageConsumer[] consumer = new MessageConsumer[1];
            consumer[0] = s.createConsumer(q);
            consumer[0].setMessageListener(m -> {
                calls.incrementAndGet();
                try {
                    consumer[0].close();
                } catch (Exception e) {
                    thrown.set(e);
                }
            });
            MessageProducer p = s.createProducer(q);
            p.send(s.createTextMessage("1"));
            p.send(s.createTextMessage("2"));
            await().atMost(Duration.ofSeconds(5)).until(() -> calls.get() == 1);
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> calls.get() == 1);
            assertThat(thrown.get()).isNull();
        }
    }

    @Test
    void listenersOfOneSessionAreCalledOneAtATime() throws Exception {
        try (Broker b = Broker.realTime()) {
            Session s = b.started().createSession();
            Queue q1 = s.createQueue("serial-1");
            Queue q2 = s.createQueue("serial-2");
            AtomicInteger running = new AtomicInteger();
            AtomicInteger maxRunning = new AtomicInteger();
            AtomicInteger done = new AtomicInteger();
            jakarta.jms.MessageListener l = m -> {
                maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
                for (int i = 0; i < 1000; i++) {
                    Thread.yield(); // give a second delivery thread, if there were one, the chance to overlap
                }
                running.decrementAndGet();
                done.incrementAndGet();
            };
            s.createConsumer(q1).setMessageListener(l);
            s.createConsumer(q2).setMessageListener(l);
            Session sender = b.connection().createSession();
            MessageProducer p = sender.createProducer(null);
            for (int i = 0; i < 50; i++) {
                p.send(q1, sender.createTextMessage("a" + i));
                p.send(q2, sender.createTextMessage("b" + i));
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> done.get() == 100);
            assertThat(maxRunning.get()).isEqualTo(1);
        }
    }

    @Test
    void sessionCloseWaitsForARunningListener() throws Exception {
        try (Broker b = Broker.realTime()) {
            Session s = b.started().createSession();
            Queue q = s.createQueue("close-waits");
            CountDownLatch in = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            s.createConsumer(q).setMessageListener(m -> {
                in.countDown();
                hold(release);
            });
            s.createProducer(q).send(s.createTextMessage("x"));
            assertThat(in.await(5, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Void> close = CompletableFuture.runAsync(() -> run(s::close));
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> !close.isDone());
            release.countDown();
            close.get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void closingASessionEndsABlockedReceiveOfItsConsumer() throws Exception {
        try (Broker b = Broker.realTime()) {
            Session s = b.started().createSession();
            MessageConsumer consumer = s.createConsumer(s.createQueue("blocked"));
            CompletableFuture<Message> receive = CompletableFuture.supplyAsync(() -> {
                try {
                    return consumer.receive();
                } catch (JMSException e) {
                    throw new RuntimeException(e);
                }
            });
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !receive.isDone());
            s.close();
            assertThat(receive.get(5, TimeUnit.SECONDS)).isNull();
        }
    }

    private static Set<Thread> deliveryThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("sluice-session-"))
                .collect(Collectors.toSet());
    }

    /**
     * Sets a session's first listener and answers the delivery thread that starts for it, once that thread waits in
     * its long poll.
     */
    private static Thread firstListenerLongPolling(MessageConsumer consumer, MessageListener listener)
            throws JMSException {
        Set<Thread> before = deliveryThreads();
        consumer.setMessageListener(listener);
        Set<Thread> started = deliveryThreads();
        started.removeAll(before);
        assertThat(started).hasSize(1);
        Thread delivery = started.iterator().next();
        await().atMost(Duration.ofSeconds(10)).until(() -> longPolls(delivery));
        return delivery;
    }

    /** True while the thread waits in the engine's long poll (20 s here). */
    private static boolean longPolls(Thread t) {
        return t.getState() == Thread.State.TIMED_WAITING
                && Arrays.stream(t.getStackTrace()).anyMatch(f -> f.getMethodName().equals("awaitChange"));
    }

    /**
     * 6.2.3: a session serves all its listeners. A listener set on a second consumer while the delivery thread
     * waits on the first's queue is served at once, not when that long poll ends.
     */
    @Test
    void aListenerSetWhileTheSessionLongPollsForAnotherIsServedWithoutWaitingForThatPoll() throws Exception {
        try (Broker b = Broker.realTime("waitTimeSeconds=20")) {
            Session s = b.started().createSession();
            firstListenerLongPolling(s.createConsumer(s.createQueue("polled-idle")), m -> { });

            Queue busy = s.createQueue("polled-busy");
            Session sender = b.connection().createSession();
            sender.createProducer(busy).send(sender.createTextMessage("waiting"));
            CountDownLatch served = new CountDownLatch(1);
            s.createConsumer(busy).setMessageListener(m -> served.countDown());
            assertThat(served.await(10, TimeUnit.SECONDS)).as("served before the other's 20 s poll ended").isTrue();
        }
    }

    /** A listener removed while its long poll waits ends that poll: a message sent afterwards stays in the queue. */
    @Test
    void aListenerRemovedDuringItsLongPollEndsThePollAndTheNextMessageStaysForTheConsumer() throws Exception {
        try (Broker b = Broker.realTime("waitTimeSeconds=20")) {
            Session s = b.started().createSession();
            Queue q = s.createQueue("polled-removed");
            MessageConsumer consumer = s.createConsumer(q);
            AtomicInteger calls = new AtomicInteger();
            Thread delivery = firstListenerLongPolling(consumer, m -> calls.incrementAndGet());

            consumer.setMessageListener(null);
            await().atMost(Duration.ofSeconds(10)).until(() -> !longPolls(delivery));
            Session sender = b.connection().createSession();
            sender.createProducer(q).send(sender.createTextMessage("after removal"));
            Message m = consumer.receive(10_000);
            assertThat(m).isNotNull();
            assertThat(m.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
            assertThat(calls.get()).isZero();
        }
    }

    /** Closing a consumer with a listener ends the session's poll for it: the queue's next message is not touched. */
    @Test
    void closingAListeningConsumerEndsItsLongPollSoAnotherConsumerGetsAFirstDelivery() throws Exception {
        try (Broker b = Broker.realTime("waitTimeSeconds=20")) {
            Session s = b.started().createSession();
            Queue q = s.createQueue("polled-closed");
            MessageConsumer consumer = s.createConsumer(q);
            Thread delivery = firstListenerLongPolling(consumer, m -> { });

            consumer.close();
            await().atMost(Duration.ofSeconds(10)).until(() -> !longPolls(delivery));
            Session other = b.started().createSession();
            other.createProducer(q).send(other.createTextMessage("for the other consumer"));
            Message m = other.createConsumer(q).receive(10_000);
            assertThat(m).isNotNull();
            assertThat(m.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
            assertThat(m.getJMSRedelivered()).isFalse();
        }
    }
}
