package dev.sluice.samples.quickstart;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

import java.io.PrintStream;

/**
 * The consumer of the order flow, written as an MDB's onMessage. A malformed order makes it throw, as a
 * failing MDB does: the provider releases the message with its visibility timeout set to the redelivery
 * delay, it comes back after that, and the queue's redrive policy sends it to the dead-letter queue after
 * its last allowed receive.
 */
@ApplicationScoped
public class Fulfilment implements MessageListener {

    @Inject
    FlowStats stats;

    private volatile PrintStream out = System.out;
    private volatile int redeliveryDelaySeconds;

    void report(PrintStream out, int redeliveryDelaySeconds) {
        this.out = out;
        this.redeliveryDelaySeconds = redeliveryDelaySeconds;
    }

    @Override
    public void onMessage(Message message) {
        try {
            String body = message.getBody(String.class);
            if (!body.endsWith("]}")) {
                stats.failed();
                out.printf("  order %s is malformed (delivery #%d, JMSRedelivered=%b): onMessage throws; invisible "
                                + "for %d s, then delivered again%n", message.getStringProperty("OrderId"),
                        message.getIntProperty("JMSXDeliveryCount"), message.getJMSRedelivered(), redeliveryDelaySeconds);
                throw new IllegalArgumentException("malformed order: " + body);
            }
            stats.processed();
        } catch (JMSException e) {
            throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
        }
    }
}
