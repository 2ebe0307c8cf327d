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

    @Override
    void close();
}
