package dev.sluice.jms.backend;

import jakarta.jms.JMSException;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where the provider's queues live, through an interface shaped like the SQS API. Implemented by the
 * embedded engine and by any SQS endpoint. Methods throw the JMSException subclass that fits
 * (InvalidDestinationException for a missing queue, MessageFormatException for a message the queue
 * refuses, plain JMSException for failures of the backend itself), naming the backend.
 */
public interface QueueBackend extends AutoCloseable {

    /** For error messages, e.g. "the embedded engine (durable, /var/sluice)". */
    String describe();

    Set<Capability> capabilities();

    /**
     * An id for a message whose id the provider must know before the backend stores it (a transacted send, a
     * publish). A backend that names messages itself may replace it (see {@link SendReceipt}).
     */
    default String newMessageId() {
        return java.util.UUID.randomUUID().toString();
    }

    /** The backend's time in epoch milliseconds, which its delays run in (the embedded engine's clock). */
    default long currentTimeMillis() {
        return System.currentTimeMillis();
    }

    /** The queue's facts, or InvalidDestinationException if it does not exist. */
    QueueInfo queue(String name) throws JMSException;

    /** Creates the queue if it does not exist (same attributes: no-op). */
    void createQueue(String name, Map<String, String> attributes) throws JMSException;

    void deleteQueue(String name) throws JMSException;

    SendReceipt send(String queue, OutgoingMessage message) throws JMSException;

    /**
     * Receives up to {@code max} messages, waiting up to {@code waitMillis} (at most 20 s) for the first.
     * A backend that waits in whole seconds rounds up. The calling thread's interruption ends the wait.
     *
     * @param visibilitySeconds the visibility timeout, or null for the queue's
     * @param filter a selector, or null; requires {@link Capability#SELECTORS}
     */
    List<IncomingMessage> receive(String queue, int max, long waitMillis, Integer visibilitySeconds,
                                  MessagePredicate filter) throws JMSException;

    /** The same, with a wait that {@code cancellation} may end early where the backend can (see there). */
    default List<IncomingMessage> receive(String queue, int max, long waitMillis, Integer visibilitySeconds,
                                          MessagePredicate filter, PollCancellation cancellation) throws JMSException {
        return receive(queue, max, waitMillis, visibilitySeconds, filter);
    }

    void delete(String queue, List<String> receiptHandles) throws JMSException;

    /**
     * Deletes for AUTO_ACKNOWLEDGE and DUPS_OK: a backend may answer before the delete is durable (a crash
     * then redelivers, never loses). By default the same as {@link #delete}.
     */
    default void acknowledge(String queue, List<String> receiptHandles) throws JMSException {
        delete(queue, receiptHandles);
    }

    void changeVisibility(String queue, String receiptHandle, int seconds) throws JMSException;

    /** Requires {@link Capability#BROWSING}. */
    List<IncomingMessage> browse(String queue, MessagePredicate filter, int limit) throws JMSException;

    /**
     * All of it or none of it with {@link Capability#ATOMIC_TRANSACTIONS}; best effort otherwise.
     *
     * @return the receipts of the transaction's sends, in order
     */
    List<SendReceipt> commit(Transaction transaction) throws JMSException;

    // ---- topics: require Capability.TOPICS; a backend without them refuses, naming itself -------------

    /**
     * Adds a consumer to a subscription, creating it if needed.
     *
     * @param connectionId the subscriber's connection (for noLocal)
     * @return the queue the subscription's messages are in
     */
    default String subscribe(Subscription subscription, String connectionId) throws JMSException {
        throw topicsUnavailable();
    }

    /** A consumer of the subscription with this queue has closed. */
    default void releaseSubscription(String subscriptionQueue) throws JMSException {
        throw topicsUnavailable();
    }

    /** Deletes a durable subscription: InvalidDestinationException if unknown, IllegalStateException if in use. */
    default void unsubscribe(String clientId, String name) throws JMSException {
        throw topicsUnavailable();
    }

    /** Delivers the message to every subscription of the topic (atomically with {@link Capability#TOPICS}). */
    default void publish(String topic, OutgoingMessage message, Publication publisher) throws JMSException {
        throw topicsUnavailable();
    }

    /** Whether a consumer is subscribed to the topic. */
    default boolean topicHasConsumers(String topic) throws JMSException {
        throw topicsUnavailable();
    }

    private JMSException topicsUnavailable() {
        // worded as SluiceConnection.requireCapability, which every topic entry point calls first
        String name = describe();
        return new JMSException("Unsupported feature: " + Capability.TOPICS.description() + ". "
                + Character.toUpperCase(name.charAt(0)) + name.substring(1) + " cannot offer it (Amazon SQS has no "
                + "such feature); use the embedded engine (sluice:embedded) for it.", "UnsupportedCapability");
    }

    @Override
    void close();
}
