package dev.sluice.engine.queue;

import dev.sluice.engine.error.SqsException;
import dev.sluice.engine.model.ChangeVisibilityRequest;
import dev.sluice.engine.model.SendMessageRequest;
import dev.sluice.engine.model.SendMessageResult;
import dev.sluice.engine.store.StoreOp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * Commits a {@link UnitOfWork} atomically: every part is checked with all involved queues locked (in name
 * order, so two units cannot deadlock), then all of it is applied and made durable as one store unit.
 * Unlike a plain DeleteMessage, a stale receipt handle fails the whole unit: a transaction must not
 * acknowledge a message it no longer holds.
 */
public final class UnitOfWorkOps {

    private final EngineContext ctx;
    private final SendMessageOp sending;

    public UnitOfWorkOps(EngineContext ctx, SendMessageOp sending) {
        this.ctx = ctx;
        this.sending = sending;
    }

    /** @return the results of the unit's sends, in order */
    public List<SendMessageResult> commit(UnitOfWork unit) {
        TreeMap<String, Queue> involved = new TreeMap<>();
        Set<String> chosenIds = new HashSet<>();
        for (SendMessageRequest s : unit.sends()) {
            Queue q = involved.computeIfAbsent(s.queue(), ctx.queues::require);
            MessageValidation.validate(s, q.settings(), false);
            if (s.messageId() != null) {
                try {
                    java.util.UUID.fromString(s.messageId());
                } catch (IllegalArgumentException e) {
                    throw SqsException.invalidParameter("MessageId", s.messageId(), "Must be a UUID.");
                }
                if (!chosenIds.add(s.messageId())) {
                    throw SendMessageOp.duplicateId(s.messageId());
                }
            }
        }
        List<ReceiptHandles.Decoded> deletes = new ArrayList<>();
        for (UnitOfWork.Delete d : unit.deletes()) {
            Queue q = involved.computeIfAbsent(d.queue(), ctx.queues::require);
            deletes.add(ReceiptHandles.decode(d.receiptHandle(), q.name()));
        }
        List<ReceiptHandles.Decoded> changes = new ArrayList<>();
        for (UnitOfWork.VisibilityChange c : unit.visibilityChanges()) {
            Queue q = involved.computeIfAbsent(c.queue(), ctx.queues::require);
            changes.add(ReceiptHandles.decode(c.receiptHandle(), q.name()));
        }
        List<Queue> ordered = involved.values().stream().sorted(Comparator.comparing(Queue::name)).toList();
        List<StoreOp> ops = new ArrayList<>();
        List<Entry> admitted = new ArrayList<>();
        List<SendMessageResult> results = new ArrayList<>(unit.sends().size());
        CompletableFuture<Void> durable = null;
        ordered.forEach(q -> q.lock.lock());
        try {
            long now = ctx.now();
            for (Queue q : ordered) {
                if (q.deleted()) {
                    throw SqsException.queueDoesNotExist();
                }
                q.releaseDue(now);
            }
            for (SendMessageRequest s : unit.sends()) {
                SendMessageOp.requireUnusedId(involved.get(s.queue()), s); // before anything changes
            }
            for (int i = 0; i < deletes.size(); i++) {
                held(involved.get(unit.deletes().get(i).queue()), deletes.get(i), unit.deletes().get(i).receiptHandle());
            }
            for (int i = 0; i < changes.size(); i++) {
                UnitOfWork.VisibilityChange c = unit.visibilityChanges().get(i);
                held(involved.get(c.queue()), changes.get(i), c.receiptHandle());
                VisibilityOps.check(involved.get(c.queue()), changes.get(i),
                        new ChangeVisibilityRequest(c.receiptHandle(), c.visibilityTimeout()), now);
            }
            for (ReceiptHandles.Decoded d : deletes) {
                Queue q = involved.get(d.queue());
                Entry e = q.find(d.messageId());
                if (e != null) {
                    q.remove(e);
                    ops.add(new StoreOp.DeleteMessage(e.id, e.seq, q.name()));
                } else {
                    // deleted already, or (after a restart) on disk beyond the memory window, as in DeleteMessageOps
                    ops.add(new StoreOp.DeleteMessage(d.messageId(), d.seq(), q.name()));
                }
            }
            for (int i = 0; i < changes.size(); i++) {
                UnitOfWork.VisibilityChange c = unit.visibilityChanges().get(i);
                Queue q = involved.get(c.queue());
                Entry e = q.find(changes.get(i).messageId());
                if (e != null) {
                    new VisibilityOps(ctx).changeLocked(q, changes.get(i),
                            new ChangeVisibilityRequest(c.receiptHandle(), c.visibilityTimeout()), ops);
                }
            }
            for (SendMessageRequest s : unit.sends()) {
                results.add(sending.enqueue(involved.get(s.queue()), s, ops, admitted));
            }
            if (!ops.isEmpty()) {
                durable = sending.submit(ops, admitted);
            }
        } finally {
            ordered.forEach(q -> q.lock.unlock());
        }
        if (durable != null) {
            ctx.awaitDurable(durable);
        }
        return results;
    }

    /** Checks that the receipt handle is the current one of an in-flight message (deleted twice is fine). */
    private static void held(Queue q, ReceiptHandles.Decoded d, String raw) {
        Entry e = q.find(d.messageId());
        if (e != null && (e.receiptNonce != d.nonce() || e.state != Entry.State.INFLIGHT)) {
            throw SqsException.invalidParameter("ReceiptHandle", raw, "The receipt handle has expired.");
        }
    }
}
