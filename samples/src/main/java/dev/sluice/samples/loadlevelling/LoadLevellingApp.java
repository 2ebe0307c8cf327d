package dev.sluice.samples.loadlevelling;

import dev.sluice.samples.support.Listeners;
import dev.sluice.samples.support.SampleMain;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * Use case 4, load levelling: a burst of work items is queued at once (distribute_work) and a fixed pool of
 * workers (run_workers) drains it at its own pace, sharing the items between them.
 */
@ApplicationScoped
public class LoadLevellingApp {

    public static final String QUEUE = "work-queue";

    @Inject
    JMSContext context;
    @Inject
    WorkItemProcessor processor;
    @Inject
    ConnectionFactory factory;

    public static void main(String[] args) throws Exception {
        SampleMain.run(LoadLevellingApp.class, app -> {
            Map<String, Integer> perWorker = app.run(500, 5);
            System.out.printf("500 items by %d workers, at most %d at once: %s%n", perWorker.size(),
                    app.mostBusy(), perWorker);
        });
    }

    /** The largest number of items worked on at once (fields of a bean are not reachable through its proxy). */
    public int mostBusy() {
        return processor.mostBusy();
    }

    /** @return how many items each worker thread processed */
    @ActivateRequestContext
    public Map<String, Integer> run(int items, int workers) throws Exception {
        distributeWork(items);
        try (Listeners ignored = Listeners.start(factory, QUEUE, workers, processor)) {
            if (!processor.done().awaitSize(items, Duration.ofSeconds(60))) {
                throw new IllegalStateException("only " + processor.done().size() + " of " + items + " items done");
            }
        }
        Map<String, Integer> perWorker = new TreeMap<>();
        processor.done().items().forEach(d -> perWorker.merge(d.worker(), 1, Integer::sum));
        return perWorker;
    }

    private void distributeWork(int items) {
        Queue queue = context.createQueue(QUEUE);
        for (int i = 0; i < items; i++) {
            context.createProducer().send(queue, "{\"item\":" + i + "}");
        }
    }
}
