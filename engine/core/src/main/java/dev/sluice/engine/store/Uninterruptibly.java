package dev.sluice.engine.store;

/** Waits that must not be cut short: the store's threads finish work that callers are waiting for. */
final class Uninterruptibly {

    private Uninterruptibly() {
    }

    /** Waits for {@code thread} to end; an interrupt meanwhile is kept for the caller, not acted on. */
    static void join(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
