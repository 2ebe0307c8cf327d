package dev.sluice.samples.legacy;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.Session;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Fulfils orders as they arrive: a MessageListener in CLIENT_ACKNOWLEDGE mode that acknowledges each order
 * once shipped. When the warehouse is briefly unavailable it calls {@code recover()}, and the order comes
 * back, marked redelivered.
 */
public final class FulfilmentListener implements MessageListener, AutoCloseable {

    /** A shipped order and whether its delivery was a redelivery. */
    public record Shipped(String orderId, boolean redelivered) {
    }

    private final Session session;
    private final List<Shipped> shipped = new CopyOnWriteArrayList<>();
    private volatile int outagesLeft;

    public FulfilmentListener(Connection connection, String queue, int outages) throws JMSException {
        this.outagesLeft = outages;
        session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        session.createConsumer(session.createQueue(queue)).setMessageListener(this);
    }

    @Override
    public void onMessage(Message message) {
        try {
            if (outagesLeft > 0) {
                outagesLeft--;
                session.recover(); // not shipped: deliver it again
                return;
            }
            shipped.add(new Shipped(LegacyOrder.from(message).orderId(), message.getJMSRedelivered()));
            message.acknowledge();
        } catch (JMSException e) {
            throw new IllegalStateException("fulfilment failed", e);
        }
    }

    public List<Shipped> shipped() {
        return List.copyOf(shipped);
    }

    @Override
    public void close() throws JMSException {
        session.close();
    }
}
