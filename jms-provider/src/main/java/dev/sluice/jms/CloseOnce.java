package dev.sluice.jms;

import jakarta.jms.JMSException;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a close once: the first caller does the work; a caller that comes while it runs returns only when it is
 * done, since close() promises that what it closes is closed (and its listeners have returned) when it returns.
 */
final class CloseOnce {

    /** The close's work. */
    @FunctionalInterface
    interface Work {
        void run() throws JMSException;
    }

    private final AtomicBoolean started = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);

    /** The close has run to its end (not merely begun). */
    boolean isFinished() {
        return finished.getCount() == 0;
    }

    void run(Work work) throws JMSException {
        if (!started.compareAndSet(false, true)) {
            awaitFinished();
            return;
        }
        try {
            work.run();
        } finally {
            finished.countDown();
        }
    }

    private void awaitFinished() {
        boolean interrupted = false;
        while (true) {
            try {
                finished.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
