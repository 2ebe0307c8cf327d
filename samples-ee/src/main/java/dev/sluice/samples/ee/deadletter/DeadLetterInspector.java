package dev.sluice.samples.ee.deadletter;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * The dead-letter queue is an ordinary queue: this MDB takes what landed there for inspection (a real
 * application would alert someone, or fix the payment and send it back to {@link PaymentDesk#QUEUE}).
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destination", propertyValue = PaymentDesk.DEAD_LETTERS),
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "sluice-ra"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1")})
public class DeadLetterInspector implements MessageListener {

    @EJB
    private PaymentLedger ledger;

    @Override
    public void onMessage(Message message) {
        try {
            ledger.deadLettered(message.getStringProperty("PaymentId"), message.getBody(String.class),
                    message.getIntProperty("JMSXDeliveryCount"));
        } catch (JMSException e) {
            throw new IllegalStateException("Unreadable dead letter " + message, e);
        }
    }
}
