package dev.sluice.jms.spec.producer;

import dev.sluice.jms.spec.Broker;
import dev.sluice.jms.spec.Foreign;
import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Jakarta Messaging 3.1, chapters 3.4 (headers a send sets) and 7: sending messages. */
class ProducerTest {

    @Test
    void producerDefaultsAreThoseOfTheSpecification() throws Exception {
        try (Broker b = Broker.realTime()) {
            Session s = b.connection().createSession();
            MessageProducer p = s.createProducer(s.createQueue("defaults"));
            assertThat(p.getDeliveryMode()).isEqualTo(DeliveryMode.PERSISTENT);
            assertThat(p.getPriority()).isEqualTo(Message.DEFAULT_PRIORITY);
            assertThat(p.getTimeToLive()).isEqualTo(Message.DEFAULT_TIME_TO_LIVE);
            assertThat(p.getDeliveryDelay()).isEqualTo(Message.DEFAULT_DELIVERY_DELAY);
            assertThat(p.getDisableMessageID()).isFalse();
            assertThat(p.getDisableMessageTimestamp()).isFalse();
        }
    }

    @Test
    void sendSetsTheHeadersAndTheReceiverSeesThem() throws Exception {
        try (Broker b = Broker.realTime()) {
            Session s = b.started().createSession();
            Queue q = s.createQueue("headers");
            MessageProducer p = s.createProducer(q);
            p.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
            p.setPriority(7);
            p.setTimeToLive(60_000);
            TextMessage m = s.createTextMessage("h");
            long before = System.currentTimeMillis();
            p.send(m);
            long after = System.currentTimeMillis();
            assertThat(m.getJMSMessageID()).startsWith("ID:");
            assertThat(m.getJMSDestination()).isEqualTo(q);
            assertThat(m.getJMSDeliveryMode()).isEqualTo(DeliveryMode.NON_PERSISTENT);
            assertThat(m.getJMSPriority()).isEqualTo(7);
            assertThat(m.getJMSTimestamp()).isBetween(before, after);
            assertThat(m.getJMSExpiration()).isEqualTo(m.getJMSTimestamp() + 60_000);
            assertThat(m.getJMSDeliveryTime()).isEqualTo(m.getJMSTimestamp());

            Message got = s.createConsumer(q).receive(5000);
            assertThat(got.getJMSMessageID()).isEqualTo(m.getJMSMessageID());
            assertThat(got.getJMSDeliveryMode()).isEqualTo(DeliveryMode.NON_PERSISTENT);
            assertThat(got.getJMSPriority()).isEqualTo(7);
            assertThat(got.getJMSTimestamp()).isEqualTo(m.getJMSTimestamp());
            assertThat(got.getJMSExpiration()).isEqualTo(m.getJMSExpiration());
            assertThat(got.getJMSDestination()).isEqualTo(q);
        }
    }

    @Test
    void headersGivenToSendOverrideTheProducersOwn() throws Exception {
        try (Broker b = Broker.realTime()) {
            Session s = b.started().createSession();
            Queue q = s.createQueue("override");
            MessageProducer p = s.createProducer(q);
            p.send(s.createTextMessage("x"), DeliveryMode.NON_PERSISTENT, 2, 0);
            Message got = s.createConsumer(q).receive(5000);
            assertThat(got.getJMSDeliveryMode()).isEqualTo(DeliveryMode.NON_PERSISTENT);
            assertThat(got.getJMSPriority()).isEqualTo(2);
            assertThat(got.getJMSExpiration()).isZero();
            assertThat(p.getPriority()).isEqualTo(Message.DEFAULT_PRIORITY);
        }
    }

    @Test
    void anExpiredMessageIsNeverDelivered() throws Exception {
        try (Broker b = Broker.realTime()) {
            Session s = b.started().createSession();
            Queue q = s.createQueue("ttl");
            MessageProducer p = s.createProducer(q);
            TextMessage dying = s.createTextMessage("dies");
            p.send(dying, DeliveryMode.PERSISTENT, 4, 50);
            p.send(s.createTextMessage("lives"), DeliveryMode.PERSISTENT, 4, 600_000);
            long expiration = dying.getJMSExpiration();
            await().atMost(Duration.ofSeconds(2)).until(() -> System.currentTimeMillis() > expiration);
            MessageConsumer c = s.createConsumer(q);
            assertThat(((TextMessage) c.receive(5000)).getText()).isEqualTo("lives");
            assertThat(c.receive(300)).isNull();
        }
    }

