package dev.sluice.samples.legacy;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;

import java.util.ArrayList;
import java.util.List;

/** Sends orders the JMS 1.1 way: one persistent send, or a batch in a transacted session (all or nothing). */
public final class OrderGateway {

    private final Connection connection;
    private final String queue;

    public OrderGateway(Connection connection, String queue) {
        this.connection = connection;
        this.queue = queue;
    }

    /** @return the JMSMessageID */
    public String place(LegacyOrder order) throws JMSException {
        try (Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
             MessageProducer producer = session.createProducer(session.createQueue(queue))) {
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            var message = order.toMessage(session);
            producer.send(message);
            return message.getJMSMessageID();
        }
    }

    /**
     * Sends the orders in one transaction; {@code commit} false rolls it back (the import found a bad line),
     * and none of them is ever delivered.
     */
    public List<String> placeBatch(List<LegacyOrder> orders, boolean commit) throws JMSException {
        try (Session session = connection.createSession(true, Session.SESSION_TRANSACTED)) {
            Queue destination = session.createQueue(queue);
            MessageProducer producer = session.createProducer(destination);
            List<String> ids = new ArrayList<>();
            for (LegacyOrder order : orders) {
                var message = order.toMessage(session);
                producer.send(message);
                ids.add(message.getJMSMessageID());
            }
            if (commit) {
                session.commit();
            } else {
                session.rollback();
            }
            return ids;
        }
    }
}
