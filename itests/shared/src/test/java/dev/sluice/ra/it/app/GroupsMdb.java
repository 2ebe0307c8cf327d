package dev.sluice.ra.it.app;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;

/** Four sessions on a FIFO queue: records group and text (the sequence within the group) as delivered. */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destination", propertyValue = "it-groups.fifo"),
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "sluice-ra"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4")})
public class GroupsMdb implements MessageListener {

    @EJB
    private Recorder recorder;

    @Override
    public void onMessage(Message message) {
        try {
            recorder.record("it-groups.fifo", message.getStringProperty("JMSXGroupID") + "|" + ((TextMessage) message).getText()
                    + "|" + Thread.currentThread().getName());
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
