package dev.sluice.engine.queue;

import dev.sluice.engine.error.SqsError;
import dev.sluice.engine.error.SqsException;
import dev.sluice.engine.model.BatchEntry;
import dev.sluice.engine.model.BatchResult;
import dev.sluice.engine.model.MessageIds;
import dev.sluice.engine.model.SendMessageRequest;
import dev.sluice.engine.model.SendMessageResult;
import dev.sluice.engine.store.DedupRecord;
import dev.sluice.engine.store.StoreOp;
import dev.sluice.engine.store.StoredMessage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** SendMessage and SendMessageBatch: validation, FIFO de-duplication, enqueue, durable before answering. */
public final class SendMessageOp {

    static final long MAX_BATCH_BYTES = 1_048_576;

    private final EngineContext ctx;

    public SendMessageOp(EngineContext ctx) {
        this.ctx = ctx;
    }

    public SendMessageResult send(SendMessageRequest request) {
        Queue q = ctx.queues.require(request.queue());
        MessageValidation.validate(request, q.settings(), false);
        List<StoreOp> ops = new ArrayList<>(2);
        List<Entry> admitted = new ArrayList<>(1);
        SendMessageResult result;
        CompletableFuture<Void> durable;
        q.lock.lock();
        try {
            result = enqueue(q, request, ops, admitted);
            durable = ops.isEmpty() ? null : submit(ops, admitted);
        } finally {
            q.lock.unlock();
        }
        if (durable != null) {
            ctx.awaitDurable(durable);
        }
        return result;
    }

    /** Entries fail one by one; the valid ones are made durable together, in one unit. */
    public BatchResult<SendMessageResult> sendBatch(String queue, List<BatchEntry<SendMessageRequest>> entries) {
        Queue q = ctx.queues.require(queue);
        BatchValidation.validate(entries, "SendMessageBatchRequestEntry");
        long total = 0;
        for (BatchEntry<SendMessageRequest> e : entries) {
            SendMessageRequest r = e.request();
            total += MessageValidation.sizeOf(r.body() == null ? "" : r.body(), r.attributes());
            if (q.fifo() && r.groupId() == null) {
                throw new SqsException(SqsError.INVALID_PARAMETER_VALUE,
                        "The request must contain the parameter MessageGroupId.");
            }
            if (q.fifo() && r.deduplicationId() == null && !q.settings().contentBasedDeduplication()) {
                throw new SqsException(SqsError.INVALID_PARAMETER_VALUE, "The queue should either have "
                        + "ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly");
            }
        }
        if (total > MAX_BATCH_BYTES) {
            throw new SqsException(SqsError.BATCH_REQUEST_TOO_LONG, "Batch requests cannot be longer than "
                    + MAX_BATCH_BYTES + " bytes. You have sent " + total + " bytes.");
        }
        List<BatchResult.Success<SendMessageResult>> ok = new ArrayList<>();
        List<BatchResult.Failure> failed = new ArrayList<>();
        List<BatchEntry<SendMessageRequest>> valid = new ArrayList<>();
        for (BatchEntry<SendMessageRequest> e : entries) {
            try {
                MessageValidation.validate(e.request(), q.settings(), true);
                valid.add(e);
            } catch (SqsException ex) {
                String body = e.request().body();
                // AWS reports an entry's empty body as EmptyValue, not SendMessage's MissingParameter
                failed.add(body == null || body.isEmpty()
                        ? new BatchResult.Failure(e.id(), "EmptyValue", ex.getMessage(), true)
                        : BatchResult.Failure.of(e.id(), ex));
            }
        }
        List<StoreOp> ops = new ArrayList<>();
        List<Entry> admitted = new ArrayList<>();
        CompletableFuture<Void> durable = null;
        q.lock.lock();
        try {
            for (BatchEntry<SendMessageRequest> e : valid) {
                try {
                    ok.add(new BatchResult.Success<>(e.id(), enqueue(q, e.request(), ops, admitted)));
                } catch (SqsException ex) {
                    failed.add(BatchResult.Failure.of(e.id(), ex));
                }
            }
            if (!ops.isEmpty()) {
                durable = submit(ops, admitted);
            }
        } finally {
            q.lock.unlock();
        }
        if (durable != null) {
            ctx.awaitDurable(durable);
        }
        return new BatchResult<>(ok, failed);
    }

