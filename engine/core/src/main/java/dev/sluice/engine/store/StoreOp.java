package dev.sluice.engine.store;

import java.util.List;

/**
 * One change to persistent state. The engine submits changes in the order it made them in memory;
 * a store applies each submitted unit atomically and in submission order.
 */
public sealed interface StoreOp {

    /** Creates the queue or replaces its attributes, tags and timestamps. */
    record PutQueue(StoredQueue queue) implements StoreOp {
    }

    /**
     * Removes the queue with all its messages and de-duplication entries.
     *
     * @param heldSeqs the sequence numbers of the queue's messages the engine holds in memory (see
     *                 {@link InsertMessage#heldInMemory}): the store finds the others by queue
     */
    record DropQueue(String queue, List<Long> heldSeqs) implements StoreOp {
        public DropQueue {
            heldSeqs = List.copyOf(heldSeqs);
        }
    }

    /**
     * A new message.
     *
     * @param heldInMemory whether the engine keeps the message in its memory from now on, so that it will not ask
     *                     the store for it by queue ({@link MessageStore#loadMessages}) before a restart: such a row
     *                     stays out of the store's by-queue index, which then costs nothing to keep up for a queue
     *                     whose consumers keep up with it
     */
    record InsertMessage(StoredMessage message, boolean heldInMemory) implements StoreOp {
        /** A message the store must be able to page in. */
        public InsertMessage(StoredMessage message) {
            this(message, false);
        }
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
                       long firstReceiveAt, long receiptNonce, String deadLetterSource, boolean heldInMemory)
            implements StoreOp {
    }

    /**
     * Deletes every message of the queue whose sequence number is at most {@code upToSeq}.
     *
     * @param heldSeqs as for {@link DropQueue}
     */
    record PurgeQueue(String queue, long upToSeq, List<Long> heldSeqs) implements StoreOp {
        public PurgeQueue {
            heldSeqs = List.copyOf(heldSeqs);
        }
    }

    /**
     * The engine is closing and holds these messages (every one it holds, of every queue) no more: the store
     * makes them findable by queue, so that the next start need not read every message to find them.
     */
    record ReleaseHeld(List<Long> seqs) implements StoreOp {
        public ReleaseHeld {
            seqs = List.copyOf(seqs);
        }
    }

    record PutDedup(DedupRecord record) implements StoreOp {
    }

    /** Housekeeping: forgets de-duplication entries that expired before {@code before}. */
    record ExpireDedup(long before) implements StoreOp {
    }
}
