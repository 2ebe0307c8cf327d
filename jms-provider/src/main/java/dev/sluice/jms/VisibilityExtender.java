package dev.sluice.jms;

import dev.sluice.jms.backend.QueueBackend;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a message invisible to other consumers while a listener is still working on it: every half
 * visibility timeout it sets the timeout again, so slow work is not redelivered behind its back.
 */
final class VisibilityExtender {

    private static final System.Logger LOG = System.getLogger(VisibilityExtender.class.getName());

    private VisibilityExtender() {
    }

    /**
     * Starts extending; cancel the returned future when the listener returns. {@code stillHeld} turns false
     * once the listener acknowledged or released the message (recover/rollback inside onMessage): a released
     * message must not be hidden again.
     */
    static ScheduledFuture<?> start(ScheduledExecutorService scheduler, QueueBackend backend, String queue,
                                    String receiptHandle, int visibilitySeconds, java.util.function.BooleanSupplier stillHeld) {
        long periodMillis = Math.max(250, visibilitySeconds * 500L);
        int extendTo = Math.max(1, visibilitySeconds);
        return scheduler.scheduleAtFixedRate(() -> {
            if (!stillHeld.getAsBoolean()) {
                return;
            }
            try {
                backend.changeVisibility(queue, receiptHandle, extendTo);
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "Could not extend the visibility of a message of " + queue
                        + " still being processed: " + e.getMessage());
            }
        }, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }
}
