package dev.sluice.jms.spec.simplified;

import dev.sluice.jms.spec.Broker;
import jakarta.jms.DeliveryMode;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.InvalidDestinationRuntimeException;
import jakarta.jms.InvalidSelectorRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatRuntimeException;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Jakarta Messaging 3.1, chapter 2.8 and the simplified API: JMSContext, JMSProducer, JMSConsumer. */
class JMSContextTest {

    @Test
    void creatingAConsumerStartsTheConnectionByDefault() throws Exception {
        try (Broker b = Broker.realTime()) {
            JMSContext ctx = b.context(JMSContext.AUTO_ACKNOWLEDGE);
            assertThat(ctx.getAutoStart()).isTrue();
            Queue q = ctx.createQueue("autostart");
            ctx.createProducer().send(q, "hello");
            assertThat(ctx.createConsumer(q).receiveBody(String.class, 5000)).isEqualTo("hello");
        }
    }

    @Test
    void withoutAutoStartNothingIsDeliveredUntilStart() throws Exception {
        try (Broker b = Broker.realTime()) {
            JMSContext ctx = b.context(JMSContext.AUTO_ACKNOWLEDGE);
            ctx.setAutoStart(false);
            Queue q = ctx.createQueue("no-autostart");
            ctx.createProducer().send(q, "waiting");
            JMSConsumer c = ctx.createConsumer(q);
            assertThat(c.receive(300)).isNull();
            ctx.start();
            assertThat(c.receiveBody(String.class, 5000)).isEqualTo("waiting");
        }
    }

    @Test
    void receiveBodyOfTheWrongTypeThrowsAndTheMessageIsDeliveredAgain() throws Exception {
        try (Broker b = Broker.realTime()) {
            JMSContext ctx = b.context(JMSContext.AUTO_ACKNOWLEDGE);
            Queue q = ctx.createQueue("wrong-body");
            ctx.createProducer().send(q, "text, not a map");
            JMSConsumer c = ctx.createConsumer(q);
            assertThatThrownBy(() -> c.receiveBody(Map.class, 5000)).isInstanceOf(MessageFormatRuntimeException.class);
            assertThat(c.receiveBody(String.class, 5000)).isEqualTo("text, not a map");
            assertThat(c.receiveBodyNoWait(String.class)).isNull();
        }
    }

    /** JMSConsumer.receiveBody: a message "not one of the supported types" (a plain Message) is refused, not lost. */
    @Test
    void receiveBodyOfAPlainMessageThrowsAndTheMessageIsDeliveredAgain() throws Exception {
        try (Broker b = Broker.realTime()) {
            JMSContext ctx = b.context(JMSContext.AUTO_ACKNOWLEDGE);
            Queue q = ctx.createQueue("plain-body");
            ctx.createProducer().setProperty("kind", "plain").send(q, ctx.createMessage());
            JMSConsumer c = ctx.createConsumer(q);
            assertThatThrownBy(() -> c.receiveBody(String.class, 5000)).isInstanceOf(MessageFormatRuntimeException.class);
            jakarta.jms.Message again = c.receive(5000);
            assertThat(again.getStringProperty("kind")).isEqualTo("plain");
            assertThat(again.getJMSRedelivered()).isTrue();
        }
    }

    /** JMSConsumer.receiveBody: "or it has no body, then a MessageFormatRuntimeException is thrown". */
    @Test
    void receiveBodyOfAMessageWithoutABodyThrowsInEveryMode() throws Exception {
        try (Broker b = Broker.realTime()) {
            JMSContext auto = b.context(JMSContext.AUTO_ACKNOWLEDGE);
            Queue q = auto.createQueue("no-body");
            auto.createProducer().send(q, (String) null);
            JMSConsumer c = auto.createConsumer(q);
            assertThatThrownBy(() -> c.receiveBody(String.class, 5000)).isInstanceOf(MessageFormatRuntimeException.class);
            assertThat(c.receive(5000).getJMSRedelivered()).isTrue(); // AUTO: not acknowledged, delivered again

            JMSContext client = b.context(JMSContext.CLIENT_ACKNOWLEDGE);
            Queue q2 = client.createQueue("no-body-client");
            client.createProducer().send(q2, client.createMessage());
            client.createProducer().send(q2, client.createBytesMessage());
            JMSConsumer c2 = client.createConsumer(q2);
            assertThatThrownBy(() -> c2.receiveBody(String.class, 5000)).isInstanceOf(MessageFormatRuntimeException.class);
            assertThatThrownBy(() -> c2.receiveBody(byte[].class, 5000)).isInstanceOf(MessageFormatRuntimeException.class);
        }
    }

