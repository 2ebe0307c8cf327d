package dev.sluice.samples.quickstart;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Queue;

/** A producer of the order flow: sends its share of the orders, one of which may be the poisoned one. */
@ApplicationScoped
public class OrderShop {

    @Inject
    JMSContext context;
    @Inject
    FlowStats stats;

    /** Sends orders first, first + step, … below total; each thread's call is a request with its own context. */
    @ActivateRequestContext
    public void sendOrders(int first, int step, int total, int poisoned) {
        Queue orders = context.createQueue(OrderFlowQuickstart.ORDERS);
        JMSProducer producer = context.createProducer();
        for (int i = first; i < total; i += step) {
            String body = i == poisoned ? "{\"order_id\":\"" + i + "\",\"items\":" // truncated: cannot be parsed
                    : "{\"order_id\":\"" + i + "\",\"items\":[" + (i % 7 + 1) + "]}";
            producer.setProperty("OrderId", Integer.toString(i)).setProperty("Priority", i % 10 == 0 ? "high" : "normal")
                    .send(orders, body);
            stats.sent();
        }
    }
}
