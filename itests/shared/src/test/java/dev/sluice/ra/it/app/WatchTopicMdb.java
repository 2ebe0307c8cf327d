package dev.sluice.ra.it.app;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;

/** A non-durable subscription of its own to the same topic: it gets its own copy of every message. */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destination", propertyValue = "it-prices"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "sluice-ra"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2")})
public class WatchTopicMdb implements MessageListener {

    @EJB
    private Recorder recorder;

    @Override
    public void onMessage(Message message) {
        try {
            recorder.record("it-prices/watch", ((TextMessage) message).getText());
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
