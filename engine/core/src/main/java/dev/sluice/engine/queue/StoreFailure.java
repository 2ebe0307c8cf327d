package dev.sluice.engine.queue;

/**
 * The store could not make a change durable (disk full, I/O error). The operation's outcome is unknown to
 * the caller, which must treat it as failed; this is a service failure, never the caller's fault.
 */
public final class StoreFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreFailure(Throwable cause) {
        super("the message store failed: " + cause, cause);
    }
}
