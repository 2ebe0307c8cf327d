package dev.sluice.samples.deadletter;

import dev.sluice.samples.support.QueueAdmin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;

import java.util.Collections;
import java.util.Optional;

/**
 * The operator's side of the dead-letter queue: wait for a dead letter, inspect it, and — once the bug is
 * fixed — send it back to its source queue, either through JMS (receive and resend in one transaction, so
 * the message is neither lost nor doubled) or with SQS's own redrive, the message move task.
 */
@ApplicationScoped
public class DeadLetterDesk {

    /** How a dead letter goes back to its source queue. */
    public enum Redrive { JMS_TRANSACTION, MOVE_TASK }

    @Inject
    ConnectionFactory factory;
    @Inject
    QueueAdmin admin;

    /** Waits up to {@code timeoutMillis} for a dead letter; the inspection holds it until redriven or closed. */
    public Optional<Inspection> awaitDeadLetter(String deadLetterQueue, long timeoutMillis) throws JMSException {
        JMSContext tx = factory.createContext(JMSContext.SESSION_TRANSACTED);
        JMSConsumer consumer = tx.createConsumer(tx.createQueue(deadLetterQueue));
        Message m = consumer.receive(timeoutMillis);
        if (m == null) {
            tx.close();
            return Optional.empty();
        }
        return Optional.of(new Inspection(tx, consumer, deadLetterQueue, m));
    }

    /** One dead letter received in a transaction: closing without a redrive leaves it in the dead-letter queue. */
    public final class Inspection implements AutoCloseable {

        private final JMSContext tx;
        private final JMSConsumer consumer;
        private final String deadLetterQueue;
        private final Message message;
        private final DeadLetter letter;

        private Inspection(JMSContext tx, JMSConsumer consumer, String deadLetterQueue, Message m) throws JMSException {
            this.tx = tx;
            this.consumer = consumer;
            this.deadLetterQueue = deadLetterQueue;
            this.message = m;
            this.letter = new DeadLetter(m.getStringProperty("PaymentId"), m.getStringProperty("Amount"),
                    m.getIntProperty("JMSXDeliveryCount"), m.getJMSMessageID(), m.getBody(String.class));
        }

        public DeadLetter letter() {
            return letter;
        }

        public void redriveTo(String source, Redrive how) throws JMSException {
            if (how == Redrive.JMS_TRANSACTION) {
                JMSProducer resend = tx.createProducer();
                for (Object property : Collections.list(message.getPropertyNames())) {
                    String name = (String) property;
                    if (!name.startsWith("JMSX")) { // the delivery count starts again; JMSX properties are the provider's
                        resend.setProperty(name, message.getObjectProperty(name));
                    }
                }
                resend.send(tx.createQueue(source), letter.body());
                tx.commit();
            } else {
                tx.rollback(); // only looked at: back in the dead-letter queue, where the move task takes it
                consumer.close();
                admin.redrive(deadLetterQueue, source);
            }
        }

        @Override
        public void close() {
            tx.close();
        }
    }
}
