package dev.sluice.engine.queue;

/** A queue's RedrivePolicy: after {@code maxReceiveCount} receives a message moves to the dead-letter queue. */
public record RedrivePolicy(String deadLetterTargetArn, int maxReceiveCount) {

    public String deadLetterQueueName() {
        return Arns.queueName(deadLetterTargetArn);
    }

    /** Reads the RedrivePolicy attribute as GetQueueAttributes returns it, validating it as SetQueueAttributes does. */
    public static RedrivePolicy fromJson(String json) {
        return QueueSettings.parseRedrive(json);
    }

    /** The JSON form GetQueueAttributes returns. */
    public String toJson() {
        return "{\"deadLetterTargetArn\":\"" + deadLetterTargetArn + "\",\"maxReceiveCount\":" + maxReceiveCount + "}";
    }
}
