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
    /** Receipt handles of messages a listener is working on. */
    private final java.util.Set<String> held = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Of those, the ones acknowledged or released while the listener still runs (see {@link #settled}). */
    private final java.util.Set<String> settled = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public Releaser(QueueBackend backend, RedeliveryPolicy policy) {
        this.backend = backend;
        this.policy = policy;
    }

    public void release(Delivered d) throws JMSException {
        markSettled(d);
        backend.changeVisibility(d.queue(), d.receiptHandle(), policy.delayFor(d.deliveryCount()));
    }

    /** Whether the message was acknowledged or released since it was delivered. */
    public boolean settled(Delivered d) {
        return settled.contains(d.receiptHandle());
    }

    /** A listener starts working on the message. */
    public void hold(Delivered d) {
        held.add(d.receiptHandle());
    }

    /** The listener that had the message returned: nothing more to remember about it. */
    public void forget(Delivered d) {
        held.remove(d.receiptHandle());
        settled.remove(d.receiptHandle());
    }

    private void markSettled(Delivered d) {
        if (held.contains(d.receiptHandle())) {
            settled.add(d.receiptHandle());
        }
    }

    /**
     * Releases every message, going on past failures; the first failure is rethrown at the end. A message
     * that is no longer this session's — its visibility timeout ended and it was received again, or it was
     * deleted meanwhile — cannot be released and needs not be: that is not a failure.
     */
    public void releaseAll(List<Delivered> messages) throws JMSException {
        JMSException first = null;
        for (Delivered d : messages) {
            try {
                release(d);
            } catch (JMSException e) {
                LOG.log(System.Logger.Level.DEBUG, "Could not release a message of " + d.queue() + ": " + e.getMessage());
                if (!noLongerHeld(e)) {
                    first = first == null ? e : first;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** The backend refused the receipt handle: the message is gone or back in the queue's hands. */
    public static boolean noLongerHeld(JMSException e) {
        String text = e.getMessage() == null ? "" : e.getMessage();
        return "ReceiptHandleIsInvalid".equals(e.getErrorCode())
                || text.contains("expired")
                || text.contains("parameter ReceiptHandle is invalid");
    }

    /** Acknowledges AUTO/DUPS_OK deliveries: deleted without waiting for the disk (see QueueBackend.acknowledge). */
    public void acknowledgeQuickly(List<Delivered> messages) throws JMSException {
        deleteAll(messages, false);
    }

    public void delete(List<Delivered> messages) throws JMSException {
        deleteAll(messages, true);
    }

    private void deleteAll(List<Delivered> messages, boolean durable) throws JMSException {
        java.util.Map<String, java.util.List<String>> byQueue = new java.util.LinkedHashMap<>();
        for (Delivered d : messages) {
            markSettled(d);
            byQueue.computeIfAbsent(d.queue(), q -> new java.util.ArrayList<>()).add(d.receiptHandle());
        }
        for (var e : byQueue.entrySet()) {
            if (durable) {
                backend.delete(e.getKey(), e.getValue());
            } else {
                backend.acknowledge(e.getKey(), e.getValue());
            }
        }
    }
}
