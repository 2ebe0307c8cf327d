package dev.sluice.samples.tasks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;

/** The guide's submit_task(): the web request hands slow work to the queue and returns at once. */
@ApplicationScoped
public class TaskSubmitter {

    public static final String QUEUE = "task-queue";

    @Inject
    JMSContext context;

    @ActivateRequestContext
    public void submit(String taskType, String taskData) {
        context.createProducer().setProperty("TaskType", taskType)
                .send(context.createQueue(QUEUE), "{\"task_type\":\"" + taskType + "\",\"task_data\":\"" + taskData + "\"}");
    }
}
