package dev.sluice.engine.topic;

/** A subscription request the engine refuses; the reason tells the provider which JMS exception it is. */
public final class SubscriptionException extends RuntimeException {

    public enum Reason {
        /** No subscription has that name (and client identifier). */
        UNKNOWN,
        /** The subscription has an active consumer, so it cannot be removed or taken by another one. */
        ACTIVE,
        /** A subscription with that name exists and is of another kind, or has another topic or selector in use. */
        CONFLICT,
        /** The request itself is incomplete. */
        INVALID
    }

    private final Reason reason;

    public SubscriptionException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
