package dev.sluice.engine.queue;

import dev.sluice.engine.store.DedupRecord;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The FIFO de-duplication window of one queue: a de-duplication id (or body hash) seen in the last five
 * minutes makes a send succeed without enqueueing anything. Entries expire in insertion order, as they all
 * live for the same time.
 */
final class Deduplicator {

    static final long WINDOW_MILLIS = 5 * 60 * 1000L;

    private final Map<String, DedupRecord> window = new LinkedHashMap<>();

    DedupRecord find(String key, long now) {
        expire(now);
        return window.get(key);
    }

    void remember(DedupRecord record) {
        window.remove(record.key());
        window.put(record.key(), record);
    }

    void clear() {
        window.clear();
    }

    private void expire(long now) {
        for (Iterator<DedupRecord> it = window.values().iterator(); it.hasNext(); ) {
            if (it.next().expiresAt() > now) {
                return;
            }
            it.remove();
        }
    }
}
