package dev.sluice.jms.cdi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;

/** An application bean as a user writes one: it injects the context and uses it inside a request. */
@ApplicationScoped
public class OrderDesk {

    @Inject
    JMSContext context;

    @ActivateRequestContext
    public String place(String queue, String orderId) throws JMSException {
        var message = context.createTextMessage("{\"order_id\":\"" + orderId + "\"}");
        context.createProducer().setProperty("OrderId", orderId).send(context.createQueue(queue), message);
        return message.getJMSMessageID();
    }

    /** Tries to close the injected context, which its request owns. */
    @ActivateRequestContext
    public void closeContext() {
        context.close();
    }

    /** Hands out a consumer of the request's context: it must not survive the request. */
    @ActivateRequestContext
    public JMSConsumer consumerOf(String queue) {
        return context.createConsumer(context.createQueue(queue));
    }
}
