package dev.sluice.samples.orders;

import dev.sluice.samples.support.Listeners;
import dev.sluice.samples.support.SampleMain;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;

import java.time.Duration;
import java.util.List;

/**
 * Use case 1, decoupling microservices: the shop submits orders while no processor runs; they wait in the
 * queue; a pool of processors started later takes them all. Neither side knows the other.
 */
@ApplicationScoped
public class OrderProcessingApp {

    @Inject
    OrderService shop;
    @Inject
    OrderProcessor processor;
    @Inject
    ConnectionFactory factory;

    public static void main(String[] args) throws Exception {
        SampleMain.run(OrderProcessingApp.class, app -> app.run(20, 2).forEach(p ->
                System.out.printf("processed order %s (%s): %s%n", p.orderId(), p.priority(), p.body())));
    }

    public List<OrderProcessor.Processed> run(int orders, int processors) throws Exception {
        for (int i = 1; i <= orders; i++) {
            shop.submit(new Order(Integer.toString(i), i % 5 == 0 ? "high" : "normal", i % 3 + 1));
        }
        try (Listeners ignored = Listeners.start(factory, OrderService.QUEUE, processors, processor)) {
            if (!processor.processed().awaitSize(orders, Duration.ofSeconds(30))) {
                throw new IllegalStateException("only " + processor.processed().size() + " of " + orders + " orders processed");
            }
        }
        return processor.processed().items();
    }
}
