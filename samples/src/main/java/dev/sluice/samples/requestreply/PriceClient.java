package dev.sluice.samples.requestreply;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;

import java.util.Optional;

/**
 * The guide's send_request() and wait_for_reply(correlation_id): the reply queue is a temporary queue that
 * lives as long as the request's context, and the reply is matched by its JMSCorrelationID.
 */
@ApplicationScoped
public class PriceClient {

    /** The reply and the ids that tie it to its request. */
    public record Reply(String body, String requestId, String correlationId) {
    }

    @Inject
    JMSContext context;

    @ActivateRequestContext
    public Optional<Reply> priceOf(String sku, long timeoutMillis) throws JMSException {
        TemporaryQueue replies = context.createTemporaryQueue();
        TextMessage request = context.createTextMessage(sku);
        context.createProducer().setJMSReplyTo(replies).send(context.createQueue(PriceResponder.QUEUE), request);
        String selector = "JMSCorrelationID = '" + request.getJMSMessageID() + "'";
        Message reply = context.createConsumer(replies, selector).receive(timeoutMillis);
        return reply == null ? Optional.empty()
                : Optional.of(new Reply(reply.getBody(String.class), request.getJMSMessageID(), reply.getJMSCorrelationID()));
    }
}
