package dev.sluice.engine.queue;

import dev.sluice.engine.model.SendMessageRequest;

import java.util.List;

/**
 * Sluice extension (JMS transacted sessions): sends, deletes and visibility changes, on any queues, that
 * take effect together or not at all.
 */
public record UnitOfWork(List<SendMessageRequest> sends, List<Delete> deletes, List<VisibilityChange> visibilityChanges) {

    public record Delete(String queue, String receiptHandle) {
    }

    public record VisibilityChange(String queue, String receiptHandle, int visibilityTimeout) {
    }

    public UnitOfWork {
        sends = List.copyOf(sends);
        deletes = List.copyOf(deletes);
        visibilityChanges = List.copyOf(visibilityChanges);
    }
}
