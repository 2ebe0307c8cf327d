package dev.sluice.engine.queue;

import dev.sluice.engine.store.DedupRecord;
import dev.sluice.engine.store.StoreOp;
import dev.sluice.engine.store.StoredQueue;

import java.util.Map;

/**
 * Rebuilds the engine's memory from the store at start: queues with their settings and tags, the FIFO
 * de-duplication windows, and the first page of each queue's messages (delayed and in-flight messages
 * keep their deadlines; the rest of a backlog is paged in as the queue drains).
 */
public final class Recovery {

    private Recovery() {
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
        for (Queue q : ctx.queues.all()) {
            q.lock.lock();
            try {
                if (ctx.storeKeepsNothing()) {
                    continue;
                }
                q.countSpilled(ctx.store.countMessages(q.name(), 0));
                ctx.pageIn(q);
            } finally {
                q.lock.unlock();
            }
        }
        ctx.store.submit(new StoreOp.ExpireDedup(now));
    }
}
