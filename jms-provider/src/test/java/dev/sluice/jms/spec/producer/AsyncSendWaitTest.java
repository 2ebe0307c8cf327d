package dev.sluice.jms.spec.producer;

import dev.sluice.jms.spec.Broker;
import jakarta.jms.CompletionListener;
import jakarta.jms.IllegalStateException;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jakarta Messaging 3.1, 7.3.4 and 7.3.8: close, commit and rollback wait for incomplete async sends, and a
 * CompletionListener must not commit or roll back its own session.
 */
class AsyncSendWaitTest {

    @Test
    void closingTheProducerWaitsForIncompleteAsyncSends() throws Exception {
        try (Broker b = Broker.realTime()) {
            Session s = b.connection().createSession();
            MessageProducer p = s.createProducer(s.createQueue("close-waits"));
            Gate gate = new Gate();
            p.send(s.createTextMessage("held"), gate);
            Outcome queued = new Outcome();
            p.send(s.createTextMessage("queued"), queued);
            gate.releaseWhenBlocked(Thread.currentThread());
            p.close();
            assertThat(gate.returned()).isTrue();
            assertThat(queued.isDone()).isTrue();
        }
    }

    @Test
    void commitWaitsForIncompleteAsyncSendsAndCommitsThem() throws Exception {
        try (Broker b = Broker.realTime()) {
            Session s = b.started().createSession(true, Session.SESSION_TRANSACTED);
            Queue q = s.createQueue("commit-waits");
            MessageProducer p = s.createProducer(q);
            Gate gate = new Gate();
            p.send(s.createTextMessage("held"), gate);
            // still on the executor behind the gate when commit is called: it must be part of this transaction
            Outcome queued = new Outcome();
            p.send(s.createTextMessage("queued"), queued);
            gate.releaseWhenBlocked(Thread.currentThread());
            s.commit();
            assertThat(queued.isDone()).isTrue();
            MessageConsumer c = b.started().createSession().createConsumer(q);
            assertThat(ProducerTest.text(c.receive(5000))).isEqualTo("held");
            assertThat(ProducerTest.text(c.receive(5000))).isEqualTo("queued");
        }
    }

    @Test
    void rollbackWaitsForIncompleteAsyncSendsAndDropsThem() throws Exception {
        try (Broker b = Broker.realTime()) {
            Session s = b.started().createSession(true, Session.SESSION_TRANSACTED);
            Queue q = s.createQueue("rollback-waits");
            MessageProducer p = s.createProducer(q);
            Gate gate = new Gate();
            p.send(s.createTextMessage("held"), gate);
            Outcome queued = new Outcome();
            p.send(s.createTextMessage("queued"), queued);
            gate.releaseWhenBlocked(Thread.currentThread());
            s.rollback();
            assertThat(queued.isDone()).isTrue();
            // nothing of the rolled-back transaction may come with the next commit
            p.send(s.createTextMessage("after"));
            s.commit();
            MessageConsumer c = b.started().createSession().createConsumer(q);
            assertThat(ProducerTest.text(c.receive(5000))).isEqualTo("after");
            assertThat(c.receiveNoWait()).isNull();
        }
    }

    @Test
    void aCompletionListenerCannotCommitOrRollBackItsOwnSession() throws Exception {
        try (Broker b = Broker.realTime()) {
            Session s = b.connection().createSession(true, Session.SESSION_TRANSACTED);
            MessageProducer p = s.createProducer(s.createQueue("listener-commit"));
            CompletableFuture<Exception> fromCommit = new CompletableFuture<>();
            CompletableFuture<Exception> fromRollback = new CompletableFuture<>();
            p.send(s.createTextMessage("x"), new CompletionListener() {
                @Override
                public void onCompletion(Message message) {
                    fromCommit.complete(thrownBy(s::commit));
                    fromRollback.complete(thrownBy(s::rollback));
                }

                @Override
                public void onException(Message message, Exception exception) {
                    fromCommit.completeExceptionally(exception);
                }
            });
            assertThat(fromCommit.get(10, TimeUnit.SECONDS)).isInstanceOf(IllegalStateException.class);
            assertThat(fromRollback.get(10, TimeUnit.SECONDS)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aCompletionListenerCannotCommitOrRollBackItsOwnContext() throws Exception {
        try (Broker b = Broker.realTime()) {
            JMSContext ctx = b.context(JMSContext.SESSION_TRANSACTED);
            CompletableFuture<Exception> fromCommit = new CompletableFuture<>();
            CompletableFuture<Exception> fromRollback = new CompletableFuture<>();
            ctx.createProducer().setAsync(new CompletionListener() {
                @Override
                public void onCompletion(Message message) {
                    fromCommit.complete(thrownBy(ctx::commit));
                    fromRollback.complete(thrownBy(ctx::rollback));
                }

                @Override
                public void onException(Message message, Exception exception) {
                    fromCommit.completeExceptionally(exception);
                }
            }).send(ctx.createQueue("context-commit"), "x");
            assertThat(fromCommit.get(10, TimeUnit.SECONDS)).isInstanceOf(IllegalStateRuntimeException.class);
            assertThat(fromRollback.get(10, TimeUnit.SECONDS)).isInstanceOf(IllegalStateRuntimeException.class);
        }
    }

    @FunctionalInterface
    private interface Call {
        void run() throws Exception;
    }

    private static Exception thrownBy(Call call) {
        try {
            call.run();
            return null;
        } catch (Exception e) {
            return e;
        }
    }
}