    /** getMessageSelector: null "if the message selector was not set or was set to null or the empty string". */
    @Test
    void anEmptySelectorIsReportedAsNone() throws Exception {
        try (Broker b = Broker.realTime()) {
            JMSContext ctx = b.context(JMSContext.AUTO_ACKNOWLEDGE);
            Queue q = ctx.createQueue("empty-selector");
            assertThat(ctx.createConsumer(q, "").getMessageSelector()).isNull();
            assertThat(ctx.createBrowser(q, "").getMessageSelector()).isNull();
        }
    }

    /** JMSContext.setClientID: only "before any other action"; creating a context that shares it is one. */
    @Test
    void aContextSharingTheConnectionCannotSetTheClientId() throws Exception {
        try (Broker b = Broker.realTime()) {
            JMSContext ctx = b.context(JMSContext.AUTO_ACKNOWLEDGE);
            try (JMSContext shared = ctx.createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
                assertThatThrownBy(() -> shared.setClientID("derived")).isInstanceOf(IllegalStateRuntimeException.class);
                assertThatThrownBy(() -> ctx.setClientID("first")).isInstanceOf(IllegalStateRuntimeException.class);
            }
        }
    }

    @Test
    void checkedExceptionsBecomeTheirRuntimeTwins() throws Exception {
        try (Broker b = Broker.realTime()) {
            JMSContext ctx = b.context(JMSContext.AUTO_ACKNOWLEDGE);
            ctx.setClientID("ctx-client"); // before the context is used
            assertThatThrownBy(() -> ctx.setClientID("again")).isInstanceOf(IllegalStateRuntimeException.class);
            Queue q = ctx.createQueue("runtime");
            assertThatThrownBy(() -> ctx.createConsumer(q, "a ==== b")).isInstanceOf(InvalidSelectorRuntimeException.class);
            assertThatThrownBy(() -> ctx.createConsumer(null)).isInstanceOf(InvalidDestinationRuntimeException.class);
            assertThatThrownBy(() -> ctx.createProducer().send(null, "x")).isInstanceOf(InvalidDestinationRuntimeException.class);
            assertThatThrownBy(ctx::commit).isInstanceOf(IllegalStateRuntimeException.class);
            assertThatThrownBy(ctx::rollback).isInstanceOf(IllegalStateRuntimeException.class);
            JMSConsumer c = ctx.createConsumer(q);
            c.setMessageListener(m -> { });
            assertThatThrownBy(() -> c.receive(10)).isInstanceOf(IllegalStateRuntimeException.class);
            assertThatThrownBy(() -> b.factory().createContext(99)).isInstanceOf(JMSRuntimeException.class);
        }
    }

    @Test
    void aClosedContextThrowsIllegalStateRuntimeException() throws Exception {
        try (Broker b = Broker.realTime()) {
            JMSContext ctx = b.context(JMSContext.AUTO_ACKNOWLEDGE);
            ctx.close();
            ctx.close();
            assertThatThrownBy(ctx::createProducer).isInstanceOf(IllegalStateRuntimeException.class);
            assertThatThrownBy(() -> ctx.createQueue("q")).isInstanceOf(IllegalStateRuntimeException.class);
            assertThatThrownBy(ctx::createTextMessage).isInstanceOf(IllegalStateRuntimeException.class);
            assertThatThrownBy(ctx::getSessionMode).isInstanceOf(IllegalStateRuntimeException.class);
            assertThatThrownBy(ctx::start).isInstanceOf(IllegalStateRuntimeException.class);
            assertThatThrownBy(ctx::acknowledge).isInstanceOf(IllegalStateRuntimeException.class);
        }
    }

