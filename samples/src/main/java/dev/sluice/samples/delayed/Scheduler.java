package dev.sluice.samples.delayed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.TextMessage;

import java.time.Duration;

/**
 * The guide's schedule_message(): JMS's delivery delay is SQS's DelaySeconds, so the same limit holds — at
 * most 900 seconds (15 minutes). A longer delay fails at send, as the guide's 86,400 s example fails on SQS.
 */
@ApplicationScoped
public class Scheduler {

    public static final String QUEUE = "delayed-queue";

    @Inject
    JMSContext context;

    /** @return the time (epoch millis) before which the message will not be delivered: its JMSDeliveryTime */
    @ActivateRequestContext
    public long schedule(String body, Duration delay) throws Exception {
        TextMessage message = context.createTextMessage(body);
        context.createProducer().setDeliveryDelay(delay.toMillis()).send(context.createQueue(QUEUE), message);
        return message.getJMSDeliveryTime();
    }
}
