package dev.sluice.samples.producerconsumer;

import dev.sluice.samples.support.SampleMain;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The producer–consumer pattern: a producer thread and a consumer thread share nothing but a queue; the
 * consumer long-polls with receive(timeout) (the guide's WaitTimeSeconds=20) and stops at the end marker.
 */
@ApplicationScoped
public class ProducerConsumerApp {

    public static final String QUEUE = "producer-consumer-queue";
    static final String END = "end";

    @Inject
    JMSContext context;
    @Inject
    ConnectionFactory factory;

    public static void main(String[] args) throws Exception {
        SampleMain.run(ProducerConsumerApp.class, app -> System.out.println("consumed " + app.run(100)));
    }

    /** @return what the consumer received, in the order it received it */
    @ActivateRequestContext
    public List<String> run(int messages) throws Exception {
        CompletableFuture<List<String>> consumer = CompletableFuture.supplyAsync(this::consume);
        produce(messages);
        return consumer.get();
    }

    private void produce(int messages) {
        for (int i = 0; i < messages; i++) {
            context.createProducer().send(context.createQueue(QUEUE), "message " + i);
        }
        context.createProducer().send(context.createQueue(QUEUE), END);
    }

    private List<String> consume() {
        List<String> received = new ArrayList<>();
        try (JMSContext own = factory.createContext()) {
            JMSConsumer consumer = own.createConsumer(own.createQueue(QUEUE));
            String body;
            while ((body = consumer.receiveBody(String.class, 20_000)) != null && !body.equals(END)) {
                received.add(body);
            }
        }
        return received;
    }
}
