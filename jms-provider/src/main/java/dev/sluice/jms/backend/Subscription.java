package dev.sluice.jms.backend;

/**
 * A topic subscription as a consumer asks for it (see the Jakarta Messaging spec, "Subscriptions").
 *
 * @param clientId the connection's client identifier, or null
 * @param name     the subscription name; null for an unshared non-durable subscription
 * @param selector the message selector, or null
 */
public record Subscription(String topic, String clientId, String name, boolean durable, boolean shared,
                           String selector, boolean noLocal) {
}
