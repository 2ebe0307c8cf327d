package dev.sluice.samples.ee.deadletter;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Settles payments. A negative amount is a poisoned message: processing throws, the transaction rolls back,
 * the message comes back (after the redelivery delay) until the queue's maxReceiveCount moves it to the
 * dead-letter queue, where {@link DeadLetterInspector} sees it.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destination", propertyValue = PaymentDesk.QUEUE),
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "sluice-ra"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2"),
        @ActivationConfigProperty(propertyName = "redeliveryDelay", propertyValue = "1")})
public class PaymentProcessor implements MessageListener {

    @EJB
    private PaymentLedger ledger;

    @Override
    public void onMessage(Message message) {
        try {
            long cents = Long.parseLong(message.getBody(String.class));
            String id = message.getStringProperty("PaymentId");
            if (cents < 0) {
                ledger.failed(id, message.getIntProperty("JMSXDeliveryCount"));
                throw new IllegalArgumentException("Payment " + id + " has a negative amount: " + cents);
            }
            ledger.settled(id, cents);
        } catch (JMSException e) {
            throw new IllegalStateException("Unreadable payment " + message, e);
        }
    }
}
