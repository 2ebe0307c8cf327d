package dev.sluice.samples.legacy;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import java.util.Map;

/**
 * The answering side of the stock check: a MessageListener replying to JMSReplyTo with the request's
 * JMSMessageID as JMSCorrelationID. The producer has no destination; each reply names its own.
 */
public final class StockService implements AutoCloseable {

    private final Session session;

    public StockService(Connection connection, String queue, Map<String, Integer> stock) throws JMSException {
        session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageProducer replies = session.createProducer(null);
        session.createConsumer(session.createQueue(queue)).setMessageListener(request -> {
            try {
                TextMessage reply = session.createTextMessage(
                        Integer.toString(stock.getOrDefault(((TextMessage) request).getText(), 0)));
                reply.setJMSCorrelationID(request.getJMSMessageID());
                replies.send(request.getJMSReplyTo(), reply);
            } catch (JMSException e) {
                throw new IllegalStateException("stock reply failed", e);
            }
        });
    }

    /** Asks: how many of this SKU are in stock? Waits for the reply on a temporary queue. */
    public static Integer ask(Connection connection, String queue, String sku, long timeoutMillis) throws JMSException {
        try (Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            var replyQueue = session.createTemporaryQueue();
            TextMessage request = session.createTextMessage(sku);
            request.setJMSReplyTo(replyQueue);
            session.createProducer(session.createQueue(queue)).send(request);
            Message reply;
            try (MessageConsumer consumer = session.createConsumer(replyQueue)) {
                reply = consumer.receive(timeoutMillis);
            }
            replyQueue.delete(); // would also go with the connection; a long-lived connection should not collect them
            if (reply == null || !request.getJMSMessageID().equals(reply.getJMSCorrelationID())) {
                return null;
            }
            return Integer.valueOf(((TextMessage) reply).getText());
        }
    }

    @Override
    public void close() throws JMSException {
        session.close();
    }
}
