package dev.sluice.engine.store;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bodies of the most recently committed messages, so that a consumer keeping up with its producers is
 * served from memory instead of from the database (a read there takes file locks that the writer needs too).
 * Bounded by a number of characters, oldest out first; a body not here is read from the database.
 *
 * <p>Only the writer thread changes the cache, after a commit, in the order of the committed ops; any thread
 * reads it.
 */
final class BodyCache {

    /** At most this share of the heap, and at most 64 Mi characters. */
    static final long DEFAULT_LIMIT = Math.min(64L << 20, Runtime.getRuntime().maxMemory() / 16);

    private final ConcurrentHashMap<String, String> bodies = new ConcurrentHashMap<>();
    /** Ids in insertion order; may hold ids already removed, skipped when they reach the front. */
    private final ArrayDeque<String> order = new ArrayDeque<>();
    private final long limit;
    private long size;

    BodyCache(long limitChars) {
        this.limit = limitChars;
    }

    String get(String messageId) {
        return bodies.get(messageId);
    }

    /** Applies the ops of one committed unit. */
    void committed(List<StoreOp> ops) {
        for (StoreOp op : ops) {
            if (op instanceof StoreOp.InsertMessage insert) {
                put(insert.message().id(), insert.message().body());
            } else if (op instanceof StoreOp.DeleteMessage delete) {
                remove(delete.messageId());
            } else if (op instanceof StoreOp.DropQueue || op instanceof StoreOp.PurgeQueue) {
                bodies.clear(); // rare: not worth finding which ids were the queue's
                order.clear();
                size = 0;
            }
        }
    }

    private void put(String id, String body) {
        if (body == null || body.length() > limit) {
            return;
        }
        String before = bodies.put(id, body);
        if (before != null) {
            size -= before.length();
        } else {
            order.addLast(id);
        }
        size += body.length();
        while (size > limit) {
            String oldest = order.pollFirst();
            if (oldest == null) {
                break;
            }
            String evicted = bodies.remove(oldest);
            if (evicted != null) {
                size -= evicted.length();
            }
        }
        while (!order.isEmpty() && !bodies.containsKey(order.peekFirst())) {
            order.pollFirst();
        }
    }

    private void remove(String id) {
        String body = bodies.remove(id);
        if (body != null) {
            size -= body.length();
        }
    }
}
