package dev.sluice.samples.tasks;

import dev.sluice.samples.support.Tally;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

import java.time.Duration;

/**
 * The guide's process_tasks() worker. Its work takes longer than the queue's visibility timeout: the guide
 * raises the timeout per receive (VisibilityTimeout=300); a Sluice MessageListener needs nothing, because the
 * provider extends the message's visibility while onMessage runs, so no other worker gets it meanwhile.
 */
@ApplicationScoped
public class TaskWorker implements MessageListener {

    /** One delivery a worker handled. */
    public record Delivery(String taskType, int deliveryCount, boolean redelivered, String worker) {
    }

    private final Tally<Delivery> deliveries = new Tally<>();
    private volatile Duration workTime = Duration.ofSeconds(3);

    public void setWorkTime(Duration workTime) {
        this.workTime = workTime;
    }

    @Override
    public void onMessage(Message message) {
        try {
            String type = message.getStringProperty("TaskType");
            Thread.sleep(workTime.toMillis()); // the image processing, transcoding or report of the guide
            deliveries.add(new Delivery(type, message.getIntProperty("JMSXDeliveryCount"), message.getJMSRedelivered(),
                    Thread.currentThread().getName()));
        } catch (JMSException e) {
            throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JMSRuntimeException("interrupted while working on a task");
        }
    }

    public Tally<Delivery> deliveries() {
        return deliveries;
    }
}
