package dev.sluice.engine.queue;

import dev.sluice.engine.store.StoreOp;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Moving messages between queues: to the dead-letter queue when a message has been received
 * maxReceiveCount times, and back out of it (move tasks). A moved message keeps its id, body and
 * attributes and gets a new place at the end of the target queue. Into a dead-letter queue it keeps its
 * receive count (as AWS does); back out of one it starts with none.
 */
public final class RedriveOps {

    private final EngineContext ctx;

    public RedriveOps(EngineContext ctx) {
        this.ctx = ctx;
    }

    /**
     * Takes a message out of {@code source}'s memory to move it, once the lock is released, with
     * {@link #moveTaken}. Call with the source's lock held.
     */
    void take(Queue source, Entry e) {
        source.remove(e);
        ctx.held.takenForMove(e.seq);
    }

    /**
     * Moves messages taken out of {@code source}'s memory to the dead-letter queue named when they were set aside
     * (the policy may have changed since).
     */
    void toDeadLetterQueue(Queue source, String deadLetterQueue, List<Entry> entries) {
        // if the DLQ vanished between the decision and now, the messages stay where they were, visible
        moveTaken(source, ctx.queues.find(deadLetterQueue), entries, source.name());
    }

    /**
     * Moves messages {@link #take taken} out of {@code source}'s memory to {@code target}, or back when the target
     * is null or deleted.
     *
     * @param deadLetterSource as for {@link #moveInto}
     */
    void moveTaken(Queue source, Queue target, List<Entry> entries, String deadLetterSource) {
        List<Long> storedUnder = new ArrayList<>(entries.size());
        entries.forEach(e -> storedUnder.add(e.seq));
        if (target == null || !moveInto(target, entries, deadLetterSource)) {
            putBack(source, entries);
        }
        storedUnder.forEach(ctx.held::landed);
    }

    /**
     * Returns messages taken out of {@code source}'s memory for a move that found no target. If the source has
     * been deleted meanwhile they are deleted: its drop named only the messages its memory held then, and these
     * were in transit (a row left behind would turn up in the next queue of that name).
     */
    private void putBack(Queue source, List<Entry> entries) {
        if (moveInto(source, entries, null)) {
            return;
        }
        List<StoreOp> ops = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            ops.add(new StoreOp.DeleteMessage(e.id, e.seq, source.name()));
        }
        ctx.awaitDurable(ctx.store.submit(ops));
    }

    /**
     * Appends the entries to {@code target} and makes the move durable; false (and nothing moved) if the
     * target has been deleted.
     *
     * @param deadLetterSource the queue they come from when it is a dead-letter move, else null (the
     *                         entries keep the source they had)
     */
    private boolean moveInto(Queue target, List<Entry> entries, String deadLetterSource) {
        List<StoreOp> ops = new ArrayList<>(entries.size());
        CompletableFuture<Void> durable;
        target.lock.lock();
        try {
            if (target.deleted()) {
                return false;
            }
            long now = ctx.now();
            for (Entry e : entries) {
                long storedUnder = e.seq;
                e.seq = ctx.nextSequence();
                e.visibleAt = now;
                if (deadLetterSource == null) {
                    // moved back out of a dead-letter queue: a fresh start, or it would be dead-lettered again at once
                    e.receiveCount = 0;
                    e.firstReceiveAt = 0;
                } else {
                    e.deadLetterSource = deadLetterSource; // AWS keeps the receive count on the way in
                }
                e.receiptNonce = 0;
                e.receivedAt = 0;
                boolean inMemory = ctx.admitsToMemory(target);
                ops.add(new StoreOp.MoveMessage(e.id, storedUnder, target.name(), e.seq, e.visibleAt, e.receiveCount,
                        e.firstReceiveAt, 0, e.deadLetterSource, inMemory));
                if (inMemory) {
                    target.admit(e, now);
                } else {
                    target.countSpilled(1);
                }
            }
            durable = ctx.store.submit(ops);
        } finally {
            target.lock.unlock();
        }
        ctx.awaitDurable(durable);
        return true;
    }
}