    /**
     * JMSExpiration is the send time plus the time-to-live; a time-to-live meant as "practically forever"
     * (Long.MAX_VALUE) must not wrap around into the past and have the message dropped as expired.
     */
    @Test
    void aVeryLongTimeToLiveDoesNotExpireTheMessage() throws Exception {
        try (Broker b = Broker.realTime()) {
            Session s = b.started().createSession();
            Queue q = s.createQueue("ttl-forever");
            MessageProducer p = s.createProducer(q);
            TextMessage m = s.createTextMessage("keeps");
            p.send(m, DeliveryMode.PERSISTENT, 4, Long.MAX_VALUE);
            assertThat(m.getJMSExpiration()).isEqualTo(Long.MAX_VALUE);
            Message got = s.createConsumer(q).receive(5000);
            assertThat(got).isNotNull();
            assertThat(got.getJMSExpiration()).isEqualTo(Long.MAX_VALUE);
        }
    }

    @Test
    void anExpiredMessageIsNotGivenToAListener() throws Exception {
        try (Broker b = Broker.realTime()) {
            Connection conn = b.connection();
            Session s = conn.createSession();
            Queue q = s.createQueue("ttl-listener");
            MessageProducer p = s.createProducer(q);
            TextMessage dying = s.createTextMessage("dies");
            p.send(dying, DeliveryMode.PERSISTENT, 4, 50);
            long expiration = dying.getJMSExpiration();
            await().atMost(Duration.ofSeconds(2)).until(() -> System.currentTimeMillis() > expiration);
            p.send(s.createTextMessage("lives"));
            List<String> got = new CopyOnWriteArrayList<>();
            s.createConsumer(q).setMessageListener(m -> got.add(text(m)));
            conn.start();
            await().atMost(Duration.ofSeconds(5)).until(() -> got.contains("lives"));
            assertThat(got).containsExactly("lives");
        }
    }

    @Test
    void deliveryDelayKeepsTheMessageBackUntilItsDeliveryTime() throws Exception {
        try (Broker b = Broker.manual()) {
            Session s = b.started().createSession();
            Queue q = s.createQueue("delayed");
            MessageProducer p = s.createProducer(q);
            p.setDeliveryDelay(60_000);
            assertThat(p.getDeliveryDelay()).isEqualTo(60_000);
            TextMessage m = s.createTextMessage("later");
            p.send(m);
            assertThat(m.getJMSDeliveryTime()).isEqualTo(m.getJMSTimestamp() + 60_000);
            MessageConsumer c = s.createConsumer(q);
            assertThat(c.receiveNoWait()).isNull();
            b.advanceSeconds(59);
            assertThat(c.receiveNoWait()).isNull();
            b.advanceSeconds(2);
            Message got = c.receiveNoWait();
            assertThat(got).isNotNull();
            assertThat(got.getJMSDeliveryTime()).isEqualTo(m.getJMSDeliveryTime());
        }
    }

    /**
     * 3.4.13: the delivery time is the send time plus the delivery delay, "for transacted sends, ... the time the
     * client sends the message, not the time the transaction is committed".
     */
    @Test
    void aTransactedSendsDeliveryDelayRunsFromTheSendNotFromTheCommit() throws Exception {
        try (Broker b = Broker.manual()) {
            Connection conn = b.started();
            Session tx = conn.createSession(true, Session.SESSION_TRANSACTED);
            Session s = conn.createSession();
            Queue q = s.createQueue("delayed-tx");
            MessageProducer p = tx.createProducer(q);
            p.setDeliveryDelay(60_000);
            p.send(tx.createTextMessage("later"));
            b.advanceSeconds(50);
            tx.commit();
            MessageConsumer c = s.createConsumer(q);
            assertThat(c.receiveNoWait()).isNull();
            b.advanceSeconds(9);
            assertThat(c.receiveNoWait()).isNull();
            b.advanceSeconds(2);
            assertThat(text(c.receiveNoWait())).isEqualTo("later");
        }
    }