    @Test
    void contextsMadeFromAContextShareItsConnection() throws Exception {
        try (Broker b = Broker.realTime()) {
            JMSContext first = b.context(JMSContext.AUTO_ACKNOWLEDGE);
            first.setClientID("shared-connection");
            JMSContext second = first.createContext(JMSContext.CLIENT_ACKNOWLEDGE);
            assertThat(second.getClientID()).isEqualTo("shared-connection");
            assertThat(second.getSessionMode()).isEqualTo(JMSContext.CLIENT_ACKNOWLEDGE);
            Queue q = second.createQueue("shared");
            first.close(); // the connection stays open for the second context
            second.createProducer().send(q, "still works");
            assertThat(second.createConsumer(q).receiveBody(String.class, 5000)).isEqualTo("still works");
            second.close();
        }
    }

    @Test
    void propertiesAndHeadersSetOnTheProducerApplyToEverySend() throws Exception {
        try (Broker b = Broker.realTime()) {
            JMSContext ctx = b.context(JMSContext.AUTO_ACKNOWLEDGE);
            Queue q = ctx.createQueue("producer-settings");
            Queue replyTo = ctx.createQueue("replies");
            JMSProducer p = ctx.createProducer()
                    .setProperty("region", "eu")
                    .setProperty("attempt", 3)
                    .setProperty("urgent", true)
                    .setJMSCorrelationID("corr-1")
                    .setJMSType("order")
                    .setJMSReplyTo(replyTo)
                    .setPriority(8)
                    .setDeliveryMode(DeliveryMode.NON_PERSISTENT)
                    .setTimeToLive(60_000);
            assertThat(p.getStringProperty("region")).isEqualTo("eu");
            assertThat(p.getPropertyNames()).contains("region", "attempt", "urgent");
            p.send(q, "first");
            p.send(q, ctx.createTextMessage("second"));
            JMSConsumer c = ctx.createConsumer(q);
            for (String expected : new String[] {"first", "second"}) {
                Message m = c.receive(5000);
                assertThat(((TextMessage) m).getText()).isEqualTo(expected);
                assertThat(m.getStringProperty("region")).isEqualTo("eu");
                assertThat(m.getObjectProperty("attempt")).isEqualTo(3);
                assertThat(m.getBooleanProperty("urgent")).isTrue();
                assertThat(m.getJMSCorrelationID()).isEqualTo("corr-1");
                assertThat(m.getJMSType()).isEqualTo("order");
                assertThat(m.getJMSReplyTo()).isEqualTo(replyTo);
                assertThat(m.getJMSPriority()).isEqualTo(8);
                assertThat(m.getJMSDeliveryMode()).isEqualTo(DeliveryMode.NON_PERSISTENT);
                assertThat(m.getJMSExpiration()).isEqualTo(m.getJMSTimestamp() + 60_000);
            }
        }
    }

    @Test
    void bodiesOfEveryKindCanBeSentAndReceivedAsBodies() throws Exception {
        try (Broker b = Broker.realTime()) {
            JMSContext ctx = b.context(JMSContext.AUTO_ACKNOWLEDGE);
            Queue q = ctx.createQueue("bodies");
            JMSProducer p = ctx.createProducer();
            p.send(q, Map.of("k", 1));
            p.send(q, new byte[] {1, 2, 3});
            p.send(q, (java.io.Serializable) Long.valueOf(7));
            JMSConsumer c = ctx.createConsumer(q);
            assertThat(c.receiveBody(Map.class, 5000)).isEqualTo(Map.of("k", 1));
            assertThat(c.receiveBody(byte[].class, 5000)).containsExactly(1, 2, 3);
            assertThat(c.receiveBody(Long.class, 5000)).isEqualTo(7L);
        }
    }

    @Test
    void asyncSendOfAJmsProducerCallsItsCompletionListener() throws Exception {
        try (Broker b = Broker.realTime()) {
            JMSContext ctx = b.context(JMSContext.AUTO_ACKNOWLEDGE);
            Queue q = ctx.createQueue("ctx-async");
            CountDownLatch done = new CountDownLatch(1);
            AtomicReference<String> id = new AtomicReference<>();
            ctx.createProducer().setAsync(new jakarta.jms.CompletionListener() {
                @Override
                public void onCompletion(Message message) {
                    try {
                        id.set(message.getJMSMessageID());
                    } catch (Exception e) {
                        throw new RuntimeException(e);
                    }
                    done.countDown();
                }

                @Override
                public void onException(Message message, Exception exception) {
                }
            }).send(q, "async");
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(ctx.createConsumer(q).receive(5000).getJMSMessageID()).isEqualTo(id.get());
        }
    }

