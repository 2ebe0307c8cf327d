package dev.sluice.engine.queue;

import dev.sluice.engine.error.SqsException;
import dev.sluice.engine.model.BatchEntry;
import dev.sluice.engine.model.BatchResult;
import dev.sluice.engine.store.StoreOp;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * DeleteMessage and DeleteMessageBatch. A delete answers only once it is durable, so a deleted message never
 * comes back.
 *
 * <p>Stale handles follow AWS: on a standard queue a handle whose visibility timeout ended still deletes
 * the message unless someone else has received it since; on a FIFO queue it is "expired".
 */
public final class DeleteMessageOps {

    private final EngineContext ctx;

    public DeleteMessageOps(EngineContext ctx) {
        this.ctx = ctx;
    }

    public void delete(String queue, String receiptHandle) {
        Queue q = ctx.queues.require(queue);
        ReceiptHandles.Decoded handle = ReceiptHandles.decode(receiptHandle, q.name());
        List<StoreOp> ops = new ArrayList<>(1);
        CompletableFuture<Void> durable;
        q.lock.lock();
        try {
            deleteLocked(q, handle, receiptHandle, ops);
            durable = ops.isEmpty() ? null : ctx.store.submit(ops);
        } finally {
            q.lock.unlock();
        }
        if (durable != null) {
            ctx.awaitDurable(durable);
        }
    }

    public BatchResult<Void> deleteBatch(String queue, List<BatchEntry<String>> entries) {
        return deleteBatch(queue, entries, true);
    }

    /**
     * @param awaitDurable false for a Sluice extension (JMS AUTO_ACKNOWLEDGE): answer once the deletes are
     *                     applied and queued for the store, without waiting for a disk flush. A process crash
     *                     right after may redeliver such a message (at-least-once), never lose one.
     */
    public BatchResult<Void> deleteBatch(String queue, List<BatchEntry<String>> entries, boolean awaitDurable) {
        Queue q = ctx.queues.require(queue);
        BatchValidation.validate(entries, "DeleteMessageBatchRequestEntry");
        List<BatchResult.Success<Void>> ok = new ArrayList<>();
        List<BatchResult.Failure> failed = new ArrayList<>();
        List<StoreOp> ops = new ArrayList<>();
        CompletableFuture<Void> durable = null;
        q.lock.lock();
        try {
            for (BatchEntry<String> e : entries) {
                try {
                    deleteLocked(q, ReceiptHandles.decode(e.request(), q.name()), e.request(), ops);
                    ok.add(new BatchResult.Success<>(e.id(), null));
                } catch (SqsException ex) {
                    failed.add(BatchResult.Failure.of(e.id(), ex));
                }
            }
            if (!ops.isEmpty()) {
                durable = awaitDurable ? ctx.store.submit(ops) : ctx.store.submitLazy(ops);
            }
        } finally {
            q.lock.unlock();
        }
        if (durable != null && awaitDurable) {
            ctx.awaitDurable(durable);
        }
        return new BatchResult<>(ok, failed);
    }

    /** Applies one delete in memory and adds its store change; call with the queue's lock held. */
    void deleteLocked(Queue q, ReceiptHandles.Decoded handle, String rawHandle, List<StoreOp> ops) {
        if (q.deleted()) {
            throw SqsException.queueDoesNotExist();
        }
        long now = ctx.now();
        q.releaseDue(now);
        Entry e = q.find(handle.messageId());
        if (e == null) {
            // Already deleted, or (after a restart) still on disk beyond the memory window: deleting what the
            // handle names is right in both cases, and harmless in the first.
            ops.add(new StoreOp.DeleteMessage(handle.messageId(), handle.seq(), q.name()));
            return;
        }
        boolean current = e.receiptNonce == handle.nonce();
        if (q.fifo() && (!current || e.state != Entry.State.INFLIGHT)) {
            throw SqsException.invalidParameter("ReceiptHandle", rawHandle, "The receipt handle has expired.");
        }
        if (!current && e.state == Entry.State.INFLIGHT) {
            return; // someone else received it since: AWS answers success and keeps the message
        }
        q.remove(e);
        ops.add(new StoreOp.DeleteMessage(e.id, e.seq, q.name()));
    }
}