    /**
     * A commit after the delivery time makes the message available at once, also on a queue with a DelaySeconds of
     * its own: the delay it was sent with overrode the queue's, and so does its elapsed remainder.
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 300})
    void aTransactedSendCommittedAfterItsDeliveryTimeIsAvailableAtOnce(int queueDelaySeconds) throws Exception {
        try (Broker b = Broker.manual()) {
            b.engine().createQueue("late-commit", Map.of("DelaySeconds", Integer.toString(queueDelaySeconds)),
                    Map.of());
            JMSContext tx = b.context(JMSContext.SESSION_TRANSACTED);
            Queue q = tx.createQueue("late-commit");
            tx.createProducer().setDeliveryDelay(10_000).send(q, "due");
            b.advanceSeconds(30);
            tx.commit();
            JMSContext plain = b.context(JMSContext.AUTO_ACKNOWLEDGE);
            assertThat(plain.createConsumer(q).receiveBodyNoWait(String.class)).isEqualTo("due");
        }
    }

    @Test
    void disablingMessageIdAndTimestampLeavesThemUnset() throws Exception {
        try (Broker b = Broker.realTime()) {
            Session s = b.started().createSession();
            Queue q = s.createQueue("disabled");
            MessageProducer p = s.createProducer(q);
            p.setDisableMessageID(true);
            p.setDisableMessageTimestamp(true);
            TextMessage m = s.createTextMessage("anon");
            p.send(m);
            // both are hints; a provider that takes them must leave the headers null and 0
            assertThat(m.getJMSMessageID()).isNull();
            assertThat(m.getJMSTimestamp()).isZero();
            Message got = s.createConsumer(q).receive(5000);
            assertThat(got.getJMSTimestamp()).isZero();
        }
    }

    @Test
    void anUnidentifiedProducerNamesTheDestinationOnEachSend() throws Exception {
        try (Broker b = Broker.realTime()) {
            Session s = b.started().createSession();
            Queue q1 = s.createQueue("u1");
            Queue q2 = s.createQueue("u2");
            MessageProducer p = s.createProducer(null);
            assertThat(p.getDestination()).isNull();
            p.send(q1, s.createTextMessage("one"));
            p.send(q2, s.createTextMessage("two"), DeliveryMode.NON_PERSISTENT, 4, 0);
            assertThat(text(s.createConsumer(q1).receive(5000))).isEqualTo("one");
            assertThat(text(s.createConsumer(q2).receive(5000))).isEqualTo("two");

            assertThatThrownBy(() -> p.send(s.createTextMessage("where?"))).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> p.send(s.createTextMessage("x"), DeliveryMode.PERSISTENT, 4, 0))
                    .isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> p.send(null, s.createTextMessage("x"))).isInstanceOf(InvalidDestinationException.class);
        }
    }

    @Test
    void aProducerWithADestinationMustNotBeGivenAnother() throws Exception {
        try (Broker b = Broker.realTime()) {
            Session s = b.connection().createSession();
            Queue q = s.createQueue("identified");
            MessageProducer p = s.createProducer(q);
            assertThat(p.getDestination()).isEqualTo(q);
            assertThatThrownBy(() -> p.send(s.createQueue("other"), s.createTextMessage("x")))
                    .isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> p.send(q, s.createTextMessage("x"), (CompletionListener) null))
                    .isInstanceOf(RuntimeException.class);
        }
    }

    @Test
    void asyncSendsCompleteInOrderAndTheMessagesArrive() throws Exception {
        try (Broker b = Broker.realTime()) {
            Session s = b.started().createSession();
            Queue q = s.createQueue("async");
            MessageProducer p = s.createProducer(q);
            List<String> completed = new CopyOnWriteArrayList<>();
            List<String> ids = new CopyOnWriteArrayList<>();
            AtomicReference<Exception> failed = new AtomicReference<>();
            CountDownLatch all = new CountDownLatch(20);
            for (int i = 0; i < 20; i++) {
                p.send(s.createTextMessage("m" + i), new CompletionListener() {
                    @Override
                    public void onCompletion(Message message) {
                        completed.add(text(message));
                        try {
                            ids.add(message.getJMSMessageID());
                        } catch (Exception e) {
                            failed.set(e);
                        }
                        all.countDown();
                    }

                    @Override
                    public void onException(Message message, Exception exception) {
                        failed.set(exception);
                        all.countDown();
                    }
                });
            }
            assertThat(all.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(failed.get()).isNull();
            assertThat(completed).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 20).mapToObj(i -> "m" + i).toList());
            assertThat(ids).allMatch(id -> id.startsWith("ID:")).doesNotHaveDuplicates();
            MessageConsumer c = s.createConsumer(q);
            for (int i = 0; i < 20; i++) {
                assertThat(text(c.receive(5000))).isEqualTo("m" + i);
            }
        }
    }

    @Test
    void aCompletionListenerClosingItsOwnProducerOrSessionGetsIllegalStateException() throws Exception {
        try (Broker b = Broker.realTime()) {
            Session s = b.connection().createSession();
            MessageProducer p = s.createProducer(s.createQueue("async-close"));
            AtomicReference<Exception> fromProducer = new AtomicReference<>();
            AtomicReference<Exception> fromSession = new AtomicReference<>();
            CountDownLatch done = new CountDownLatch(1);
            p.send(s.createTextMessage("x"), new CompletionListener() {
                @Override
                public void onCompletion(Message message) {
                    try {
                        p.close();
                    } catch (Exception e) {
                        fromProducer.set(e);
                    }
                    try {
                        s.close();
                    } catch (Exception e) {
                        fromSession.set(e);
                    }
                    done.countDown();
                }

                @Override
                public void onException(Message message, Exception exception) {
                    done.countDown();
                }
            });
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(fromProducer.get()).isInstanceOf(IllegalStateException.class);
            assertThat(fromSession.get()).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void closingTheSessionWaitsForIncompleteAsyncSends() throws Exception {
        try (Broker b = Broker.realTime()) {
            Session s = b.connection().createSession();
            MessageProducer p = s.createProducer(s.createQueue("async-drain"));
            CountDownLatch completed = new CountDownLatch(50);
            for (int i = 0; i < 50; i++) {
                p.send(s.createTextMessage("m" + i), new CompletionListener() {
                    @Override
                    public void onCompletion(Message message) {
                        completed.countDown();
                    }

                    @Override
                    public void onException(Message message, Exception exception) {
                    }
                });
            }
            s.close();
            assertThat(completed.getCount()).isZero();
        }
    }

    @Test
    void aForeignMessageIsSentAndItsHeadersAreSetOnTheForeignObject() throws Exception {
        try (Broker b = Broker.realTime()) {
            Session s = b.started().createSession();
            Queue q = s.createQueue("foreign");
            TextMessage foreign = Foreign.textMessage("from elsewhere");
            foreign.setStringProperty("origin", "other-provider");
            s.createProducer(q).send(foreign);
            assertThat(foreign.getJMSMessageID()).startsWith("ID:");
            assertThat(foreign.getJMSDestination()).isEqualTo(q);
            Message got = s.createConsumer(q).receive(5000);
            assertThat(got).isInstanceOf(TextMessage.class);
            assertThat(text(got)).isEqualTo("from elsewhere");
            assertThat(got.getStringProperty("origin")).isEqualTo("other-provider");
            assertThat(got.getJMSMessageID()).isEqualTo(foreign.getJMSMessageID());
        }
    }

    @Test
    void invalidPriorityOrDeliveryModeIsRejected() throws Exception {
        try (Broker b = Broker.realTime()) {
            Session s = b.connection().createSession();
            MessageProducer p = s.createProducer(s.createQueue("invalid"));
            assertThatThrownBy(() -> p.setPriority(10)).isInstanceOf(Exception.class);
            assertThatThrownBy(() -> p.setDeliveryMode(0)).isInstanceOf(Exception.class);
        }
    }

    static String text(Message m) {
        try {
            return ((TextMessage) m).getText();
        } catch (Exception e) {
            throw new RuntimeException(e);
        }
    }
}