    /** JMSContext.close: IllegalStateRuntimeException when called by a CompletionListener on its own context. */
    @Test
    void aCompletionListenerClosingItsOwnContextIsRefusedAndTheContextStaysUsable() throws Exception {
        try (Broker b = Broker.realTime()) {
            JMSContext ctx = b.context(JMSContext.AUTO_ACKNOWLEDGE);
            ctx.setClientID("closing-from-callback");
            Queue q = ctx.createQueue("ctx-close-callback");
            CompletableFuture<Exception> refused = new CompletableFuture<>();
            ctx.createProducer().setAsync(new jakarta.jms.CompletionListener() {
                @Override
                public void onCompletion(Message message) {
                    try {
                        ctx.close();
                        refused.complete(null);
                    } catch (Exception e) {
                        refused.complete(e);
                    }
                }

                @Override
                public void onException(Message message, Exception exception) {
                    refused.complete(exception);
                }
            }).send(q, "async");
            assertThat(refused.get(10, TimeUnit.SECONDS)).isInstanceOf(IllegalStateRuntimeException.class);
            assertThat(ctx.createConsumer(q).receiveBody(String.class, 5000)).isEqualTo("async");
            ctx.close();
            try (JMSContext again = b.factory().createContext()) {
                again.setClientID("closing-from-callback"); // released by the close that was allowed
            }
        }
    }

    @Test
    void clientAcknowledgeContextAcknowledgesAndRecovers() throws Exception {
        try (Broker b = Broker.manual()) {
            JMSContext ctx = b.context(JMSContext.CLIENT_ACKNOWLEDGE);
            Queue q = ctx.createQueue("ctx-client");
            ctx.createProducer().send(q, "x");
            JMSConsumer c = ctx.createConsumer(q);
            assertThat(c.receiveNoWait()).isNotNull();
            ctx.recover();
            Message again = c.receiveNoWait();
            assertThat(again.getJMSRedelivered()).isTrue();
            ctx.acknowledge();
            ctx.recover();
            assertThat(c.receiveNoWait()).isNull();
        }
    }

    @Test
    void transactedContextCommitsAndRollsBack() throws Exception {
        try (Broker b = Broker.manual()) {
            JMSContext tx = b.context(JMSContext.SESSION_TRANSACTED);
            assertThat(tx.getTransacted()).isTrue();
            JMSContext plain = b.context(JMSContext.AUTO_ACKNOWLEDGE);
            Queue q = tx.createQueue("ctx-tx");
            tx.createProducer().send(q, "rolled back");
            tx.rollback();
            tx.createProducer().send(q, "committed");
            tx.commit();
            JMSConsumer c = plain.createConsumer(q);
            assertThat(c.receiveBodyNoWait(String.class)).isEqualTo("committed");
            assertThat(c.receiveBodyNoWait(String.class)).isNull();
            assertThatThrownBy(tx::recover).isInstanceOf(IllegalStateRuntimeException.class);
        }
    }

    @Test
    void aListenerMustNotCloseOrStopItsOwnContext() throws Exception {
        try (Broker b = Broker.realTime()) {
            JMSContext ctx = b.context(JMSContext.AUTO_ACKNOWLEDGE);
            Queue q = ctx.createQueue("ctx-self");
            AtomicReference<Exception> onClose = new AtomicReference<>();
            AtomicReference<Exception> onStop = new AtomicReference<>();
            CountDownLatch done = new CountDownLatch(1);
            ctx.createConsumer(q).setMessageListener(m -> {
                try {
                    ctx.close();
                } catch (Exception e) {
                    onClose.set(e);
                }
                try {
                    ctx.stop();
                } catch (Exception e) {
                    onStop.set(e);
                }
                done.countDown();
            });
            ctx.createProducer().send(q, "x");
            assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(onClose.get()).isInstanceOf(IllegalStateRuntimeException.class);
            assertThat(onStop.get()).isInstanceOf(IllegalStateRuntimeException.class);
        }
    }

    static Duration seconds(int s) {
        return Duration.ofSeconds(s);
    }
}
