package dev.sluice.jms.spec.consumer;

import dev.sluice.jms.spec.BlockingListener;
import dev.sluice.jms.spec.Broker;
import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Jakarta Messaging 3.1, chapter 8: receiving messages, synchronously and asynchronously. */
class ConsumerTest {

    @Test
    void receiveBlocksUntilAMessageArrives() throws Exception {
        try (Broker b = Broker.realTime()) {
            Session s = b.started().createSession();
            Queue q = s.createQueue("blocking");
            MessageConsumer c = s.createConsumer(q);
            CompletableFuture<Message> receive = CompletableFuture.supplyAsync(() -> receive(c));
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !receive.isDone());
            Session sender = b.connection().createSession();
            sender.createProducer(q).send(sender.createTextMessage("arrived"));
            assertThat(((TextMessage) receive.get(5, TimeUnit.SECONDS)).getText()).isEqualTo("arrived");
        }
    }

    @Test
    void receiveWithTimeoutReturnsNullWhenNothingArrivesInTime() throws Exception {
        try (Broker b = Broker.realTime()) {
            Session s = b.started().createSession();
            MessageConsumer c = s.createConsumer(s.createQueue("empty"));
            long start = System.nanoTime();
            assertThat(c.receive(300)).isNull();
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(250);
            assertThat(c.receiveNoWait()).isNull();
        }
    }

    @Test
    void receiveNoWaitReturnsAnAvailableMessage() throws Exception {
        try (Broker b = Broker.manual()) {
            Session s = b.started().createSession();
            Queue q = s.createQueue("nowait");
            s.createProducer(q).send(s.createTextMessage("here"));
            assertThat(((TextMessage) s.createConsumer(q).receiveNoWait()).getText()).isEqualTo("here");
        }
    }

    @Test
    void messagesOfOneSessionArriveInSendOrder() throws Exception {
        try (Broker b = Broker.realTime()) {
            Session s = b.started().createSession();
            Queue q = s.createQueue("ordered");
            MessageProducer p = s.createProducer(q);
            for (int i = 0; i < 100; i++) {
                p.send(s.createTextMessage("m" + i));
            }
            MessageConsumer c = s.createConsumer(q);
            for (int i = 0; i < 100; i++) {
                assertThat(((TextMessage) c.receive(5000)).getText()).isEqualTo("m" + i);
            }
        }
    }

    @Test
    void aListenerReceivesEveryMessage() throws Exception {
        try (Broker b = Broker.realTime()) {
            Connection conn = b.started();
            Session s = conn.createSession();
            Queue q = s.createQueue("listened");
            List<String> got = new CopyOnWriteArrayList<>();
            MessageConsumer c = s.createConsumer(q);
            jakarta.jms.MessageListener l = m -> got.add(text(m));
            c.setMessageListener(l);
            assertThat(c.getMessageListener()).isSameAs(l);
            MessageProducer p = b.connection().createSession().createProducer(q);
            for (int i = 0; i < 10; i++) {
                p.send(s.createTextMessage("m" + i));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> got.size() == 10);
            assertThat(got).containsExactly("m0", "m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9");
        }
    }

    @Test
    void synchronousReceiveOnAConsumerWithAListenerIsIllegal() throws Exception {
        try (Broker b = Broker.realTime()) {
            Session s = b.started().createSession();
            MessageConsumer c = s.createConsumer(s.createQueue("both"));
            c.setMessageListener(m -> { });
            assertThatThrownBy(c::receive).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> c.receive(10)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(c::receiveNoWait).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void closingAConsumerEndsABlockedReceiveWithNull() throws Exception {
        try (Broker b = Broker.realTime()) {
            Session s = b.started().createSession();
            MessageConsumer c = s.createConsumer(s.createQueue("interrupted"));
            CompletableFuture<Message> receive = CompletableFuture.supplyAsync(() -> receive(c));
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !receive.isDone());
            c.close();
            assertThat(receive.get(5, TimeUnit.SECONDS)).isNull();
        }
    }

    /** MessageConsumer.close "blocks until a receive or message listener in progress has completed". */
    @Test
    void closingAConsumerWaitsForItsRunningListener() throws Exception {
        try (Broker b = Broker.realTime()) {
            Session s = b.started().createSession();
            Queue q = s.createQueue("close-listener");
            BlockingListener listener = new BlockingListener();
            MessageConsumer consumer = s.createConsumer(q);
            consumer.setMessageListener(listener);
            s.createProducer(q).send(s.createTextMessage("slow"));
            listener.awaitRunning();
            CompletableFuture<Void> close = CompletableFuture.runAsync(() -> dev.sluice.jms.spec.Sync.run(consumer::close));
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> !close.isDone());
            listener.release();
            close.get(5, TimeUnit.SECONDS);
        }
    }

    /**
     * A callback closing a consumer does not wait for the session's running listener: that listener may be waiting
     * for the callback itself (a commit waits for the session's async sends).
     */
    @Test
    @org.junit.jupiter.api.Timeout(value = 60, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
    void aCompletionListenerClosesAConsumerWhileItsSessionsListenerCommits() throws Exception {
        try (Broker b = Broker.realTime("waitTimeSeconds=1")) {
            Session s = b.started().createSession(Session.SESSION_TRANSACTED);
            Queue q = s.createQueue("callback-close");
            MessageConsumer idle = s.createConsumer(s.createQueue("callback-close-idle"));
            idle.setMessageListener(m -> { });
            MessageProducer replies = s.createProducer(s.createQueue("callback-close-out"));
            CompletableFuture<Void> committed = new CompletableFuture<>();
            s.createConsumer(q).setMessageListener(m -> {
                try {
                    replies.send(s.createTextMessage("reply"), new jakarta.jms.CompletionListener() {
                        @Override
                        public void onCompletion(Message message) {
                            dev.sluice.jms.spec.Sync.run(idle::close);
                        }

                        @Override
                        public void onException(Message message, Exception exception) {
                        }
                    });
                    s.commit();
                    committed.complete(null);
                } catch (Throwable t) {
                    committed.completeExceptionally(t);
                }
            });
            Session sender = b.started().createSession();
            sender.createProducer(q).send(sender.createTextMessage("request"));
            committed.get(10, TimeUnit.SECONDS);
        }
    }

    /** A listener of one session closing another session's consumer waits for that consumer's running listener. */
    @Test
    void aListenerClosingAnotherSessionsConsumerWaitsForItsRunningListener() throws Exception {
        try (Broker b = Broker.realTime()) {
            Connection c = b.started();
            Session first = c.createSession();
            Session second = c.createSession();
            Queue slowQueue = second.createQueue("other-session-slow");
            Queue trigger = first.createQueue("other-session-trigger");
            BlockingListener slowListener = new BlockingListener();
            MessageConsumer slow = second.createConsumer(slowQueue);
            slow.setMessageListener(slowListener);
            java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
            first.createConsumer(trigger).setMessageListener(m -> {
                dev.sluice.jms.spec.Sync.run(slow::close);
                closed.set(true);
            });
            Session sender = b.started().createSession();
            sender.createProducer(slowQueue).send(sender.createTextMessage("slow"));
            slowListener.awaitRunning();
            sender.createProducer(trigger).send(sender.createTextMessage("close it"));
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> !closed.get());
            slowListener.release();
            await().atMost(Duration.ofSeconds(5)).until(closed::get);
        }
    }

    /** A container thread delivering to its target (deliverTo) must not close the session: refused, no deadlock. */
    @Test
    @org.junit.jupiter.api.Timeout(value = 60, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
    void aDeliverToTargetClosingItsSessionIsRefused() throws Exception {
        try (Broker b = Broker.realTime()) {
            Session s = b.started().createSession();
            Queue q = s.createQueue("deliver-to-close");
            s.createProducer(q).send(s.createTextMessage("x"));
            dev.sluice.jms.SluiceMessageConsumer consumer = (dev.sluice.jms.SluiceMessageConsumer) s.createConsumer(q);
            CompletableFuture<Throwable> refused = new CompletableFuture<>();
            consumer.deliverTo(m -> {
                try {
                    s.close();
                    refused.complete(null);
                } catch (Throwable t) {
                    refused.complete(t);
                }
            }, 5000);
            assertThat(refused.get(5, TimeUnit.SECONDS)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void closingTheConnectionEndsABlockedReceiveWithNull() throws Exception {
        try (Broker b = Broker.realTime()) {
            Connection conn = b.started();
            MessageConsumer c = conn.createSession().createConsumer(new dev.sluice.jms.SluiceQueue("conn-close"));
            CompletableFuture<Message> receive = CompletableFuture.supplyAsync(() -> receive(c));
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !receive.isDone());
            conn.close();
            assertThat(receive.get(5, TimeUnit.SECONDS)).isNull();
        }
    }

    @Test
    void aStoppedConnectionHoldsBackSynchronousReceives() throws Exception {
        try (Broker b = Broker.realTime()) {
            Connection conn = b.started();
            Session s = conn.createSession();
            Queue q = s.createQueue("stopped");
            s.createProducer(q).send(s.createTextMessage("x"));
            conn.stop();
            MessageConsumer c = s.createConsumer(q);
            assertThat(c.receive(300)).isNull();
            conn.start();
            assertThat(c.receive(5000)).isNotNull();
        }
    }

    @Test
    void consumerReportsItsQueueAndSelector() throws Exception {
        try (Broker b = Broker.realTime()) {
            jakarta.jms.QueueSession s = (jakarta.jms.QueueSession) b.connection().createSession();
            Queue q = s.createQueue("described");
            jakarta.jms.QueueReceiver r = s.createReceiver(q, "a = 1");
            assertThat(r.getQueue()).isEqualTo(q);
            assertThat(r.getMessageSelector()).isEqualTo("a = 1");
            assertThat(s.createConsumer(q).getMessageSelector()).isNullOrEmpty();
        }
    }

    static Message receive(MessageConsumer c) {
        try {
            return c.receive();
        } catch (JMSException e) {
            throw new RuntimeException(e);
        }
    }

    static String text(Message m) {
        try {
            return ((TextMessage) m).getText();
        } catch (JMSException e) {
            throw new RuntimeException(e);
        }
    }
}
