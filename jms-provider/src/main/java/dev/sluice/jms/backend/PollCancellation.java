package dev.sluice.jms.backend;

/**
 * Lets a session end a long poll it no longer wants to wait on (a listener was added to another of its consumers,
 * or the polled consumer's listener was changed). A backend that can honour it ends the wait without taking
 * anything; a message already taken is still returned, so nothing is stranded. SQS cannot take back a
 * ReceiveMessage in flight, so its backend ignores it and the poll runs its course.
 */
public final class PollCancellation {

    private volatile boolean cancelled;
    private volatile Runnable wake;

    public boolean cancelled() {
        return cancelled;
    }

    public void cancel() {
        cancelled = true;
        Runnable w = wake;
        if (w != null) {
            w.run();
        }
    }

    /**
     * Called by a backend before it starts waiting: {@code wakeWaiter} makes the wait look at {@link #cancelled()}
     * again. A cancel that came earlier is seen by the wait's own first check. {@code null} once the wait is over.
     */
    public void onCancel(Runnable wakeWaiter) {
        this.wake = wakeWaiter;
    }
}
