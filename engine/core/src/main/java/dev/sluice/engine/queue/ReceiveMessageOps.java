package dev.sluice.engine.queue;

import dev.sluice.engine.error.SqsException;
import dev.sluice.engine.model.MessageAttribute;
import dev.sluice.engine.model.MessageFilter;
import dev.sluice.engine.model.MessageView;
import dev.sluice.engine.model.ReceiveMessageRequest;
import dev.sluice.engine.model.ReceivedMessage;
import dev.sluice.engine.store.MessageKey;
import dev.sluice.engine.store.StoreOp;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * ReceiveMessage (with long polling, dead-letter redrive on receive and FIFO receive attempts) and the
 * browse extension.
 */
public final class ReceiveMessageOps {

    private static final Pattern ATTEMPT_ID = Pattern.compile("[\\p{Alnum}\\p{Punct}]{1,128}");

    private final EngineContext ctx;
    private final RedriveOps redrive;

    public ReceiveMessageOps(EngineContext ctx, RedriveOps redrive) {
        this.ctx = ctx;
        this.redrive = redrive;
    }

    /** A message handed over by one receive, with the delivery state it had at that moment (read under the lock). */
    private record Delivery(Entry entry, String body, long seq, int receiveCount, long firstReceiveAt, long nonce) {
    }

    public List<ReceivedMessage> receive(ReceiveMessageRequest r) {
        return receive(r, () -> false);
    }

