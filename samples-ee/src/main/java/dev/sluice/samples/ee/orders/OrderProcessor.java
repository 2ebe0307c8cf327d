package dev.sluice.samples.ee.orders;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/** Processes orders as they arrive, four at a time; the message is deleted when processing commits. */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destination", propertyValue = OrderDesk.QUEUE),
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "sluice-ra"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4")})
public class OrderProcessor implements MessageListener {

    @EJB
    private OrderBook book;

    @Override
    public void onMessage(Message message) {
        try {
            book.processed(message.getStringProperty("OrderId"), message.getIntProperty("Priority"),
                    message.getBody(String.class));
        } catch (JMSException e) {
            throw new IllegalStateException("Unreadable order " + message, e);
        }
    }
}
