package dev.sluice.jms.backend;

/**
 * Who publishes a message to a topic, for subscriptions with noLocal.
 *
 * @param connectionId the publishing connection, unique in this JVM
 * @param clientId     its client identifier, or null
 */
public record Publication(String connectionId, String clientId) {
}
