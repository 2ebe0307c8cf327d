package dev.sluice.samples.requestreply;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * The replying service: an MDB-style listener that answers each request on the request's JMSReplyTo, with
 * the request's JMSMessageID as the reply's JMSCorrelationID. Each delivery is a request scope, so the
 * injected JMSContext it replies with is opened and closed per message, as in an application server.
 */
@ApplicationScoped
public class PriceResponder implements MessageListener {

    public static final String QUEUE = "price-requests";

    @Inject
    JMSContext context;

    @Override
    @ActivateRequestContext
    public void onMessage(Message request) {
        try {
            String sku = request.getBody(String.class);
            context.createProducer().setJMSCorrelationID(request.getJMSMessageID())
                    .send(request.getJMSReplyTo(), "{\"sku\":\"" + sku + "\",\"price\":" + (sku.length() * 100 + 99) + "}");
        } catch (JMSException e) {
            throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
        }
    }
}
