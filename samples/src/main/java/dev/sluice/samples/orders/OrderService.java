package dev.sluice.samples.orders;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.TextMessage;

/** The guide's send_order_message(): the shop's side, which knows nothing of who processes orders, or when. */
@ApplicationScoped
public class OrderService {

    public static final String QUEUE = "order-queue";

    @Inject
    JMSContext context;

    /** @return the JMSMessageID (the SQS MessageId with "ID:" in front) */
    @ActivateRequestContext
    public String submit(Order order) throws JMSException {
        TextMessage message = context.createTextMessage(order.toJson());
        context.createProducer()
                .setProperty("OrderId", order.orderId())
                .setProperty("Priority", order.priority())
                .send(context.createQueue(QUEUE), message);
        return message.getJMSMessageID();
    }
}
