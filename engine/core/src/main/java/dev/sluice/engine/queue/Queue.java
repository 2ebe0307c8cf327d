package dev.sluice.engine.queue;

import dev.sluice.engine.model.MessageFilter;
import dev.sluice.engine.model.MessageView;
import dev.sluice.engine.store.StoredMessage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One queue's messages in memory and the rules of their lifecycle: delayed → visible → in flight → deleted
 * (or visible again when the visibility timeout ends). Every method that reads or changes messages must be
 * called with {@link #lock} held; the queue is the single owner of its state, so visibility, delete and
 * redrive cannot race.
 *
 * <p>With a durable store a large backlog does not stay in memory: once {@code memoryLimit} messages are
 * held, later ones stay only on disk ("spilled") and are paged in, in send order, as the queue drains.
 * Memory therefore always holds exactly the messages whose sequence number is at most {@link #pagedThroughSeq}.
 */
public final class Queue {

    public final ReentrantLock lock = new ReentrantLock();
    /** Signalled when messages may have become receivable; long polls wait on it ({@link #awaitChange}). */
    public final Condition changed = lock.newCondition();
    /** Long polls waiting on {@link #changed}, and those of them with a filter (a JMS selector); guarded by lock. */
    private int waiting;
    private int filteredWaiting;
    /** No waiting long poll sleeps beyond this (clock millis; an upper bound, reset when none waits); guarded by lock. */
    private long waitingUntil = Long.MIN_VALUE;

    private final String name;
    private final String arn;
    private final boolean fifo;
    private QueueSettings settings;
    private Map<String, String> tags;
    private final long createdAt;
    private long lastModifiedAt;
    private boolean deleted;
    private long lastPurgeAt = Long.MIN_VALUE;

    private final Map<String, Entry> byId = new HashMap<>();
    private final TreeSet<Entry> ready = new TreeSet<>(Entry.BY_PRIORITY);
    private final Map<String, Group> groups = new HashMap<>();
    private final TreeSet<Group> availableGroups = new TreeSet<>(Group.BY_HEAD);
    private final TreeSet<Entry> timed = new TreeSet<>(Entry.BY_VISIBLE_AT);
    private int visibleCount;
    private int inflightCount;
    private int delayedCount;

    private final int memoryLimit;
    private long spilled;
    private long pagedThroughSeq;
    private long scanCursor;

    final Deduplicator deduplicator = new Deduplicator();
    private final Map<String, ReceiveAttempt> attempts = new HashMap<>();

    public Queue(String name, String arn, QueueSettings settings, Map<String, String> tags, long createdAt,
                 long lastModifiedAt, int memoryLimit) {
        this.name = name;
        this.arn = arn;
        this.fifo = settings.fifo();
        this.settings = settings;
        this.tags = Map.copyOf(tags);
        this.createdAt = createdAt;
        this.lastModifiedAt = lastModifiedAt;
        this.memoryLimit = memoryLimit;
    }

    public String name() {
        return name;
    }

    public String arn() {
        return arn;
    }

    public boolean fifo() {
        return fifo;
    }

    public QueueSettings settings() {
        return settings;
    }

    public void settings(QueueSettings next, long now) {
        this.settings = next;
        this.lastModifiedAt = now;
    }

    public Map<String, String> tags() {
        return tags;
    }

    public void tags(Map<String, String> next) {
        this.tags = Map.copyOf(next);
    }

    public long createdAt() {
        return createdAt;
    }

    public long lastModifiedAt() {
        return lastModifiedAt;
    }

    public boolean deleted() {
        return deleted;
    }

    public void markDeleted() {
        deleted = true;
        changed.signalAll();
    }

    public long lastPurgeAt() {
        return lastPurgeAt;
    }

    // ---- admission and paging -------------------------------------------------------------------------

    /** Whether the memory window has room for a new message (else it stays on disk until paged in). */
    boolean hasRoomInMemory() {
        return spilled == 0 && waitingInMemory() < memoryLimit;
    }

    public void countSpilled(long n) {
        spilled += n;
    }

    /**
     * Whether the memory window has room and there are messages on disk to page in. In-flight messages do
     * not count against the window (SQS bounds them separately), so consumers that hold many messages
     * without deleting them still see the rest of the backlog.
     */
    public boolean wantsPage() {
        return spilled > 0 && waitingInMemory() < memoryLimit / 2;
    }

    public long pagedThroughSeq() {
        return pagedThroughSeq;
    }

    /**
     * Whether a receive that found nothing receivable may page in beyond the window: memory can be full of
     * messages no one can take now (delayed ones, or a FIFO group blocked behind its in-flight head) while
     * receivable ones wait on disk. Memory may grow to four windows for that.
     */
    public boolean mayPageBeyondWindow() {
        return spilled > 0 && waitingInMemory() < 4 * memoryLimit;
    }

    public int pageSize() {
        return Math.max(1, memoryLimit - waitingInMemory());
    }

    private int waitingInMemory() {
        return byId.size() - inflightCount;
    }

    /** Takes in a page loaded from the store; fewer than asked for means nothing is left on disk. */
    public void acceptPage(List<StoredMessage> page, int asked, long now) {
        int admitted = 0;
        for (StoredMessage m : page) {
            // a message promoted earlier by a filtered receive is already in memory, and already uncounted
            if (!byId.containsKey(m.id())) {
                admit(new Entry(m), now);
                admitted++;
            }
        }
        spilled = page.size() < asked ? 0 : Math.max(0, spilled - admitted);
        if (!page.isEmpty()) {
            pagedThroughSeq = page.get(page.size() - 1).seq();
        }
    }

    // ---- filtered receives beyond the memory window (standard queues) ------------------------------------

    /** Where the next scan of the on-disk part for a filter's matches starts (a sequence number). */
    long scanCursor() {
        return Math.max(scanCursor, pagedThroughSeq);
    }

    void scanCursor(long seq) {
        scanCursor = seq;
    }

    boolean hasSpilled() {
        return spilled > 0;
    }

    /**
     * Brings one message from beyond the memory window into memory because a filter wants it. The window's
     * boundary does not move: the page that later covers this message skips it.
     */
    void promote(StoredMessage m, long now) {
        if (fifo || byId.containsKey(m.id())) {
            return;
        }
        long boundary = pagedThroughSeq;
        admit(new Entry(m), now);
        pagedThroughSeq = boundary;
        spilled = Math.max(0, spilled - 1);
    }

    // ---- lifecycle ------------------------------------------------------------------------------------

    /** Adds a message that is new, restored or moved here. */
    void admit(Entry e, long now) {
        byId.put(e.id, e);
        pagedThroughSeq = Math.max(pagedThroughSeq, e.seq);
        Group g = fifo ? groups.computeIfAbsent(e.groupId, Group::new) : null;
        if (g != null) {
            detach(g);
            g.entries.add(e);
        }
        if (e.visibleAt > now && e.receiveCount > 0) {
            e.state = Entry.State.INFLIGHT;
            e.receivedAt = e.receivedAt == 0 ? now : e.receivedAt;
            inflightCount++;
            timed.add(e);
            if (g != null) {
                g.inflight++;
            }
        } else if (e.visibleAt > now) {
            e.state = Entry.State.DELAYED;
            delayedCount++;
            timed.add(e);
        } else {
            e.state = Entry.State.VISIBLE;
            visibleCount++;
            if (!fifo) {
                ready.add(e);
            }
        }
        if (g != null) {
            attach(g);
        }
        wakeForAdmitted(e);
    }

    /**
     * One new visible message of a standard queue satisfies at most one long poll, so it wakes one: waking them
     * all had every other poller find nothing and wait again (four JMS consumers of one queue switched threads
     * twice per message). A poller with a filter may pass over a message another would take, and on a FIFO queue
     * or for a delayed message "receivable" is more than "visible": those still wake every poller.
     */
    private void wakeForAdmitted(Entry e) {
        if (!fifo && e.state == Entry.State.VISIBLE && filteredWaiting == 0) {
            changed.signal();
        } else {
            changed.signalAll();
        }
    }

    /**
     * Waits on {@link #changed} at most {@code nanos} (the caller holds the lock), which is until {@code until} on
     * the engine's clock; {@code filtered}: the poller takes only messages matching a filter. Returns what
     * {@link Condition#awaitNanos} returns.
     */
    long awaitChange(long nanos, long until, boolean filtered) throws InterruptedException {
        waiting++;
        waitingUntil = Math.max(waitingUntil, until);
        if (filtered) {
            filteredWaiting++;
        }
        try {
            return changed.awaitNanos(nanos);
        } finally {
            waiting--;
            if (waiting == 0) {
                waitingUntil = Long.MIN_VALUE;
            }
            if (filtered) {
                filteredWaiting--;
            }
        }
    }

    /** Moves every message whose delay or visibility timeout has ended back to visible. */
    public void releaseDue(long now) {
        while (!timed.isEmpty() && timed.first().visibleAt <= now) {
            Entry e = timed.pollFirst();
            Group g = fifo ? groups.get(e.groupId) : null;
            if (g != null) {
                detach(g);
            }
            if (e.state == Entry.State.DELAYED) {
                delayedCount--;
            } else {
                inflightCount--;
                if (g != null) {
                    g.inflight--;
                }
            }
            e.state = Entry.State.VISIBLE;
            visibleCount++;
            if (!fifo) {
                ready.add(e);
            }
            if (g != null) {
                attach(g);
            }
        }
    }

    /** The clock time at which the next delayed or in-flight message becomes visible, or Long.MAX_VALUE. */
    public long nextReleaseAt() {
        return timed.isEmpty() ? Long.MAX_VALUE : timed.first().visibleAt;
    }

    /**
     * Picks up to {@code max} receivable messages in delivery order without changing them: on a standard
     * queue by priority then send order; on a FIFO queue only from groups with nothing in flight, in order
     * within each group. Messages past their retention period are collected into {@code expired}.
     */
    List<Entry> candidates(int max, MessageFilter filter, long now, List<Entry> expired) {
        List<Entry> picked = new ArrayList<>();
        long retentionMillis = settings.messageRetentionPeriod() * 1000L;
        if (!fifo) {
            for (Entry e : ready) {
                if (picked.size() >= max) {
                    break;
                }
                if (now - e.sentAt >= retentionMillis) {
                    expired.add(e);
                } else if (filter == null || filter.accepts(view(e, null))) {
                    picked.add(e);
                }
            }
            return picked;
        }
        for (Group g : availableGroups) {
            if (picked.size() >= max) {
                break;
            }
            for (Entry e : g.entries) {
                if (picked.size() >= max || e.state != Entry.State.VISIBLE) {
                    break;
                }
                if (now - e.sentAt >= retentionMillis) {
                    expired.add(e);
                    continue;
                }
                if (filter != null && !filter.accepts(view(e, null))) {
                    break;
                }
                picked.add(e);
            }
        }
        return picked;
    }

    /** Hands a visible message to a receiver for {@code visibilityMillis}. */
    void markInflight(Entry e, long now, long visibilityMillis, long nonce) {
        Group g = fifo ? groups.get(e.groupId) : null;
        if (g != null) {
            detach(g);
            g.inflight++;
        } else {
            ready.remove(e);
        }
        visibleCount--;
        inflightCount++;
        e.state = Entry.State.INFLIGHT;
        e.receiveCount++;
        if (e.firstReceiveAt == 0) {
            e.firstReceiveAt = now;
        }
        e.receiptNonce = nonce;
        e.receivedAt = now;
        e.visibleAt = now + visibilityMillis;
        timed.add(e);
        if (g != null) {
            attach(g);
        }
        if (waiting > 0 && e.visibleAt < waitingUntil) {
            // it comes back before some long poll would wake up to look: let them recompute how long to wait
            // (when its arrival woke them all, they did so anyway; now it woke only this receiver)
            changed.signalAll();
        }
    }

    /**
     * Sets a new visibility timeout, counted from now. A message whose timeout had already ended but that no
     * one received since goes back in flight (AWS accepts this on standard queues).
     */
    void changeVisibility(Entry e, long now, long visibilityMillis) {
        Group g = fifo ? groups.get(e.groupId) : null;
        if (g != null) {
            detach(g);
        }
        if (e.state == Entry.State.INFLIGHT) {
            timed.remove(e);
        } else if (e.state == Entry.State.VISIBLE) {
            ready.remove(e);
            visibleCount--;
            inflightCount++;
            e.state = Entry.State.INFLIGHT;
            if (g != null) {
                g.inflight++;
            }
        }
        e.visibleAt = now + visibilityMillis;
        timed.add(e);
        if (g != null) {
            attach(g);
        }
        if (visibilityMillis == 0) {
            releaseDue(now);
        }
        // a shorter timeout moves the next release earlier: long polls must recompute how long to wait
        changed.signalAll();
    }

    /** Forgets a message (deleted, expired, or moved to another queue). */
    void remove(Entry e) {
        if (byId.remove(e.id) == null) {
            return;
        }
        Group g = fifo ? groups.get(e.groupId) : null;
        if (g != null) {
            detach(g);
            g.entries.remove(e);
        }
        switch (e.state) {
            case VISIBLE -> {
                visibleCount--;
                if (!fifo) {
                    ready.remove(e);
                }
            }
            case DELAYED -> {
                delayedCount--;
                timed.remove(e);
            }
            case INFLIGHT -> {
                inflightCount--;
                timed.remove(e);
                if (g != null) {
                    g.inflight--;
                }
            }
        }
        if (g != null) {
            if (g.entries.isEmpty()) {
                groups.remove(g.id);
            } else {
                attach(g);
                if (g.available) {
                    changed.signalAll(); // the group's next message is receivable now: wake long polls
                }
            }
        }
    }

    Entry find(String messageId) {
        return byId.get(messageId);
    }

    /** The sequence numbers of every message in memory, which the store leaves to the engine to name. */
    List<Long> heldSequences() {
        List<Long> seqs = new ArrayList<>(byId.size());
        for (Entry e : byId.values()) {
            seqs.add(e.seq);
        }
        return seqs;
    }

    /** Removes every message in memory and forgets what is on disk; returns the highest sequence removed. */
    long purge(long now, long upToSeq) {
        byId.clear();
        ready.clear();
        groups.clear();
        availableGroups.clear();
        timed.clear();
        attempts.clear();
        visibleCount = inflightCount = delayedCount = 0;
        spilled = 0;
        pagedThroughSeq = Math.max(pagedThroughSeq, upToSeq);
        lastPurgeAt = now;
        return upToSeq;
    }

    /** Visible messages in delivery order, without receiving them (JMS QueueBrowser). */
    List<Entry> browse(MessageFilter filter, int limit, long now) {
        long retentionMillis = settings.messageRetentionPeriod() * 1000L;
        List<Entry> out = new ArrayList<>();
        Iterable<Entry> order = fifo ? fifoOrder() : ready;
        for (Entry e : order) {
            if (out.size() >= limit) {
                break;
            }
            if (e.state == Entry.State.VISIBLE && now - e.sentAt < retentionMillis
                    && (filter == null || filter.accepts(view(e, null)))) {
                out.add(e);
            }
        }
        return out;
    }

    private Iterable<Entry> fifoOrder() {
        TreeSet<Entry> all = new TreeSet<>(Entry.BY_SEQ);
        all.addAll(byId.values());
        return all;
    }

    MessageView view(Entry e, String body) {
        return new MessageView(e.id, body, e.attributes, e.priority, e.sentAt, e.receiveCount, e.groupId,
                e.deduplicationId, fifo ? SequenceNumbers.format(e.seq) : null);
    }

    // ---- FIFO receive attempts -----------------------------------------------------------------------

    record ReceiveAttempt(List<Entry> entries, List<Long> nonces, long expiresAt) {
    }

    /** The messages of an earlier receive with the same attempt id, if it is still valid as a whole. */
    List<Entry> repeatAttempt(String attemptId, long now) {
        attempts.values().removeIf(a -> a.expiresAt <= now);
        ReceiveAttempt a = attempts.get(attemptId);
        if (a == null) {
            return null;
        }
        for (int i = 0; i < a.entries.size(); i++) {
            Entry e = a.entries.get(i);
            if (byId.get(e.id) != e || e.state != Entry.State.INFLIGHT || e.receiptNonce != a.nonces.get(i)) {
                attempts.remove(attemptId);
                return null;
            }
        }
        return a.entries;
    }

    void rememberAttempt(String attemptId, List<Entry> entries, long now) {
        List<Long> nonces = entries.stream().map(e -> e.receiptNonce).toList();
        attempts.put(attemptId, new ReceiveAttempt(List.copyOf(entries), nonces, now + Deduplicator.WINDOW_MILLIS));
    }

    // ---- counters ------------------------------------------------------------------------------------

    /** ApproximateNumberOfMessages: visible in memory plus what waits on disk. */
    public long approximateVisible() {
        return visibleCount + spilled;
    }

    public long approximateNotVisible() {
        return inflightCount;
    }

    public long approximateDelayed() {
        return delayedCount;
    }

    public int inMemory() {
        return byId.size();
    }

    // ---- FIFO group bookkeeping -----------------------------------------------------------------------

    private void detach(Group g) {
        if (g.available) {
            availableGroups.remove(g);
            g.available = false;
        }
    }

    private void attach(Group g) {
        // Like AWS, a group is receivable as soon as its first message is visible, even while later ones are in
        // flight (e.g. after ChangeMessageVisibility 0 on the first); candidates() stops at the first in-flight one.
        if (!g.entries.isEmpty() && g.entries.first().state == Entry.State.VISIBLE) {
            g.key = g.entries.first().seq;
            availableGroups.add(g);
            g.available = true;
        }
    }

    /** Iterates the messages in memory; for recovery checks and tests. */
    Iterator<Entry> entries() {
        return byId.values().iterator();
    }
}
