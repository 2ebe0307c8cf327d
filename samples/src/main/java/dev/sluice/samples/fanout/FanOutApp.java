package dev.sluice.samples.fanout;

import dev.sluice.samples.support.SampleMain;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fan-out pattern as the guide writes it (fan_out(message, queue_urls)): the same message sent to one
 * queue per interested service, each of which consumes its copy independently. (Topics, where one send
 * reaches every subscription's queue, are not in Sluice yet.)
 */
@ApplicationScoped
public class FanOutApp {

    public static final List<String> QUEUES = List.of("inventory-queue", "billing-queue", "shipping-queue");

    /** One service's copy: the body, the OrderId property, and the copy's own JMSMessageID. */
    public record Copy(String body, String orderId, String messageId) {
    }

    @Inject
    JMSContext context;
    @Inject
    ConnectionFactory factory;

    public static void main(String[] args) throws Exception {
        SampleMain.run(FanOutApp.class, app -> app.run("{\"order_id\":\"42\"}", "42")
                .forEach((queue, copy) -> System.out.println(queue + " got " + copy)));
    }

    @ActivateRequestContext // run calls send/fanOut on itself, which the interceptor does not see
    public Map<String, Copy> run(String body, String orderId) throws Exception {
        fanOut(body, orderId);
        Map<String, Copy> copies = new LinkedHashMap<>();
        for (String queue : QUEUES) {
            try (JMSContext service = factory.createContext()) {
                Message m = service.createConsumer(service.createQueue(queue)).receive(10_000);
                if (m != null) {
                    copies.put(queue, new Copy(m.getBody(String.class), m.getStringProperty("OrderId"), m.getJMSMessageID()));
                }
            }
        }
        return copies;
    }

    @ActivateRequestContext
    public void fanOut(String body, String orderId) {
        JMSProducer producer = context.createProducer().setProperty("OrderId", orderId);
        QUEUES.forEach(queue -> producer.send(context.createQueue(queue), body));
    }
}
