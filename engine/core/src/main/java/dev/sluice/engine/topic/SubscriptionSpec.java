package dev.sluice.engine.topic;

import java.util.Objects;

/**
 * What a consumer asks for when it subscribes to a topic, in JMS terms.
 *
 * @param topic    the topic's name
 * @param clientId the connection's client identifier, or null (required for an unshared durable subscription)
 * @param name     the subscription name; null only for an unshared non-durable subscription
 * @param durable  whether the subscription outlives its consumers (and the engine)
 * @param shared   whether several consumers compete for the subscription's messages
 * @param selector a message selector (text; the engine compiles it through its selector compiler), or null
 * @param noLocal  whether messages published by the subscriber's own connection (durable: its client id) are left out
 */
public record SubscriptionSpec(String topic, String clientId, String name, boolean durable, boolean shared,
                               String selector, boolean noLocal) {

    public SubscriptionSpec {
        if (topic == null || topic.isEmpty()) {
            throw new SubscriptionException(SubscriptionException.Reason.INVALID, "A subscription needs a topic name.");
        }
        if ((durable || shared) && (name == null || name.isEmpty())) {
            throw new SubscriptionException(SubscriptionException.Reason.INVALID,
                    "A durable or shared subscription needs a name, not '" + name + "'.");
        }
        if (durable && !shared && clientId == null) {
            throw new SubscriptionException(SubscriptionException.Reason.INVALID,
                    "An unshared durable subscription needs a client identifier (subscription '" + name + "').");
        }
        // a blank selector selects everything, and must not make two equal subscriptions look different
        selector = selector == null || selector.isBlank() ? null : selector;
    }

    public static SubscriptionSpec nonDurable(String topic, String selector, boolean noLocal) {
        return new SubscriptionSpec(topic, null, null, false, false, selector, noLocal);
    }

    /** The name and client identifier (if set) a subscription is known by, whatever its topic; null if unnamed. */
    String key() {
        return name == null ? null : key(durable, clientId, name);
    }

    /**
     * Durable subscriptions, shared or not, are in one namespace (an unshared and a shared durable subscription of
     * one name conflict); shared non-durable ones are in another, because JMS 3.1 (Session.createDurableConsumer)
     * says a durable and a shared non-durable subscription of the same name and client id are completely separate.
     */
    static String key(boolean durable, String clientId, String name) {
        return (durable ? "D" : "S") + (clientId == null ? "\u0000" : clientId) + "\u0001" + name;
    }

    /** Same topic, selector and noLocal: an existing subscription may be reused rather than replaced. */
    boolean sameDefinition(SubscriptionSpec other) {
        return topic.equals(other.topic) && Objects.equals(selector, other.selector) && noLocal == other.noLocal;
    }

    String kind() {
        return durable ? (shared ? "shared-durable" : "durable") : (shared ? "shared" : "non-durable");
    }

    String describe() {
        return kind() + " subscription" + (name == null ? "" : " '" + name + "'")
                + (clientId == null ? "" : " of client '" + clientId + "'") + " on topic '" + topic + "'";
    }
}
