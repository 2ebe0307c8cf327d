package dev.sluice.jms.mapping;

import dev.sluice.jms.spec.Broker;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.TransactionRolledBackException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** DESIGN.md row: SESSION_TRANSACTED commit = buffered sends + deletes of received messages, atomically. */
class TransactionMappingTest {

    @Test
    void commitMovesAMessageFromOneQueueToAnother() throws Exception {
        try (Broker b = Broker.manual()) {
            Connection c = b.started();
            Session tx = c.createSession(Session.SESSION_TRANSACTED);
            Queue in = tx.createQueue("move-in");
            Queue out = tx.createQueue("move-out");
            Session plain = c.createSession();
            plain.createProducer(in).send(plain.createTextMessage("job"));
            Message job = tx.createConsumer(in).receiveNoWait();
            tx.createProducer(out).send(tx.createTextMessage("done: " + ((TextMessage) job).getText()));
            tx.commit();
            b.advanceSeconds(31);
            assertThat(plain.createConsumer(in).receiveNoWait()).isNull();
            assertThat(((TextMessage) plain.createConsumer(out).receiveNoWait()).getText()).isEqualTo("done: job");
        }
    }

    @Test
    void aCommitThatFailsAppliesNothingAndTheReceivedMessageComesBack() throws Exception {
        try (Broker b = Broker.manual()) {
            Connection c = b.started();
            Session tx = c.createSession(Session.SESSION_TRANSACTED);
            Queue in = tx.createQueue("atomic-in");
            Queue out = tx.createQueue("atomic-out");
            Queue doomed = tx.createQueue("atomic-doomed");
            Session plain = c.createSession();
            plain.createProducer(in).send(plain.createTextMessage("job"));
            MessageProducer p = tx.createProducer(null);
            assertThat(tx.createConsumer(in).receiveNoWait()).isNotNull();
            p.send(out, tx.createTextMessage("first half"));
            p.send(doomed, tx.createTextMessage("second half"));
            b.engine().deleteQueue("atomic-doomed"); // the commit's second send must fail

            assertThatThrownBy(tx::commit).isInstanceOf(TransactionRolledBackException.class);
            assertThat(plain.createConsumer(out).receiveNoWait()).as("no partial commit").isNull();
            b.advanceSeconds(31);
            Message back = plain.createConsumer(in).receiveNoWait();
            assertThat(back).as("the received message was not deleted").isNotNull();
            assertThat(back.getJMSRedelivered()).isTrue();
        }
    }

    static String text(Message m) throws JMSException {
        return ((TextMessage) m).getText();
    }
}
