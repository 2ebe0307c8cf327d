package dev.sluice.samples.legacy;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;

import java.util.ArrayList;
import java.util.List;

/**
 * Takes orders with a synchronous consumer in CLIENT_ACKNOWLEDGE mode, optionally through a selector (the
 * express lane), and acknowledges them together once all are handled — the classic batch consumer.
 */
public final class OrderReader {

    private final Connection connection;
    private final String queue;

    public OrderReader(Connection connection, String queue) {
        this.connection = connection;
        this.queue = queue;
    }

    /** Up to {@code max} orders, waiting at most {@code timeoutMillis} for each; a null selector takes any. */
    public List<LegacyOrder> take(String selector, int max, long timeoutMillis) throws JMSException {
        try (Session session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
             MessageConsumer consumer = session.createConsumer(session.createQueue(queue), selector)) {
            List<LegacyOrder> orders = new ArrayList<>();
            Message last = null;
            while (orders.size() < max) {
                Message m = consumer.receive(timeoutMillis);
                if (m == null) {
                    break;
                }
                orders.add(LegacyOrder.from(m));
                last = m;
            }
            if (last != null) {
                last.acknowledge(); // acknowledges every message this session consumed
            }
            return orders;
        }
    }
}
