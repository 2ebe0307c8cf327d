package dev.sluice.samples.priority;

import dev.sluice.samples.support.SampleMain;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The priority queue pattern. The guide can only label messages ('high', 'normal', 'low') for consumers to
 * sort out; in JMS the label becomes JMSPriority, and the embedded engine delivers higher priorities first
 * (on an Amazon SQS backend priority is accepted but orders nothing: there, use one queue per priority).
 */
@ApplicationScoped
public class PriorityApp {

    public static final String QUEUE = "priority-queue";
    static final Map<String, Integer> PRIORITIES = Map.of("high", 9, "normal", 4, "low", 0);

    /** A message as the consumer got it: the label it was sent with and its JMSPriority. */
    public record Received(String label, int jmsPriority, String body) {
    }

    @Inject
    JMSContext context;
    @Inject
    ConnectionFactory factory;

    public static void main(String[] args) throws Exception {
        SampleMain.run(PriorityApp.class, app -> app.run(List.of("low", "normal", "low", "high", "normal", "high"))
                .forEach(r -> System.out.println("received " + r)));
    }

    /** Sends the labelled backlog in this order, then consumes it all. */
    @ActivateRequestContext // run calls send/fanOut on itself, which the interceptor does not see
    public List<Received> run(List<String> labels) throws Exception {
        for (int i = 0; i < labels.size(); i++) {
            send("{\"task\":" + i + "}", labels.get(i));
        }
        List<Received> received = new ArrayList<>();
        try (JMSContext worker = factory.createContext()) {
            JMSConsumer consumer = worker.createConsumer(worker.createQueue(QUEUE));
            for (int i = 0; i < labels.size(); i++) {
                Message m = consumer.receive(10_000);
                if (m == null) {
                    break;
                }
                received.add(new Received(m.getStringProperty("Priority"), m.getJMSPriority(), m.getBody(String.class)));
            }
        }
        return received;
    }

    /** The guide's send_priority_message(message, priority). */
    @ActivateRequestContext
    public void send(String body, String label) {
        Integer priority = PRIORITIES.get(label);
        if (priority == null) {
            throw new IllegalArgumentException("priority must be one of " + PRIORITIES.keySet() + ", not " + label);
        }
        context.createProducer().setPriority(priority).setProperty("Priority", label).send(context.createQueue(QUEUE), body);
    }
}
