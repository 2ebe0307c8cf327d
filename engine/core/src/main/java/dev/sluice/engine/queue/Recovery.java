package dev.sluice.engine.queue;

import dev.sluice.engine.store.DedupRecord;
import dev.sluice.engine.store.StoreOp;
import dev.sluice.engine.store.StoredQueue;

import java.util.List;
import java.util.Map;

/**
 * Rebuilds the engine's memory from the store at start: queues with their settings and tags, the FIFO
 * de-duplication windows, and the first page of each queue's messages (delayed and in-flight messages
 * keep their deadlines; the rest of a backlog is paged in as the queue drains); and, at close, leaves the store
 * what the next start needs to find every message by queue.
 */
public final class Recovery {

    private static final System.Logger LOG = System.getLogger(Recovery.class.getName());

    private Recovery() {
    }

    /**
     * At close: tells the store which messages memory holds (they were stored as held, out of the store's by-queue
     * index), so that the next start finds every message by queue. New messages from now on stay on disk.
     */
    public static void handOver(EngineContext ctx) {
        if (ctx.storeKeepsNothing()) {
            return;
        }
        List<Long> held = ctx.held.stopHolding(ctx.queues);
        try {
            ctx.awaitDurable(ctx.store.submit(new StoreOp.ReleaseHeld(held)));
        } catch (RuntimeException e) {
            // nothing is lost: the next start reads every message instead of the by-queue index
            LOG.log(System.Logger.Level.WARNING, "Could not record at close which messages memory held; the next "
                    + "start reads every stored message", e);
        }
    }

    public static void restore(EngineContext ctx) {
        long now = ctx.now();
        for (StoredQueue sq : ctx.store.loadQueues()) {
            boolean fifo = "true".equals(sq.attributes().get(QueueAttributeNames.FIFO_QUEUE));
            Map<String, String> settable = new java.util.HashMap<>(sq.attributes());
            settable.remove(QueueAttributeNames.FIFO_QUEUE);
            Queue q = new Queue(sq.name(), ctx.arnOf(sq.name()), QueueSettings.restore(fifo, settable), sq.tags(),
                    sq.createdAt(), sq.lastModifiedAt(), ctx.memoryLimitPerQueue);
            ctx.queues.add(q);
        }
        for (DedupRecord d : ctx.store.loadDedup(now)) {
            Queue q = ctx.queues.find(d.queue());
            if (q != null) {
                q.deduplicator.remember(d);
            }
        }
        if (!ctx.storeKeepsNothing()) {
            int pageSize = Math.max(1, ctx.memoryLimitPerQueue);
            ctx.store.loadFirstPages(pageSize).forEach((name, first) -> {
                Queue q = ctx.queues.find(name);
                if (q == null) {
                    return;
                }
                q.lock.lock();
                try {
                    q.countSpilled(first.total());
                    q.acceptPage(first.messages(), pageSize, now);
                } finally {
                    q.lock.unlock();
                }
            });
        }
        ctx.store.submit(new StoreOp.ExpireDedup(now));
    }
}
