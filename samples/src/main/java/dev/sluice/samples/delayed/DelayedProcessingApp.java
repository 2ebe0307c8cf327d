package dev.sluice.samples.delayed;

import dev.sluice.samples.support.SampleMain;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Use case 5, delayed processing: a reminder scheduled for later and a cleanup due now are sent in that
 * order; the cleanup arrives first, the reminder not before its delivery time.
 */
@ApplicationScoped
public class DelayedProcessingApp {

    /** One message as the consumer got it: its body and when it arrived (epoch millis). */
    public record Arrival(String body, long receivedAt) {
    }

    /** When the reminder was due (its JMSDeliveryTime at send) and what arrived, in order. */
    public record Result(long reminderDue, List<Arrival> arrivals) {
    }

    @Inject
    Scheduler scheduler;
    @Inject
    ConnectionFactory factory;

    public static void main(String[] args) throws Exception {
        SampleMain.run(DelayedProcessingApp.class, app -> {
            Result r = app.run(Duration.ofSeconds(5));
            for (Arrival a : r.arrivals()) {
                System.out.printf("%s arrived %+d ms from the reminder's delivery time%n", a.body(), a.receivedAt() - r.reminderDue());
            }
            try {
                app.scheduler().schedule("{\"type\":\"cleanup\",\"resource_id\":\"456\"}", Duration.ofDays(1));
            } catch (JMSRuntimeException e) {
                System.out.println("A delay of a day is refused, as on SQS: " + e.getMessage());
            }
        });
    }

    /** The scheduler bean (fields of a bean are not reachable through its client proxy). */
    public Scheduler scheduler() {
        return scheduler;
    }

    public Result run(Duration reminderDelay) throws Exception {
        long due = scheduler.schedule("{\"type\":\"email_reminder\",\"user_id\":\"123\"}", reminderDelay);
        scheduler.schedule("{\"type\":\"cleanup\",\"resource_id\":\"456\"}", Duration.ZERO);
        List<Arrival> arrivals = new ArrayList<>();
        try (JMSContext context = factory.createContext()) {
            JMSConsumer consumer = context.createConsumer(context.createQueue(Scheduler.QUEUE));
            long deadline = System.currentTimeMillis() + reminderDelay.plusSeconds(20).toMillis();
            while (arrivals.size() < 2 && System.currentTimeMillis() < deadline) {
                Message m = consumer.receive(1_000);
                if (m != null) {
                    arrivals.add(new Arrival(m.getBody(String.class), System.currentTimeMillis()));
                }
            }
        }
        return new Result(due, arrivals);
    }
}
