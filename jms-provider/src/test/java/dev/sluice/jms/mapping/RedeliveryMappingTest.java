package dev.sluice.jms.mapping;

import dev.sluice.engine.queue.RedrivePolicy;
import dev.sluice.jms.spec.Broker;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** DESIGN.md rows: recover()/rollback ↔ ChangeMessageVisibility to the redelivery delay; redelivery limit ↔ RedrivePolicy. */
class RedeliveryMappingTest {

    @Test
    void recoverKeepsTheMessageInvisibleForTheRedeliveryDelay() throws Exception {
        try (Broker b = Broker.manual("redeliveryDelay=10")) {
            Session s = b.started().createSession(Session.CLIENT_ACKNOWLEDGE);
            Queue q = s.createQueue("recover-delay");
            s.createProducer(q).send(s.createTextMessage("x"));
            MessageConsumer c = s.createConsumer(q);
            assertThat(c.receiveNoWait()).isNotNull();
            s.recover();
            assertThat(c.receiveNoWait()).isNull();
            b.advanceSeconds(9);
            assertThat(c.receiveNoWait()).isNull();
            b.advanceSeconds(2);
            Message again = c.receiveNoWait();
            assertThat(again).isNotNull();
            assertThat(again.getJMSRedelivered()).isTrue();
        }
    }

    @Test
    void rollbackBacksOffByTheMultiplierForEachFurtherDelivery() throws Exception {
        try (Broker b = Broker.manual("redeliveryDelay=10&redeliveryBackoff=2")) {
            Session tx = b.started().createSession(Session.SESSION_TRANSACTED);
            Queue q = tx.createQueue("rollback-backoff");
            tx.createProducer(q).send(tx.createTextMessage("x"));
            tx.commit();
            MessageConsumer c = tx.createConsumer(q);
            assertThat(c.receiveNoWait()).isNotNull();
            tx.rollback(); // first delivery released: 10 s
            b.advanceSeconds(9);
            assertThat(c.receiveNoWait()).isNull();
            b.advanceSeconds(2);
            assertThat(c.receiveNoWait()).isNotNull();
            tx.rollback(); // second delivery released: 20 s
            b.advanceSeconds(19);
            assertThat(c.receiveNoWait()).isNull();
            b.advanceSeconds(2);
            Message third = c.receiveNoWait();
            assertThat(third).isNotNull();
            assertThat(third.getIntProperty("JMSXDeliveryCount")).isEqualTo(3);
            tx.commit();
        }
    }

    @Test
    void afterMaxReceiveCountFailedDeliveriesTheMessageIsInTheDeadLetterQueue() throws Exception {
        try (Broker b = Broker.manual()) {
            b.engine().createQueue("work-dlq");
            b.engine().createQueue("work", Map.of("RedrivePolicy",
                    new RedrivePolicy(b.engine().queueArn("work-dlq"), 3).toJson()), Map.of());
            Connection c = b.started();
            Session tx = c.createSession(Session.SESSION_TRANSACTED);
            Queue work = tx.createQueue("work");
            Session plain = c.createSession();
            TextMessage poison = plain.createTextMessage("poison");
            poison.setStringProperty("reason", "cannot be processed");
            plain.createProducer(work).send(poison);

            MessageConsumer consumer = tx.createConsumer(work);
            for (int attempt = 1; attempt <= 3; attempt++) {
                Message m = consumer.receiveNoWait();
                assertThat(m).as("delivery %d", attempt).isNotNull();
                assertThat(m.getIntProperty("JMSXDeliveryCount")).isEqualTo(attempt);
                tx.rollback();
            }
            assertThat(consumer.receiveNoWait()).isNull();

            Message dead = plain.createConsumer(plain.createQueue("work-dlq")).receiveNoWait();
            assertThat(dead).isInstanceOf(TextMessage.class);
            assertThat(((TextMessage) dead).getText()).isEqualTo("poison");
            assertThat(dead.getStringProperty("reason")).isEqualTo("cannot be processed");
            assertThat(dead.getJMSMessageID()).isEqualTo(poison.getJMSMessageID());
        }
    }
}
