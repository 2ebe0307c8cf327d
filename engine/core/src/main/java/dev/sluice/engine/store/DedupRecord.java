package dev.sluice.engine.store;

/**
 * A FIFO de-duplication window entry: while {@code expiresAt} is in the future, a send with the same
 * {@code key} on {@code queue} is accepted but not enqueued, and answers with the original message id.
 */
public record DedupRecord(String queue, String key, String messageId, long seq, long expiresAt) {
}
