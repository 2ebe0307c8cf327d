package dev.sluice.jms.backends;

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
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * DESIGN.md row SESSION_TRANSACTED: buffered sends and deferred deletes. Atomic on the embedded engine, best
 * effort on SQS; both look the same when nothing fails.
 */
class TransactionSuiteTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sluice.jms.backends.Backends#all")
    void sendsAreInvisibleUntilCommitAndKeepTheirOrder(TestBackend backend) throws Exception {
        try (Scenario s = Scenario.on(backend)) {
            Connection connection = s.started();
            Session tx = connection.createSession(Session.SESSION_TRANSACTED);
            Queue q = tx.createQueue(s.queue("tx.fifo"));
            MessageProducer p = tx.createProducer(q);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 12; i++) { // more than one SendMessageBatch
                TextMessage m = tx.createTextMessage("tx-" + i);
                p.send(m);
                assertThat(m.getJMSMessageID()).as("set when send returns").startsWith("ID:");
                ids.add(m.getJMSMessageID());
            }
            MessageConsumer c = connection.createSession(Session.AUTO_ACKNOWLEDGE).createConsumer(q);
            assertThat(c.receive(1_000)).as("nothing before the commit").isNull();
            tx.commit();
            for (int i = 0; i < 12; i++) {
                Message m = c.receive(10_000);
                assertThat(((TextMessage) m).getText()).isEqualTo("tx-" + i);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sluice.jms.backends.Backends#all")
    void theMessageIdAfterCommitIsTheOneTheReceiverSees(TestBackend backend) throws Exception {
        try (Scenario s = Scenario.on(backend)) {
            Session tx = s.started().createSession(Session.SESSION_TRANSACTED);
            Queue q = tx.createQueue(s.queue("tx-id"));
            TextMessage m = tx.createTextMessage("id");
            tx.createProducer(q).send(m);
            tx.commit();
            Message got = tx.createConsumer(q).receive(10_000);
            tx.commit();
            assertThat(got.getJMSMessageID()).isEqualTo(m.getJMSMessageID());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sluice.jms.backends.Backends#all")
    void rollbackDiscardsSendsAndRedeliversReceived(TestBackend backend) throws Exception {
        try (Scenario s = Scenario.on(backend)) {
            Connection connection = s.started();
            Session tx = connection.createSession(Session.SESSION_TRANSACTED);
            Queue in = tx.createQueue(s.queue("in"));
            Queue out = tx.createQueue(s.queue("out"));
            Session plain = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            plain.createProducer(in).send(plain.createTextMessage("work"));

            MessageConsumer c = tx.createConsumer(in);
            assertThat(c.receive(10_000)).isNotNull();
            tx.createProducer(out).send(tx.createTextMessage("result"));
            tx.rollback();
            Message again = c.receive(10_000);
            assertThat(again).isNotNull();
            assertThat(again.getJMSRedelivered()).isTrue();
            tx.createProducer(out).send(tx.createTextMessage("result"));
            tx.commit();

            Message result = plain.createConsumer(out).receive(10_000);
            assertThat(((TextMessage) result).getText()).isEqualTo("result");
            assertThat(plain.createConsumer(out).receive(1_000)).as("the rolled-back send never went").isNull();
            await().atMost(Duration.ofSeconds(10)).until(() -> backend.messagesIn(in.getQueueName()) == 0);
        }
    }
}
