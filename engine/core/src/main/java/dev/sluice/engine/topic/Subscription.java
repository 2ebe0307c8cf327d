package dev.sluice.engine.topic;

import dev.sluice.engine.model.MessageFilter;

import java.util.Objects;

/**
 * A subscription and the queue it fills. The consumer count changes under {@link TopicOps}'s lock; a publish reads
 * the owner and the filter without it (after taking the list of subscriptions under it), hence volatile.
 */
final class Subscription {

    final SubscriptionSpec spec;
    final String queue;
    int consumers;
    /** The connection of a non-durable subscriber, for noLocal. */
    volatile String ownerConnection;
    /** The compiled selector, or null before the first publish that needs it (two may compile it: harmless). */
    volatile MessageFilter filter;

    Subscription(SubscriptionSpec spec, String queue) {
        this.spec = spec;
        this.queue = queue;
    }

    /** Whether noLocal leaves this publisher's messages out of the subscription. */
    boolean excludes(Publisher p) {
        if (!spec.noLocal()) {
            return false;
        }
        return spec.durable() ? spec.clientId() != null && spec.clientId().equals(p.clientId())
                : ownerConnection != null && Objects.equals(ownerConnection, p.connectionId());
    }
}