    /**
     * Submits the unit; once it is durable the bodies of the admitted messages leave memory (receives then
     * read them from the store), so a backlog does not live on the heap.
     */
    CompletableFuture<Void> submit(List<StoreOp> ops, List<Entry> admitted) {
        CompletableFuture<Void> durable = ctx.store.submit(ops);
        if (!ctx.storeKeepsNothing() && !admitted.isEmpty()) {
            durable.thenRun(() -> admitted.forEach(e -> e.body = null));
        }
        return durable;
    }

    /**
     * Enqueues one validated message; call with the queue's lock held. Adds the store changes to {@code ops}
     * and the message, if it stays in memory, to {@code admitted}.
     */
    SendMessageResult enqueue(Queue q, SendMessageRequest r, List<StoreOp> ops, List<Entry> admitted) {
        if (q.deleted()) {
            throw SqsException.queueDoesNotExist();
        }
        requireUnusedId(q, r);
        long now = ctx.now();
        String dedupKey = null;
        if (q.fifo()) {
            String dedupId = r.deduplicationId() != null ? r.deduplicationId() : sha256(r.body());
            dedupKey = q.settings().deduplicatesPerGroup() ? r.groupId() + "\n" + dedupId : dedupId;
            ctx.maybeExpireDedup(now);
            DedupRecord seen = q.deduplicator.find(dedupKey, now);
            if (seen != null) {
                return new SendMessageResult(seen.messageId(), r.body(), r.attributes(), r.traceHeader(),
                        SequenceNumbers.format(seen.seq()));
            }
        }
        long seq = ctx.nextSequence();
        String id = r.messageId() != null ? r.messageId() : MessageIds.next();
        // AWS: an explicit per-message delay, 0 included, overrides the queue's (FIFO only allows 0, meaning unset)
        int delay = r.delaySeconds() != null && (r.delaySeconds() > 0 || !q.fifo()) ? r.delaySeconds()
                : q.settings().delaySeconds();
        String dedupId = q.fifo() && r.deduplicationId() == null ? sha256(r.body()) : r.deduplicationId();
        StoredMessage m = new StoredMessage(id, q.name(), seq, r.body(), r.attributes(), r.traceHeader(), r.groupId(),
                dedupId, r.priority(), r.senderId() == null ? ctx.account : r.senderId(), now,
                now + delay * 1000L, 0, 0, 0, null);
        boolean inMemory = ctx.admitsToMemory(q);
        ops.add(new StoreOp.InsertMessage(m, inMemory));
        if (dedupKey != null) {
            DedupRecord record = new DedupRecord(q.name(), dedupKey, id, seq, now + Deduplicator.WINDOW_MILLIS);
            q.deduplicator.remember(record);
            ops.add(new StoreOp.PutDedup(record));
        }
        if (inMemory) {
            Entry entry = new Entry(m);
            q.admit(entry, now);
            admitted.add(entry);
        } else {
            q.countSpilled(1);
            q.changed.signalAll();
        }
        return new SendMessageResult(id, r.body(), r.attributes(), r.traceHeader(),
                q.fifo() ? SequenceNumbers.format(seq) : null);
    }

    static String sha256(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }

    /**
     * A MessageId chosen by the caller (a Sluice extension) must not be one the queue holds: the store keeps
     * messages under their sequence numbers and does not index ids, so it would not refuse the second. Only
     * messages in memory are checked; ids are meant to be UUIDs made afresh, which never meet this.
     */
    static void requireUnusedId(Queue q, SendMessageRequest r) {
        if (r.messageId() != null && q.find(r.messageId()) != null) {
            throw duplicateId(r.messageId());
        }
    }

    static SqsException duplicateId(String messageId) {
        return SqsException.invalidParameter("MessageId", messageId, "Another message already has this MessageId.");
    }
}