    /**
     * A receive whose long poll also ends, empty-handed, once {@code stopWaiting} says so and the queue's
     * receivers are woken ({@link #wakeReceivers}): a caller's own reason to stop waiting (a JMS session with a
     * new listener to serve). It is checked only after the queue had nothing to hand over, so a message is never
     * taken and then dropped.
     */
    public List<ReceivedMessage> receive(ReceiveMessageRequest r, BooleanSupplier stopWaiting) {
        Queue q = ctx.queues.require(r.queue());
        int max = r.maxNumberOfMessages() == null ? 1 : r.maxNumberOfMessages();
        if (max < 1 || max > 10) {
            throw SqsException.invalidParameter("MaxNumberOfMessages", max, "Must be between 1 and 10, if provided.");
        }
        int wait = r.waitTimeSeconds() == null ? q.settings().receiveMessageWaitTimeSeconds() : r.waitTimeSeconds();
        if (wait < 0 || wait > 20) {
            throw SqsException.invalidParameter("WaitTimeSeconds", wait, "Must be >= 0 and <= 20, if provided.");
        }
        long waitMillis = wait * 1000L;
        if (r.waitTimeMillis() != null) {
            if (r.waitTimeMillis() < 0 || r.waitTimeMillis() > 20_000) {
                throw SqsException.invalidParameter("WaitTimeMillis", r.waitTimeMillis(),
                        "Must be >= 0 and <= 20000, if provided.");
            }
            waitMillis = r.waitTimeMillis();
        }
        if (r.visibilityTimeout() != null && (r.visibilityTimeout() < 0 || r.visibilityTimeout() > 43_200)) {
            throw SqsException.invalidParameter("VisibilityTimeout", r.visibilityTimeout(),
                    "Must be >= 0 and <= 43200, if provided.");
        }
        if (r.receiveRequestAttemptId() != null && !ATTEMPT_ID.matcher(r.receiveRequestAttemptId()).matches()) {
            throw SqsException.invalidParameter("ReceiveRequestAttemptId", r.receiveRequestAttemptId(),
                    "ReceiveRequestAttemptId can only include alphanumeric and punctuation characters. 1 to 128 in length.");
        }
        List<Delivery> delivered = new ArrayList<>();
        List<Entry> toDeadLetter = new ArrayList<>();
        String[] deadLetterQueue = new String[1];
        q.lock.lock();
        try {
            long deadline = ctx.now() + waitMillis;
            while (true) {
                if (q.deleted()) {
                    throw SqsException.queueDoesNotExist();
                }
                long now = ctx.now();
                if (takeInto(q, r, max, now, delivered, toDeadLetter, deadLetterQueue) || now >= deadline
                        || stopWaiting.getAsBoolean()) {
                    break;
                }
                long until = Math.min(deadline, q.nextReleaseAt());
                q.awaitChange(ctx.clock.realNanosFor(until - now), until, r.filter() != null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            q.lock.unlock();
        }
        if (!toDeadLetter.isEmpty()) {
            redrive.toDeadLetterQueue(q, deadLetterQueue[0], toDeadLetter);
        }
        return answer(q, r, delivered);
    }

    /** Wakes the queue's long polls so they look at their {@code stopWaiting} again. */
    public void wakeReceivers(String queue) {
        Queue q = ctx.queues.require(queue);
        q.lock.lock();
        try {
            q.changed.signalAll();
        } finally {
            q.lock.unlock();
        }
    }

    /**
     * One pass over the queue under its lock: releases due messages, pages in from disk, drops expired
     * ones, sets aside those over the redrive limit and hands out the rest. True if anything was handed out
     * or set aside (a redrive may uncover more messages, so the caller answers rather than waits).
     */
    private boolean takeInto(Queue q, ReceiveMessageRequest r, int max, long now, List<Delivery> delivered,
                             List<Entry> toDeadLetter, String[] deadLetterQueue) {
        q.releaseDue(now);
        ctx.pageIn(q);
        if (q.fifo() && r.receiveRequestAttemptId() != null) {
            List<Entry> repeated = q.repeatAttempt(r.receiveRequestAttemptId(), now);
            if (repeated != null) {
                repeated.forEach(e -> delivered.add(new Delivery(e, e.body, e.seq, e.receiveCount, e.firstReceiveAt,
                        e.receiptNonce)));
                return true;
            }
        }
        List<Entry> expired = new ArrayList<>();
        List<Entry> picked = q.candidates(max, r.filter(), now, expired);
        if (picked.isEmpty() && r.filter() != null) {
            ctx.promoteFilterMatches(q, r.filter(), max, now);
            picked = q.candidates(max, r.filter(), now, expired);
        }
        while (picked.isEmpty() && r.filter() == null && ctx.pageBeyondWindow(q)) {
            q.releaseDue(now);
            picked = q.candidates(max, null, now, expired);
        }
        List<StoreOp> ops = new ArrayList<>();
        for (Entry e : expired) {
            q.remove(e);
            ops.add(new StoreOp.DeleteMessage(e.id, e.seq, q.name()));
        }
        RedrivePolicy policy = q.settings().redrivePolicy();
        long visibilityMillis = (r.visibilityTimeout() != null ? r.visibilityTimeout()
                : q.settings().visibilityTimeout()) * 1000L;
        List<Entry> handed = new ArrayList<>();
        for (Entry e : picked) {
            if (policy != null && e.receiveCount >= policy.maxReceiveCount()
                    && ctx.queues.find(policy.deadLetterQueueName()) != null) {
                redrive.take(q, e);
                toDeadLetter.add(e);
                deadLetterQueue[0] = policy.deadLetterQueueName();
                continue;
            }
            q.markInflight(e, now, visibilityMillis, EngineContext.newNonce());
            ops.add(new StoreOp.UpdateDelivery(e.id, e.seq, q.name(), e.visibleAt, e.receiveCount, e.firstReceiveAt,
                    e.receiptNonce));
            delivered.add(new Delivery(e, e.body, e.seq, e.receiveCount, e.firstReceiveAt, e.receiptNonce));
            handed.add(e);
        }
        if (q.fifo() && r.receiveRequestAttemptId() != null && !handed.isEmpty()) {
            q.rememberAttempt(r.receiveRequestAttemptId(), handed, now);
        }
        if (!ops.isEmpty()) {
            // Not awaited, and not flushed on its own: a lost receive only makes a message visible sooner after
            // a crash, and every later change of this message is ordered after it in the store.
            ctx.store.submitLazy(ops);
        }
        return !delivered.isEmpty() || !toDeadLetter.isEmpty();
    }

    private List<ReceivedMessage> answer(Queue q, ReceiveMessageRequest r, List<Delivery> delivered) {
        List<ReceivedMessage> out = new ArrayList<>(delivered.size());
        List<String> stored = loadMissingBodies(delivered);
        for (int i = 0; i < delivered.size(); i++) {
            Delivery d = delivered.get(i);
            String body = d.body != null ? d.body : stored.get(i);
            if (body == null) {
                forgetVanished(q, d); // its row is gone (purged meanwhile): memory must not keep a ghost
                continue;
            }
            Map<String, MessageAttribute> attributes = selectMessageAttributes(d.entry.attributes,
                    r.messageAttributeNames());
            out.add(new ReceivedMessage(d.entry.id, ReceiptHandles.encode(q.name(), d.entry.id, d.seq, d.nonce), body,
                    systemAttributes(q, d, r.attributeNames()), attributes));
        }
        return out;
    }

    /** The stored bodies of the deliveries that hold none (one store read for all), null for the others. */
    private List<String> loadMissingBodies(List<Delivery> delivered) {
        List<MessageKey> keys = new ArrayList<>();
        for (Delivery d : delivered) {
            if (d.body == null) {
                keys.add(new MessageKey(d.entry.id, d.seq));
            }
        }
        Iterator<String> loaded = keys.isEmpty() ? null : ctx.store.loadBodies(keys).iterator();
        List<String> out = new ArrayList<>(delivered.size());
        for (Delivery d : delivered) {
            out.add(d.body == null ? loaded.next() : null);
        }
        return out;
    }

    private static void forgetVanished(Queue q, Delivery d) {
        q.lock.lock();
        try {
            Entry e = q.find(d.entry.id);
            if (e == d.entry && e.receiptNonce == d.nonce) {
                q.remove(e);
            }
        } finally {
            q.lock.unlock();
        }
    }

    private Map<String, String> systemAttributes(Queue q, Delivery d, List<String> names) {
        if (names.isEmpty()) {
            return Map.of();
        }
        boolean all = names.contains("All");
        Entry e = d.entry;
        Map<String, String> out = new TreeMap<>();
        putIf(out, names, all, "SenderId", e.senderId);
        putIf(out, names, all, "SentTimestamp", Long.toString(e.sentAt));
        putIf(out, names, all, "ApproximateReceiveCount", Integer.toString(d.receiveCount));
        putIf(out, names, all, "ApproximateFirstReceiveTimestamp", Long.toString(d.firstReceiveAt));
        putIf(out, names, all, "AWSTraceHeader", e.traceHeader);
        putIf(out, names, all, "DeadLetterQueueSourceArn",
                e.deadLetterSource == null ? null : ctx.arnOf(e.deadLetterSource));
        if (q.fifo()) {
            putIf(out, names, all, "SequenceNumber", SequenceNumbers.format(d.seq));
            putIf(out, names, all, "MessageDeduplicationId", e.deduplicationId);
            putIf(out, names, all, "MessageGroupId", e.groupId);
        } else if (e.groupId != null) {
            putIf(out, names, all, "MessageGroupId", e.groupId);
        }
        return out;
    }

    private static void putIf(Map<String, String> out, List<String> names, boolean all, String name, String value) {
        if (value != null && (all || names.contains(name))) {
            out.put(name, value);
        }
    }

    /** MessageAttributeNames: {@code All} or {@code .*} for every attribute, a name, or {@code prefix.*}. */
    static Map<String, MessageAttribute> selectMessageAttributes(Map<String, MessageAttribute> attributes,
                                                                 List<String> names) {
        if (names.isEmpty() || attributes.isEmpty()) {
            return Map.of();
        }
        if (names.contains("All") || names.contains(".*") || names.contains("*")) {
            return attributes;
        }
        Map<String, MessageAttribute> out = new LinkedHashMap<>();
        for (Map.Entry<String, MessageAttribute> a : attributes.entrySet()) {
            for (String n : names) {
                // AWS matches "Hel.*" against both "Hello" and "Help.Me": the prefix is what precedes ".*"
                boolean match = n.endsWith(".*") ? a.getKey().startsWith(n.substring(0, n.length() - 2))
                        : a.getKey().equals(n);
                if (match) {
                    out.put(a.getKey(), a.getValue());
                    break;
                }
            }
        }
        return out;
    }

    /** Sluice extension (JMS QueueBrowser): visible messages in delivery order, untouched. */
    public List<MessageView> browse(String queue, MessageFilter filter, int limit) {
        Queue q = ctx.queues.require(queue);
        List<Entry> seen;
        List<String> bodies = new ArrayList<>(); // read under the lock: a durable send drops its copy later
        List<MessageKey> missing = new ArrayList<>();
        q.lock.lock();
        try {
            long now = ctx.now();
            q.releaseDue(now);
            ctx.pageIn(q);
            seen = q.browse(filter, limit, now);
            for (Entry e : seen) {
                bodies.add(e.body);
                if (e.body == null) {
                    missing.add(new MessageKey(e.id, e.seq));
                }
            }
        } finally {
            q.lock.unlock();
        }
        Iterator<String> loaded = missing.isEmpty() ? null : ctx.store.loadBodies(missing).iterator();
        List<MessageView> out = new ArrayList<>(seen.size());
        for (int i = 0; i < seen.size(); i++) {
            String body = bodies.get(i) != null ? bodies.get(i) : loaded.next();
            if (body != null) {
                out.add(q.view(seen.get(i), body));
            }
        }
        return out;
    }
}
