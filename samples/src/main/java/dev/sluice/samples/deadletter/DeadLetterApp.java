package dev.sluice.samples.deadletter;

import dev.sluice.samples.support.Listeners;
import dev.sluice.samples.support.QueueAdmin;
import dev.sluice.samples.support.SampleMain;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;

import java.time.Duration;
import java.util.List;

/**
 * Use case 6, the dead-letter-queue pattern: failures → dead-letter queue (RedrivePolicy, maxReceiveCount 3)
 * → inspection → fix → redrive back to the main queue, where the payment now succeeds.
 */
@ApplicationScoped
public class DeadLetterApp {

    public static final String MAIN = "main-queue";
    public static final String DLQ = "main-queue-dlq";
    public static final int MAX_RECEIVES = 3;

    /** The payments made, the failed attempts, and the dead letter as inspected. */
    public record Result(List<String> paid, List<String> failures, DeadLetter deadLetter) {
    }

    @Inject
    JMSContext context;
    @Inject
    PaymentProcessor processor;
    @Inject
    DeadLetterDesk desk;
    @Inject
    QueueAdmin admin;
    @Inject
    ConnectionFactory factory;

    public static void main(String[] args) throws Exception {
        SampleMain.run(DeadLetterApp.class, app -> {
            Result r = app.run(List.of("10.00", "12,50", "7.25"), DeadLetterDesk.Redrive.MOVE_TASK);
            System.out.println("failed attempts: " + r.failures());
            System.out.println("dead letter inspected: " + r.deadLetter());
            System.out.println("paid after redrive: " + r.paid());
        });
    }

    @ActivateRequestContext
    public Result run(List<String> amounts, DeadLetterDesk.Redrive redrive) throws Exception {
        admin.deadLetterQueue(MAIN, DLQ, MAX_RECEIVES);
        for (int i = 0; i < amounts.size(); i++) {
            context.createProducer().setProperty("PaymentId", "p" + i).setProperty("Amount", amounts.get(i))
                    .send(context.createQueue(MAIN), "{\"payment_id\":\"p" + i + "\",\"amount\":\"" + amounts.get(i) + "\"}");
        }
        try (Listeners ignored = Listeners.start(factory, JMSContext.AUTO_ACKNOWLEDGE, MAIN, null, 1, processor)) {
            DeadLetter letter;
            try (DeadLetterDesk.Inspection inspection = desk.awaitDeadLetter(DLQ, 30_000)
                    .orElseThrow(() -> new IllegalStateException("no dead letter within 30 s"))) {
                letter = inspection.letter();
                processor.acceptDecimalComma(); // the fix the inspection led to, deployed before the redrive
                inspection.redriveTo(MAIN, redrive);
            }
            if (!processor.paid().awaitSize(amounts.size(), Duration.ofSeconds(30))) {
                throw new IllegalStateException("paid only " + processor.paid().items());
            }
            return new Result(processor.paid().items(), processor.failures().items(), letter);
        }
    }
}
