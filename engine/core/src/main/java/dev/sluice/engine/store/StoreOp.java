package dev.sluice.engine.store;

/**
 * One change to persistent state. The engine submits changes in the order it made them in memory;
 * a store applies each submitted unit atomically and in submission order.
 */
public sealed interface StoreOp {

    /** Creates the queue or replaces its attributes, tags and timestamps. */
    record PutQueue(StoredQueue queue) implements StoreOp {
    }

    /** Removes the queue with all its messages and de-duplication entries. */
    record DropQueue(String queue) implements StoreOp {
    }

    record InsertMessage(StoredMessage message) implements StoreOp {
    }

    /**
     * A receive, a visibility change or a release: the delivery state of one message, which the engine holds
     * in {@code queue} under sequence number {@code seq} (the store may drop the update when the same
     * transaction deletes it there).
     */
    record UpdateDelivery(String messageId, long seq, String queue, long visibleAt, int receiveCount,
                          long firstReceiveAt, long receiptNonce) implements StoreOp {
    }

    /**
     * Deletes a message, but only while it belongs to {@code queue} (null: wherever it is), so a stale
     * delete cannot reach a message that has since moved to another queue. The durable store finds a message by
     * its sequence number; {@link #UNKNOWN_SEQ} makes it search by id, among the queue's messages (a receipt
     * handle from a Sluice before sequence numbers were in handles), so the queue must then be given.
     */
    record DeleteMessage(String messageId, long seq, String queue) implements StoreOp {
        public static final long UNKNOWN_SEQ = 0;

        public DeleteMessage {
            if (seq == UNKNOWN_SEQ && queue == null) {
                throw new IllegalArgumentException("a delete of " + messageId + " by id needs its queue");
            }
        }
    }

    /**
     * Moves the message stored under sequence number {@code seq} to another queue (dead-letter redrive, or a move
     * task back to a source): it gets the new sequence number there and keeps its id, body and attributes.
     */
    record MoveMessage(String messageId, long seq, String toQueue, long newSeq, long visibleAt, int receiveCount,
                       long firstReceiveAt, long receiptNonce, String deadLetterSource) implements StoreOp {
    }

    /** Deletes every message of the queue whose sequence number is at most {@code upToSeq}. */
    record PurgeQueue(String queue, long upToSeq) implements StoreOp {
    }

    record PutDedup(DedupRecord record) implements StoreOp {
    }

    /** Housekeeping: forgets de-duplication entries that expired before {@code before}. */
    record ExpireDedup(long before) implements StoreOp {
    }
}
