package dev.sluice.engine.queue;

import dev.sluice.engine.store.MessageStore;
import dev.sluice.engine.time.Clock;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** What every operation shares: time, the store, the queues, identity and the sequence counter. */
public final class EngineContext {

    public final Clock clock;
    public final MessageStore store;
    public final QueueRegistry queues;
    public final String region;
    public final String account;
    public final int memoryLimitPerQueue;
    final HeldMessages held = new HeldMessages();
    private final AtomicLong sequence;
    private final AtomicLong lastDedupExpiry = new AtomicLong();
    private static final long DEDUP_EXPIRY_INTERVAL_MILLIS = 60_000;

    public EngineContext(Clock clock, MessageStore store, String region, String account, int memoryLimitPerQueue) {
        this.clock = clock;
        this.store = store;
        this.queues = new QueueRegistry();
        this.region = region;
        this.account = account;
        this.memoryLimitPerQueue = memoryLimitPerQueue;
        this.sequence = new AtomicLong(store.maxSequence());
    }

    /** Whether a new or moved message goes into {@code q}'s memory; call with its lock held. */
    boolean admitsToMemory(Queue q) {
        return storeKeepsNothing() || held.admits(q);
    }

    public long now() {
        return clock.millis();
    }

    /** Forgets stored FIFO de-duplication entries past their window, at most once a minute. */
    void maybeExpireDedup(long now) {
        long last = lastDedupExpiry.get();
        if (now - last >= DEDUP_EXPIRY_INTERVAL_MILLIS && lastDedupExpiry.compareAndSet(last, now)) {
            store.submitLazy(List.of(new dev.sluice.engine.store.StoreOp.ExpireDedup(now)));
        }
    }

    long nextSequence() {
        return sequence.incrementAndGet();
    }

    long currentSequence() {
        return sequence.get();
    }

    static long newNonce() {
        long n;
        do {
            n = ThreadLocalRandom.current().nextLong();
        } while (n == 0);
        return n;
    }

    boolean storeKeepsNothing() {
        return store.keepsBodiesInEngine();
    }

    public String arnOf(String queueName) {
        return Arns.of(region, account, queueName);
    }

    /** Waits until the store has made a unit durable; a store failure surfaces as {@link StoreFailure}. */
    void awaitDurable(CompletableFuture<Void> unit) {
        try {
            store.awaitDurable(unit);
        } catch (CompletionException e) {
            throw new StoreFailure(e.getCause());
        }
    }

    /** Rows of the on-disk part one filtered receive may examine, so a selector cannot stall the queue. */
    static final int FILTER_SCAN_ROWS = 5_000;

    /**
     * A filter found nothing in memory but messages wait on disk beyond the window (standard queues): examine
     * the next rows from where the previous scan stopped, wrapping around, and promote visible matches into
     * memory. Successive receives cover the whole backlog, so a selector's match is found however deep it is.
     * Call with the queue's lock held.
     */
    void promoteFilterMatches(Queue q, dev.sluice.engine.model.MessageFilter filter, int max, long now) {
        if (q.fifo() || storeKeepsNothing() || !q.hasSpilled()) {
            return;
        }
        long retentionMillis = q.settings().messageRetentionPeriod() * 1000L;
        long cursor = q.scanCursor();
        int examined = 0;
        int found = 0;
        while (examined < FILTER_SCAN_ROWS && found < max) {
            var rows = store.loadMessages(q.name(), cursor, 500);
            if (rows.isEmpty()) {
                cursor = q.pagedThroughSeq(); // wrap: the next receive starts again at the window's edge
                break;
            }
            for (var m : rows) {
                examined++;
                cursor = m.seq();
                Entry probe = new Entry(m);
                if (m.visibleAt() <= now && now - m.sentAt() < retentionMillis
                        && filter.accepts(q.view(probe, null))) {
                    q.promote(m, now);
                    if (++found >= max) {
                        break;
                    }
                }
            }
        }
        q.scanCursor(cursor);
    }

    /** Pages spilled messages into memory when the window has room. Call with the queue's lock held. */
    void pageIn(Queue q) {
        if (q.wantsPage()) {
            int asked = q.pageSize();
            q.acceptPage(store.loadMessages(q.name(), q.pagedThroughSeq(), asked), asked, now());
        }
    }

    /** A receive found nothing it could take: bring in the next page even past the window (bounded). */
    boolean pageBeyondWindow(Queue q) {
        if (storeKeepsNothing() || !q.mayPageBeyondWindow()) {
            return false;
        }
        int asked = Math.max(1, memoryLimitPerQueue);
        var page = store.loadMessages(q.name(), q.pagedThroughSeq(), asked);
        q.acceptPage(page, asked, now());
        return !page.isEmpty();
    }
}
