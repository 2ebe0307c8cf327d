package dev.sluice.ra.it.app;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;

/**
 * Slow work: each message takes three times the activation's 2-second visibility timeout. It records when it
 * starts and when it is done; a redelivery behind its back would show as a second start.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destination", propertyValue = "it-slow"),
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "sluice-ra"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2"),
        @ActivationConfigProperty(propertyName = "visibilityTimeout", propertyValue = "2")})
public class SlowMdb implements MessageListener {

    static final long WORK_MILLIS = 6_000;

    @EJB
    private Recorder recorder;

    @Override
    public void onMessage(Message message) {
        try {
            String text = ((TextMessage) message).getText();
            recorder.record("it-slow", "start|" + text + "|" + message.getIntProperty("JMSXDeliveryCount"));
            // the workload itself: a long-running task, not a synchronisation
            Thread.sleep(WORK_MILLIS);
            recorder.record("it-slow", "done|" + text);
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
