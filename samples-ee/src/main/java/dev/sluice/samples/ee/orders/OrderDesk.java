package dev.sluice.samples.ee.orders;

import dev.sluice.samples.ee.SluiceResources;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;

/**
 * The order-taking side of the guide's decoupling use case: it records the order and leaves its processing to
 * the queue, with OrderId and Priority as message attributes any SQS consumer can read.
 */
@Stateless
public class OrderDesk {

    public static final String QUEUE = "orders";

    @Inject
    @JMSConnectionFactory(SluiceResources.FACTORY)
    private JMSContext jms;

    public void place(String orderId, int priority, String items) {
        jms.createProducer()
                .setProperty("OrderId", orderId)
                .setProperty("Priority", priority)
                .send(jms.createQueue(QUEUE), items);
    }
}
