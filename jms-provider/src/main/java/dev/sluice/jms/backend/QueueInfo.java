package dev.sluice.jms.backend;

/**
 * What the provider needs to know about a queue.
 *
 * @param contentBasedDeduplication FIFO: whether the queue de-duplicates by body when no id is given
 * @param visibilityTimeoutSeconds the queue's default VisibilityTimeout
 * @param deadLetterQueue          the name of its RedrivePolicy dead-letter queue, or null
 * @param maxReceiveCount          the RedrivePolicy's maxReceiveCount, or 0
 */
public record QueueInfo(String name, boolean fifo, boolean contentBasedDeduplication, int visibilityTimeoutSeconds,
                        String deadLetterQueue, int maxReceiveCount) {
}
