package dev.sluice.jms.ack;

import dev.sluice.jms.RedeliveryPolicy;
import dev.sluice.jms.backend.QueueBackend;
import jakarta.jms.JMSException;

import java.util.List;

/** Gives messages back to their queue for redelivery after the policy's delay (a visibility change). */
public final class Releaser {

    private static final System.Logger LOG = System.getLogger(Releaser.class.getName());

    private final QueueBackend backend;
    private final RedeliveryPolicy policy;

    public Releaser(QueueBackend backend, RedeliveryPolicy policy) {
        this.backend = backend;
        this.policy = policy;
    }

    public void release(Delivered d) throws JMSException {
        backend.changeVisibility(d.queue(), d.receiptHandle(), policy.delayFor(d.deliveryCount()));
    }

    /**
     * Releases every message, going on past failures (a message whose visibility already ended cannot be
     * released, and needs not be); the first failure is rethrown at the end.
     */
    public void releaseAll(List<Delivered> messages) throws JMSException {
        JMSException first = null;
        for (Delivered d : messages) {
            try {
                release(d);
            } catch (JMSException e) {
                LOG.log(System.Logger.Level.DEBUG, "Could not release a message of " + d.queue() + ": " + e.getMessage());
                first = first == null ? e : first;
            }
        }
        if (first != null && !(first.getMessage() != null && first.getMessage().contains("expired"))) {
            throw first;
        }
    }

    public void delete(List<Delivered> messages) throws JMSException {
        java.util.Map<String, java.util.List<String>> byQueue = new java.util.LinkedHashMap<>();
        for (Delivered d : messages) {
            byQueue.computeIfAbsent(d.queue(), q -> new java.util.ArrayList<>()).add(d.receiptHandle());
        }
        for (var e : byQueue.entrySet()) {
            backend.delete(e.getKey(), e.getValue());
        }
    }
}
