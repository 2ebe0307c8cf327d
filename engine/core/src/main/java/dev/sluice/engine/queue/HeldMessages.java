package dev.sluice.engine.queue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the store must be told about the messages the engine holds in memory. A message stored while its queue's
 * memory has room is kept out of the store's by-queue index, which makes its insert and delete cheaper; the store
 * then cannot find it by queue, so the engine names such messages by sequence number when it purges or drops their
 * queue, and when it closes. Besides the queues' memory, a message can be in transit: taken out of one queue's
 * memory for a move (to a dead-letter queue, or by a move task) whose store change is not made yet.
 */
final class HeldMessages {

    private volatile boolean holding = true;
    private final Set<Long> inTransit = ConcurrentHashMap.newKeySet();

    /** Whether a new or moved message goes into {@code q}'s memory; call with its lock held. */
    boolean admits(Queue q) {
        return holding && q.hasRoomInMemory();
    }

    /** {@code seq}: the number the message is stored under. Call with the source queue's lock held. */
    void takenForMove(long seq) {
        inTransit.add(seq);
    }

    /** The move (or the return, or the delete) of a message taken out under {@code seq} is durable. */
    void landed(long seq) {
        inTransit.remove(seq);
    }

    /**
     * From now on no message goes into memory; returns every message held so far: those in the queues' memory and
     * those in transit. A message taken out of a queue's memory is recorded in transit before that queue's lock is
     * released, so each one is found in one place or the other.
     */
    List<Long> stopHolding(QueueRegistry queues) {
        holding = false;
        List<Long> held = new ArrayList<>();
        for (Queue q : queues.all()) {
            q.lock.lock();
            try {
                held.addAll(q.heldSequences());
            } finally {
                q.lock.unlock();
            }
        }
        held.addAll(inTransit);
        return held;
    }
}
