package dev.sluice.samples.ee.requestreply;

import dev.sluice.samples.ee.SluiceResources;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.TemporaryQueue;

import java.util.UUID;

/**
 * Asks for a price and waits for the answer: the request names a temporary reply queue and a correlation id.
 * Not in a transaction — a request sent inside one would only leave when the transaction ends, after the wait.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class QuoteClient {

    public static final String QUEUE = "quote-requests";

    @Inject
    @JMSConnectionFactory(SluiceResources.FACTORY)
    private JMSContext jms;

    /** The quoted price and whether the reply carried our correlation id, or null after {@code timeoutMillis}. */
    public String quote(String item, long timeoutMillis) throws Exception {
        TemporaryQueue replies = jms.createTemporaryQueue();
        String correlation = UUID.randomUUID().toString();
        try (JMSConsumer consumer = jms.createConsumer(replies)) {
            jms.createProducer().setJMSReplyTo(replies).setJMSCorrelationID(correlation)
                    .send(jms.createQueue(QUEUE), item);
            Message reply = consumer.receive(timeoutMillis);
            if (reply == null) {
                return null;
            }
            return reply.getBody(String.class) + "|" + correlation.equals(reply.getJMSCorrelationID());
        } finally {
            replies.delete();
        }
    }
}
