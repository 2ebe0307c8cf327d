package dev.sluice.jms.backends;

import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** DESIGN.md rows recover/rollback ↔ ChangeMessageVisibility to the redelivery delay; redelivery limit ↔ RedrivePolicy. */
class RedeliverySuiteTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sluice.jms.backends.Backends#all")
    void theRedeliveryLimitMovesTheMessageToTheDeadLetterQueue(TestBackend backend) throws Exception {
        try (Scenario s = Scenario.on(backend)) {
            String dlq = s.createQueue("orders-dlq", Map.of());
            String orders = s.createQueue("orders", Map.of("RedrivePolicy",
                    "{\"deadLetterTargetArn\":\"" + backend.arn(dlq) + "\",\"maxReceiveCount\":\"2\"}"));
            Session session = s.started().createSession(Session.CLIENT_ACKNOWLEDGE);
            Queue q = session.createQueue(orders);
            TextMessage poison = session.createTextMessage("poison");
            poison.setStringProperty("OrderId", "42");
            session.createProducer(q).send(poison);
            MessageConsumer c = session.createConsumer(q);
            for (int delivery = 1; delivery <= 2; delivery++) {
                Message m = c.receive(10_000);
                assertThat(m).as("delivery %d", delivery).isNotNull();
                assertThat(m.getIntProperty("JMSXDeliveryCount")).isEqualTo(delivery);
                session.recover();
            }
            // the next receive finds the message over its limit: SQS moves it to the dead-letter queue
            assertThat(c.receive(2_000)).isNull();
            Message dead = session.createConsumer(session.createQueue(dlq)).receive(10_000);
            assertThat(dead).isNotNull();
            assertThat(((TextMessage) dead).getText()).isEqualTo("poison");
            assertThat(dead.getStringProperty("OrderId")).isEqualTo("42");
            assertThat(dead.getJMSMessageID()).isEqualTo(poison.getJMSMessageID());
            assertThat(dead.getJMSRedelivered()).isTrue();
            dead.acknowledge();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sluice.jms.backends.Backends#all")
    void rollbackWaitsTheRedeliveryDelay(TestBackend backend) throws Exception {
        try (Scenario s = Scenario.on(backend, "redeliveryDelay=2")) {
            Session tx = s.started().createSession(Session.SESSION_TRANSACTED);
            Queue q = tx.createQueue(s.queue("backoff"));
            tx.createProducer(q).send(tx.createTextMessage("later"));
            tx.commit();
            MessageConsumer c = tx.createConsumer(q);
            assertThat(c.receive(10_000)).isNotNull();
            long released = System.nanoTime();
            tx.rollback();
            Message again = c.receive(10_000);
            long waitedMillis = (System.nanoTime() - released) / 1_000_000;
            assertThat(again).isNotNull();
            assertThat(again.getJMSRedelivered()).isTrue();
            assertThat(waitedMillis).as("the 2 s redelivery delay").isGreaterThanOrEqualTo(1_500);
            tx.commit();
        }
    }
}
