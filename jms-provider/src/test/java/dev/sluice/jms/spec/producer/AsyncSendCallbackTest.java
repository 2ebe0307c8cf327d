package dev.sluice.jms.spec.producer;

import dev.sluice.jms.spec.Broker;
import jakarta.jms.BytesMessage;
import jakarta.jms.CompletionListener;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jakarta Messaging 3.1, 7.3: what an async send does and what its CompletionListener is given: the settings at
 * the send call, a reset BytesMessage, and onException only for a send that failed.
 */
class AsyncSendCallbackTest {

    @Test
    void anExceptionFromOnCompletionIsNotReportedToOnException() throws Exception {
        try (Broker b = Broker.realTime()) {
            Session s = b.connection().createSession();
            MessageProducer p = s.createProducer(s.createQueue("throwing-listener"));
            AtomicReference<Exception> reported = new AtomicReference<>();
            p.send(s.createTextMessage("x"), new CompletionListener() {
                @Override
                public void onCompletion(Message message) {
                    throw new RuntimeException("the application's own failure");
                }

                @Override
                public void onException(Message message, Exception exception) {
                    reported.set(exception);
                }
            });
            // listeners run in send order: once the next send completes, the first one's callbacks are over
            Outcome next = new Outcome();
            p.send(s.createTextMessage("y"), next);
            next.get();
            assertThat(reported.get()).isNull();
        }
    }

    @Test
    void aSentBytesMessageIsResetBeforeOnCompletion() throws Exception {
        try (Broker b = Broker.realTime()) {
            Session s = b.connection().createSession();
            MessageProducer p = s.createProducer(s.createQueue("bytes-reset"));
            BytesMessage m = s.createBytesMessage();
            m.writeBytes(new byte[] {1, 2, 3});
            Outcome outcome = new Outcome();
            p.send(m, outcome);
            // a BytesMessage being written is write-only: only a reset one can tell its length
            assertThat(((BytesMessage) outcome.get()).getBodyLength()).isEqualTo(3);
        }
    }

    @Test
    void aBytesMessageWhoseSendFailedIsResetBeforeOnException() throws Exception {
        try (Broker b = Broker.realTime()) {
            Session s = b.connection().createSession();
            MessageProducer p = s.createProducer(s.createQueue("bytes-reset.fifo"));
            p.setDeliveryDelay(1000); // a FIFO queue refuses a per-message delay, so this send fails
            BytesMessage m = s.createBytesMessage();
            m.writeBytes(new byte[] {1, 2, 3});
            CompletableFuture<Long> length = new CompletableFuture<>();
            p.send(m, new CompletionListener() {
                @Override
                public void onCompletion(Message message) {
                    length.completeExceptionally(new AssertionError("the send should have failed"));
                }

                @Override
                public void onException(Message message, Exception exception) {
                    try {
                        length.complete(((BytesMessage) message).getBodyLength());
                    } catch (Exception e) {
                        length.completeExceptionally(e);
                    }
                }
            });
            assertThat(length.get(10, TimeUnit.SECONDS)).isEqualTo(3);
        }
    }

    @Test
    void anAsyncSendUsesTheProducersSettingsAtTheSendCall() throws Exception {
        try (Broker b = Broker.realTime()) {
            Session s = b.connection().createSession();
            Queue q = s.createQueue("settings-at-call");
            MessageProducer p = s.createProducer(q);
            Gate gate = new Gate();
            p.send(s.createTextMessage("held"), gate);
            p.setDeliveryDelay(2000);
            p.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
            p.setTimeToLive(60_000);
            TextMessage m = s.createTextMessage("m");
            Outcome outcome = new Outcome();
            p.send(m, outcome);
            // changed while the send waits behind the gate: it must not see these
            p.setDeliveryDelay(0);
            p.setDeliveryMode(DeliveryMode.PERSISTENT);
            p.setTimeToLive(0);
            p.setDisableMessageID(true);
            p.setDisableMessageTimestamp(true);
            gate.release();
            outcome.get();
            assertSentWithFirstSettings(m);
        }
    }

    @Test
    void anAsyncJmsProducerSendUsesItsSettingsAtTheSendCall() throws Exception {
        try (Broker b = Broker.realTime()) {
            JMSContext ctx = b.context(JMSContext.AUTO_ACKNOWLEDGE);
            Queue q = ctx.createQueue("jms-producer-settings");
            Gate gate = new Gate();
            ctx.createProducer().setAsync(gate).send(q, "held");
            Outcome outcome = new Outcome();
            TextMessage m = ctx.createTextMessage("m");
            JMSProducer jp = ctx.createProducer().setAsync(outcome).setDeliveryDelay(2000)
                    .setDeliveryMode(DeliveryMode.NON_PERSISTENT).setTimeToLive(60_000);
            jp.send(q, m);
            // a second send with other settings, while the first waits behind the gate
            jp.setAsync(new Outcome()).setDeliveryDelay(0).setDeliveryMode(DeliveryMode.PERSISTENT).setTimeToLive(0)
                    .setDisableMessageID(true).setDisableMessageTimestamp(true).send(q, "other");
            gate.release();
            outcome.get();
            assertSentWithFirstSettings(m);
        }
    }

    private static void assertSentWithFirstSettings(Message m) throws Exception {
        assertThat(m.getJMSMessageID()).startsWith("ID:");
        assertThat(m.getJMSTimestamp()).isPositive();
        assertThat(m.getJMSDeliveryTime()).isEqualTo(m.getJMSTimestamp() + 2000);
        assertThat(m.getJMSDeliveryMode()).isEqualTo(DeliveryMode.NON_PERSISTENT);
        assertThat(m.getJMSExpiration()).isEqualTo(m.getJMSTimestamp() + 60_000);
    }
}
