package dev.sluice.jms.spec.connection;

import dev.sluice.jms.SluiceMessageConsumer;
import dev.sluice.jms.spec.BlockingListener;
import dev.sluice.jms.spec.Broker;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidClientIDException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static dev.sluice.jms.spec.Sync.hold;
import static dev.sluice.jms.spec.Sync.run;
import static org.awaitility.Awaitility.await;

/** Jakarta Messaging 3.1, chapter 6.1: connections. */
class ConnectionTest {

    @Test
    void noMessageIsDeliveredBeforeStartAndDeliveryBeginsWithStart() throws Exception {
        try (Broker b = Broker.realTime()) {
            Connection c = b.connection();
            Session s = c.createSession();
            Queue q = s.createQueue("start");
            s.createProducer(q).send(s.createTextMessage("x"));
            MessageConsumer consumer = s.createConsumer(q);
            assertThat(consumer.receive(200)).isNull();
            assertThat(consumer.receiveNoWait()).isNull();
            c.start();
            assertThat(consumer.receive(5000)).isNotNull();
        }
    }

    @Test
    void stopPausesListenersAndStartResumesThem() throws Exception {
        try (Broker b = Broker.realTime()) {
            Connection c = b.started();
            Session s = c.createSession();
            Queue q = s.createQueue("pause");
            AtomicInteger got = new AtomicInteger();
            s.createConsumer(q).setMessageListener(m -> got.incrementAndGet());
            MessageProducer p = s.createProducer(q);
            p.send(s.createTextMessage("1"));
            await().atMost(Duration.ofSeconds(5)).until(() -> got.get() == 1);
            c.stop();
            p.send(s.createTextMessage("2"));
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> got.get() == 1);
            c.start();
            await().atMost(Duration.ofSeconds(5)).until(() -> got.get() == 2);
        }
    }

    /** Connection.stop: waiting receives "will not return with a message until the connection is restarted". */
    @Test
    void aReceiveWaitingWhenTheConnectionStopsReturnsNoMessageUntilItStarts() throws Exception {
        try (Broker b = Broker.realTime(); Connection other = b.connection()) {
            Connection c = b.started();
            Session s = c.createSession();
            Queue q = s.createQueue("stopreceive");
            MessageConsumer consumer = s.createConsumer(q);
            AtomicReference<Message> received = new AtomicReference<>();
            Thread receiver = new Thread(() -> run(() -> received.set(consumer.receive(2000))));
            receiver.start();
            awaitWaiting(receiver);
            c.stop();
            Session os = other.createSession();
            os.createProducer(q).send(os.createTextMessage("sent while stopped"));
            receiver.join(10_000);
            assertThat(receiver.isAlive()).isFalse();
            assertThat(received.get()).isNull();

            c.start();
            Message m = consumer.receive(5000);
            assertThat(((TextMessage) m).getText()).isEqualTo("sent while stopped");
            assertThat(m.getJMSRedelivered()).isFalse();
            assertThat(m.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
        }
    }

    /** JMSXDeliveryCount counts delivery attempts: a message that never reached the listener was not delivered. */
    @Test
    void aMessageTakenForAListenerWhileStoppedReachesItOnceAfterStartAsAFirstDelivery() throws Exception {
        try (Broker b = Broker.realTime(); Connection other = b.connection()) {
            Connection c = b.started();
            Session s = c.createSession();
            Queue q = s.createQueue("stoplistener");
            List<Message> got = new CopyOnWriteArrayList<>();
            Session os = other.createSession();
            holdThroughStop(b, c, s.createConsumer(q), got::add,
                    () -> os.createProducer(q).send(os.createTextMessage("sent while stopped")), "stoplistener");
            assertThat(got).isEmpty();

            c.start();
            await().atMost(Duration.ofSeconds(5)).until(() -> got.size() == 1);
            assertThat(got.get(0).getJMSRedelivered()).isFalse();
            assertThat(got.get(0).getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
        }
    }

    /** A message held through a stop gets a whole visibility timeout when it is delivered, not what was left. */
    @Test
    void aMessageHeldThroughAStopIsDeliveredWithAWholeVisibilityTimeout() throws Exception {
        try (Broker b = Broker.manual(); Connection other = b.started()) {
            Connection c = b.started();
            Session s = c.createSession();
            Queue q = s.createQueue("held-visibility");
            SluiceMessageConsumer consumer = (SluiceMessageConsumer) s.createConsumer(q);
            consumer.setVisibilityTimeout(4);
            CountDownLatch release = new CountDownLatch(1);
            List<Message> got = new CopyOnWriteArrayList<>();
            Session os = other.createSession();
            holdThroughStop(b, c, consumer, m -> {
                got.add(m);
                hold(release);
            }, () -> os.createProducer(q).send(os.createTextMessage("held")), "held-visibility");
            b.advanceSeconds(3);
            c.start();
            await().atMost(Duration.ofSeconds(5)).until(() -> got.size() == 1);
            b.advanceSeconds(2); // 5 s after the receive, 2 s after the delivery
            assertThat(os.createConsumer(q).receiveNoWait()).isNull();
            release.countDown();
        }
    }

    /** 3.4.9: a message that expires while held through a stop is not delivered after the start. */
    @Test
    void aMessageThatExpiresWhileHeldThroughAStopIsNotDelivered() throws Exception {
        try (Broker b = Broker.realTime(); Connection other = b.started()) {
            Connection c = b.started();
            Session s = c.createSession();
            Queue q = s.createQueue("held-expired");
            List<Message> got = new CopyOnWriteArrayList<>();
            Session os = other.createSession();
            TextMessage shortLived = os.createTextMessage("short-lived");
            holdThroughStop(b, c, s.createConsumer(q), got::add, () -> os.createProducer(q).send(shortLived,
                    Message.DEFAULT_DELIVERY_MODE, Message.DEFAULT_PRIORITY, 300), "held-expired");
            await().atMost(Duration.ofSeconds(5)).until(() -> System.currentTimeMillis() > shortLived.getJMSExpiration());
            c.start();
            await().atMost(Duration.ofSeconds(5)).until(() -> notVisible(b, "held-expired") == 0
                    && "0".equals(b.engine().getQueueAttributes("held-expired", List.of("ApproximateNumberOfMessages"))
                    .get("ApproximateNumberOfMessages")));
            assertThat(got).isEmpty();
        }
    }

    /** While a connection closes, no session of it starts a new delivery; the message stays for others. */
    @Test
    void whileItsConnectionClosesNoSessionStartsANewDelivery() throws Exception {
        try (Broker b = Broker.realTime(); Connection other = b.started()) {
            Connection c = b.started();
            Session slow = c.createSession();
            Session idle = c.createSession();
            Queue busy = slow.createQueue("closing-busy");
            Queue later = idle.createQueue("closing-later");
            BlockingListener listener = new BlockingListener();
            slow.createConsumer(busy).setMessageListener(listener);
            List<Message> gotLater = new CopyOnWriteArrayList<>();
            java.util.Set<Thread> others = deliveryThreads();
            idle.createConsumer(later).setMessageListener(gotLater::add);
            awaitNewDeliveryThreadWaiting(others);
            Session os = other.createSession();
            os.createProducer(busy).send(os.createTextMessage("slow work"));
            listener.awaitRunning();
            CompletableFuture<Void> close = CompletableFuture.runAsync(() -> run(c::close));
            await().atMost(Duration.ofSeconds(5)).until(() -> ((dev.sluice.jms.SluiceConnection) c).isClosing());
            os.createProducer(later).send(os.createTextMessage("sent while closing"));
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(gotLater::isEmpty);
            listener.release();
            close.get(10, TimeUnit.SECONDS);
            assertThat(gotLater).isEmpty();
            Message m = os.createConsumer(later).receive(5000);
            assertThat(((TextMessage) m).getText()).isEqualTo("sent while closing");
        }
    }

    @Test
    void aListenerCannotOpenANewSessionWhileItsConnectionCloses() throws Exception {
        try (Broker b = Broker.realTime()) {
            Connection c = b.started();
            Session s = c.createSession();
            Queue q = s.createQueue("closing-new-session");
            BlockingListener opener = new BlockingListener(() -> c.createSession().close());
            s.createConsumer(q).setMessageListener(opener);
            s.createProducer(q).send(s.createTextMessage("x"));
            opener.awaitRunning();
            CompletableFuture<Void> close = CompletableFuture.runAsync(() -> run(c::close));
            await().atMost(Duration.ofSeconds(5)).until(() -> ((dev.sluice.jms.SluiceConnection) c).isClosing());
            opener.release();
            close.get(10, TimeUnit.SECONDS);
            assertThat(opener.outcome()).isInstanceOf(IllegalStateException.class);
        }
    }

    /** close() returns only once closed, also when another thread's close of one of its sessions is under way. */
    @Test
    void aConnectionCloseWaitsForASessionCloseUnderWayElsewhere() throws Exception {
        try (Broker b = Broker.realTime()) {
            Connection c = b.started();
            Session s = c.createSession();
            Queue q = s.createQueue("close-twice");
            BlockingListener sender = new BlockingListener(
                    () -> s.createProducer(s.createQueue("close-twice-out")).send(s.createTextMessage("done")));
            s.createConsumer(q).setMessageListener(sender);
            s.createProducer(q).send(s.createTextMessage("x"));
            sender.awaitRunning();
            CompletableFuture<Void> sessionClose = CompletableFuture.runAsync(() -> run(s::close));
            await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> !sessionClose.isDone());
            CompletableFuture<Void> connectionClose = CompletableFuture.runAsync(() -> run(c::close));
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !connectionClose.isDone());
            sender.release();
            connectionClose.get(10, TimeUnit.SECONDS);
            sessionClose.get(10, TimeUnit.SECONDS);
            assertThat(sender.outcome()).isNull();
        }
    }

    /** A connection close that finds a session close under way returns only once that session is closed. */
    @Test
    void aConnectionCloseWaitsForASessionCloseThatWaitsForACompletionListener() throws Exception {
        try (Broker b = Broker.realTime()) {
            Connection c = b.started();
            Session s = c.createSession();
            Queue q = s.createQueue("close-during-completion");
            CountDownLatch inCallback = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            java.util.concurrent.atomic.AtomicBoolean callbackReturned = new java.util.concurrent.atomic.AtomicBoolean();
            s.createProducer(q).send(s.createTextMessage("async"), new jakarta.jms.CompletionListener() {
                @Override
                public void onCompletion(Message message) {
                    inCallback.countDown();
                    hold(release);
                    callbackReturned.set(true);
                }

                @Override
                public void onException(Message message, Exception exception) {
                }
            });
            assertThat(inCallback.await(5, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Void> sessionClose = CompletableFuture.runAsync(() -> run(s::close));
            await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> !sessionClose.isDone());
            CompletableFuture<Void> connectionClose = CompletableFuture.runAsync(() -> run(c::close));
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !connectionClose.isDone());
            release.countDown();
            connectionClose.get(10, TimeUnit.SECONDS);
            assertThat(callbackReturned).isTrue();
            sessionClose.get(10, TimeUnit.SECONDS);
        }
    }

    /**
     * Sets the listener, stops the connection while the listener's receive waits in the engine, then sends: the
     * waiting receive takes the message, which the consumer then holds (in flight, undelivered) until start.
     */
    private static void holdThroughStop(Broker b, Connection c, MessageConsumer consumer, jakarta.jms.MessageListener l,
                                        dev.sluice.jms.spec.Sync.JmsRun send, String queue) throws JMSException {
        java.util.Set<Thread> others = deliveryThreads();
        consumer.setMessageListener(l);
        awaitNewDeliveryThreadWaiting(others);
        c.stop();
        send.run();
        await().atMost(Duration.ofSeconds(5)).until(() -> notVisible(b, queue) == 1);
    }

    private static int notVisible(Broker b, String queue) {
        return Integer.parseInt(b.engine().getQueueAttributes(queue, List.of("ApproximateNumberOfMessagesNotVisible"))
                .get("ApproximateNumberOfMessagesNotVisible"));
    }

    private static void awaitNewDeliveryThreadWaiting(java.util.Set<Thread> others) {
        await().atMost(Duration.ofSeconds(5)).until(() -> deliveryThreads().stream()
                .anyMatch(t -> !others.contains(t) && t.getState() == Thread.State.TIMED_WAITING));
    }

    /** Sessions' delivery threads; the one a test's listener starts is the new one, waiting in the engine. */
    private static java.util.Set<Thread> deliveryThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("sluice-session-"))
                .collect(java.util.stream.Collectors.toSet());
    }

    /** Until the thread waits with a time limit: a receive waiting in the engine for a message. */
    private static void awaitWaiting(Thread thread) {
        await().atMost(Duration.ofSeconds(5)).until(() -> thread.getState() == Thread.State.TIMED_WAITING);
    }

    /** Connection.close: "the facilities of the connection and its sessions must remain available to those listeners". */
    @Test
    void aListenerRunningWhileItsConnectionClosesCanStillUseItsSession() throws Exception {
        try (Broker b = Broker.realTime(); Connection other = b.started()) {
            Connection c = b.started();
            Session s = c.createSession();
            Queue q = s.createQueue("close-while-listening");
            Queue replies = s.createQueue("close-replies");
            BlockingListener replier = new BlockingListener(
                    () -> s.createProducer(replies).send(s.createTextMessage("reply")));
            s.createConsumer(q).setMessageListener(replier);
            s.createProducer(q).send(s.createTextMessage("request"));
            replier.awaitRunning();
            CompletableFuture<Void> close = CompletableFuture.runAsync(() -> run(c::close));
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !close.isDone());
            replier.release();
            close.get(10, TimeUnit.SECONDS);
            assertThat(replier.outcome()).isNull();
            Message reply = other.createSession().createConsumer(replies).receive(5000);
            assertThat(((TextMessage) reply).getText()).isEqualTo("reply");
        }
    }

    @Test
    void stopWaitsForARunningListenerToReturn() throws Exception {
        try (Broker b = Broker.realTime()) {
            Connection c = b.started();
            Session s = c.createSession();
            Queue q = s.createQueue("stopwait");
            BlockingListener listener = new BlockingListener();
            s.createConsumer(q).setMessageListener(listener);
            s.createProducer(q).send(s.createTextMessage("slow"));
            listener.awaitRunning();
            CompletableFuture<Void> stop = CompletableFuture.runAsync(() -> run(c::stop));
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> !stop.isDone());
            listener.release();
            stop.get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void closeWaitsForARunningListenerAndClosesItsSessions() throws Exception {
        try (Broker b = Broker.realTime()) {
            Connection c = b.started();
            Session s = c.createSession();
            Queue q = s.createQueue("closewait");
            BlockingListener listener = new BlockingListener();
            s.createConsumer(q).setMessageListener(listener);
            s.createProducer(q).send(s.createTextMessage("slow"));
            listener.awaitRunning();
            CompletableFuture<Void> close = CompletableFuture.runAsync(() -> run(c::close));
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> !close.isDone());
            listener.release();
            close.get(5, TimeUnit.SECONDS);
            assertThatThrownBy(s::createTextMessage).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aClosedConnectionRefusesEverythingButClose() throws Exception {
        try (Broker b = Broker.realTime()) {
            Connection c = b.connection();
            c.close();
            c.close(); // closing again is a no-op
            assertThatThrownBy(c::createSession).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> c.createSession(false, Session.AUTO_ACKNOWLEDGE)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(c::start).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(c::stop).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(c::getClientID).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> c.setClientID("x")).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(c::getMetaData).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(c::getExceptionListener).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> c.setExceptionListener(e -> { })).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aListenerClosingItsOwnConnectionFailsWithIllegalStateAndTheConnectionStaysUsable() throws Exception {
        try (Broker b = Broker.realTime()) {
            Connection c = b.started();
            Session s = c.createSession();
            Queue q = s.createQueue("selfclose");
            AtomicReference<Exception> thrown = new AtomicReference<>();
            CountDownLatch done = new CountDownLatch(1);
            s.createConsumer(q).setMessageListener(m -> {
                try {
                    c.close();
                } catch (Exception e) {
                    thrown.set(e);
                }
                done.countDown();
            });
            s.createProducer(q).send(s.createTextMessage("x"));
            assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
            // the spec allows either outcome; Sluice refuses, and a refusal must leave the connection working
            assertThat(thrown.get()).isInstanceOf(IllegalStateException.class);
            Session other = c.createSession();
            other.createProducer(q).send(other.createTextMessage("still open"));
        }
    }

    @Test
    void exceptionListenerIsToldOfAFailureNoCallerCouldSee() throws Exception {
        try (Broker b = Broker.realTime()) {
            Connection c = b.started();
            AtomicReference<JMSException> reported = new AtomicReference<>();
            c.setExceptionListener(reported::set);
            assertThat(c.getExceptionListener()).isNotNull();
            Session s = c.createSession();
            Queue q = s.createQueue("vanishing");
            s.createConsumer(q).setMessageListener(m -> { });
            b.engine().deleteQueue("vanishing"); // the listener's queue disappears under it
            await().atMost(Duration.ofSeconds(10)).until(() -> reported.get() != null);
            assertThat(reported.get()).isInstanceOf(JMSException.class);
        }
    }

    @Test
    void clientIdIsUnsetUntilSetAndCanBeSetOnlyOnceBeforeUse() throws Exception {
        try (Broker b = Broker.realTime()) {
            Connection c = b.connection();
            assertThat(c.getClientID()).isNull();
            c.setClientID("app-1");
            assertThat(c.getClientID()).isEqualTo("app-1");
            assertThatThrownBy(() -> c.setClientID("app-2")).isInstanceOf(IllegalStateException.class);

            Connection used = b.connection();
            used.createSession();
            assertThatThrownBy(() -> used.setClientID("late")).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aClientIdInUseByAnotherConnectionIsRejected() throws Exception {
        try (Broker b = Broker.realTime()) {
            Connection first = b.connection();
            first.setClientID("unique-client");
            Connection second = b.connection();
            assertThatThrownBy(() -> second.setClientID("unique-client")).isInstanceOf(InvalidClientIDException.class);
            first.close();
            Connection third = b.connection();
            third.setClientID("unique-client"); // free again once its connection closed
        }
    }

    @Test
    void emptyClientIdIsInvalid() throws Exception {
        try (Broker b = Broker.realTime()) {
            Connection c = b.connection();
            assertThatThrownBy(() -> c.setClientID("")).isInstanceOf(InvalidClientIDException.class);
        }
    }

    @Test
    void metaDataNamesJakartaMessaging31AndTheSupportedJmsxProperties() throws Exception {
        try (Broker b = Broker.realTime()) {
            ConnectionMetaData md = b.connection().getMetaData();
            assertThat(md.getJMSVersion()).isEqualTo("3.1");
            assertThat(md.getJMSMajorVersion()).isEqualTo(3);
            assertThat(md.getJMSMinorVersion()).isEqualTo(1);
            assertThat(md.getJMSProviderName()).isNotBlank();
            assertThat(md.getProviderVersion()).isNotBlank();
            assertThat(Collections.list(md.getJMSXPropertyNames()))
                    .contains("JMSXDeliveryCount", "JMSXGroupID", "JMSXGroupSeq");
        }
    }
}
