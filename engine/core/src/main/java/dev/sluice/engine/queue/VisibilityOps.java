package dev.sluice.engine.queue;

import dev.sluice.engine.error.SqsException;
import dev.sluice.engine.model.BatchEntry;
import dev.sluice.engine.model.BatchResult;
import dev.sluice.engine.model.ChangeVisibilityRequest;
import dev.sluice.engine.store.StoreOp;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** ChangeMessageVisibility and ChangeMessageVisibilityBatch. */
public final class VisibilityOps {

    static final int MAX_VISIBILITY_SECONDS = 43_200;

    private final EngineContext ctx;

    public VisibilityOps(EngineContext ctx) {
        this.ctx = ctx;
    }

    public void change(String queue, ChangeVisibilityRequest request) {
        Queue q = ctx.queues.require(queue);
        ReceiptHandles.Decoded handle = ReceiptHandles.decode(request.receiptHandle(), q.name());
        List<StoreOp> ops = new ArrayList<>(1);
        CompletableFuture<Void> durable;
        q.lock.lock();
        try {
            changeLocked(q, handle, request, ops);
            durable = ctx.store.submit(ops);
        } finally {
            q.lock.unlock();
        }
        ctx.awaitDurable(durable);
    }

    public BatchResult<Void> changeBatch(String queue, List<BatchEntry<ChangeVisibilityRequest>> entries) {
        Queue q = ctx.queues.require(queue);
        BatchValidation.validate(entries, "ChangeMessageVisibilityBatchRequestEntry");
        List<BatchResult.Success<Void>> ok = new ArrayList<>();
        List<BatchResult.Failure> failed = new ArrayList<>();
        List<StoreOp> ops = new ArrayList<>();
        CompletableFuture<Void> durable = null;
        q.lock.lock();
        try {
            for (BatchEntry<ChangeVisibilityRequest> e : entries) {
                try {
                    changeLocked(q, ReceiptHandles.decode(e.request().receiptHandle(), q.name()), e.request(), ops);
                    ok.add(new BatchResult.Success<>(e.id(), null));
                } catch (SqsException ex) {
                    failed.add(BatchResult.Failure.of(e.id(), ex));
                }
            }
            if (!ops.isEmpty()) {
                durable = ctx.store.submit(ops);
            }
        } finally {
            q.lock.unlock();
        }
        if (durable != null) {
            ctx.awaitDurable(durable);
        }
        return new BatchResult<>(ok, failed);
    }

    void changeLocked(Queue q, ReceiptHandles.Decoded handle, ChangeVisibilityRequest r, List<StoreOp> ops) {
        long now = ctx.now();
        Entry e = check(q, handle, r, now);
        int seconds = r.visibilityTimeout();
        if (e.state != Entry.State.INFLIGHT) {
            e.receivedAt = now;
        }
        q.changeVisibility(e, now, seconds * 1000L);
        ops.add(new StoreOp.UpdateDelivery(e.id, e.seq, q.name(), e.visibleAt, e.receiveCount, e.firstReceiveAt,
                e.receiptNonce));
    }

    /**
     * Every rule a visibility change must pass, without changing anything (a unit of work checks all its
     * parts before applying any). Returns the message. Call with the queue's lock held.
     */
    static Entry check(Queue q, ReceiptHandles.Decoded handle, ChangeVisibilityRequest r, long now) {
        if (r.visibilityTimeout() == null) {
            throw SqsException.missingParameter("VisibilityTimeout");
        }
        int seconds = r.visibilityTimeout();
        if (seconds < 0 || seconds > MAX_VISIBILITY_SECONDS) {
            throw SqsException.invalidParameter("VisibilityTimeout", seconds, "Must be between 0 and 43200.");
        }
        if (q.deleted()) {
            throw SqsException.queueDoesNotExist();
        }
        q.releaseDue(now);
        Entry e = q.find(handle.messageId());
        if (e == null || e.state == Entry.State.DELAYED || e.receiptNonce != handle.nonce() && !q.fifo()) {
            throw SqsException.invalidParameter("ReceiptHandle", r.receiptHandle(),
                    "Message does not exist or is not available for visibility timeout change.");
        }
        if (e.receiptNonce != handle.nonce() || (q.fifo() && e.state != Entry.State.INFLIGHT)) {
            throw SqsException.invalidParameter("ReceiptHandle", r.receiptHandle(), "The receipt handle has expired.");
        }
        if (e.state == Entry.State.INFLIGHT && (now - e.receivedAt) + seconds * 1000L > MAX_VISIBILITY_SECONDS * 1000L) {
            throw SqsException.invalidParameter("VisibilityTimeout", seconds,
                    "Total VisibilityTimeout for the message is beyond the limit [43200 seconds]");
        }
        return e;
    }
}
