package dev.sluice.engine.queue;

import dev.sluice.engine.store.MessageStore;
import dev.sluice.engine.time.Clock;

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
    private final AtomicLong sequence;

    public EngineContext(Clock clock, MessageStore store, String region, String account, int memoryLimitPerQueue) {
        this.clock = clock;
        this.store = store;
        this.queues = new QueueRegistry();
        this.region = region;
        this.account = account;
        this.memoryLimitPerQueue = memoryLimitPerQueue;
        this.sequence = new AtomicLong(store.maxSequence());
    }

    public long now() {
        return clock.millis();
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
    static void awaitDurable(CompletableFuture<Void> unit) {
        try {
            unit.join();
        } catch (CompletionException e) {
            throw new StoreFailure(e.getCause());
        }
    }

    /** Pages spilled messages into memory when the window has room. Call with the queue's lock held. */
    void pageIn(Queue q) {
        if (q.wantsPage()) {
            int asked = q.pageSize();
            q.acceptPage(store.loadMessages(q.name(), q.pagedThroughSeq(), asked), asked, now());
        }
    }
}
