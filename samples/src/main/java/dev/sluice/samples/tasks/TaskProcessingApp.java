package dev.sluice.samples.tasks;

import dev.sluice.samples.support.Listeners;
import dev.sluice.samples.support.QueueAdmin;
import dev.sluice.samples.support.SampleMain;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Use case 2, asynchronous task processing: tasks whose work outlasts the queue's visibility timeout are
 * each done exactly once, by one worker, although other idle workers poll the same queue.
 */
@ApplicationScoped
public class TaskProcessingApp {

    /** Deliberately short, so that the work (longer) would outlast it without the listener's extension. */
    public static final int VISIBILITY_SECONDS = 2;

    @Inject
    TaskSubmitter submitter;
    @Inject
    TaskWorker worker;
    @Inject
    QueueAdmin admin;
    @Inject
    ConnectionFactory factory;

    public static void main(String[] args) throws Exception {
        SampleMain.run(TaskProcessingApp.class, app -> app.run(List.of("image_process", "send_email", "generate_report"),
                Duration.ofSeconds(3), 4).forEach(d -> System.out.printf("%s done by %s, delivery #%d%n",
                d.taskType(), d.worker(), d.deliveryCount())));
    }

    public List<TaskWorker.Delivery> run(List<String> taskTypes, Duration workTime, int workers) throws Exception {
        admin.queue(TaskSubmitter.QUEUE, Map.of("VisibilityTimeout", Integer.toString(VISIBILITY_SECONDS)));
        worker.setWorkTime(workTime);
        try (Listeners ignored = Listeners.start(factory, TaskSubmitter.QUEUE, workers, worker)) {
            taskTypes.forEach(type -> submitter.submit(type, "data of " + type));
            if (!worker.deliveries().awaitSize(taskTypes.size(), workTime.multipliedBy(3).plusSeconds(10))) {
                throw new IllegalStateException("tasks not done: " + worker.deliveries().items());
            }
        }
        return worker.deliveries().items();
    }
}
