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
     * Moves messages already removed from {@code source}'s memory to the dead-letter queue named when they
     * were set aside (the policy may have changed since).
     */
    void toDeadLetterQueue(Queue source, String deadLetterQueue, List<Entry> entries) {
        Queue dlq = ctx.queues.find(deadLetterQueue);
        if (dlq == null || !moveInto(dlq, entries, source.name())) {
            // The DLQ vanished between the decision and now: the messages stay where they were, visible.
            moveInto(source, entries, null);
        }
    }

    /**
     * Appends the entries to {@code target} and makes the move durable; false (and nothing moved) if the
     * target has been deleted.
     *
     * @param deadLetterSource the queue they come from when it is a dead-letter move, else null (the
     *                         entries keep the source they had)
     */
    boolean moveInto(Queue target, List<Entry> entries, String deadLetterSource) {
        List<StoreOp> ops = new ArrayList<>(entries.size());
        CompletableFuture<Void> durable;
        target.lock.lock();
        try {
            if (target.deleted()) {
                return false;
            }
            long now = ctx.now();
            boolean keepsNothing = ctx.storeKeepsNothing();
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
                ops.add(new StoreOp.MoveMessage(e.id, storedUnder, target.name(), e.seq, e.visibleAt, e.receiveCount,
                        e.firstReceiveAt, 0, e.deadLetterSource));
                if (target.admitsToMemory(keepsNothing)) {
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
