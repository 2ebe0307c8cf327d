package dev.sluice.engine.topic;

/**
 * Who publishes, for noLocal: a non-durable subscription leaves out its own connection's messages, a durable one
 * those of connections with its client identifier (the connection of a durable subscriber changes over time).
 *
 * @param connectionId an identifier of the publishing connection, unique in this JVM
 * @param clientId     the publishing connection's client identifier, or null
 */
public record Publisher(String connectionId, String clientId) {

    public static final Publisher ANONYMOUS = new Publisher(null, null);
}
