package dev.sluice.engine.queue;

import dev.sluice.engine.error.SqsException;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** The queues by name, and the names deleted in the last 60 seconds. */
public final class QueueRegistry {

    static final long DELETED_RECENTLY_MILLIS = 60_000;

    private final ConcurrentSkipListMap<String, Queue> byName = new ConcurrentSkipListMap<>();
    private final Map<String, Long> deletedAt = new ConcurrentHashMap<>();

    public Queue require(String name) {
        Queue q = name == null ? null : byName.get(name);
        if (q == null) {
            throw SqsException.queueDoesNotExist();
        }
        return q;
    }

    public Queue find(String name) {
        return name == null ? null : byName.get(name);
    }

    public List<Queue> all() {
        return List.copyOf(byName.values());
    }

    public List<String> namesFrom(String prefix) {
        return byName.keySet().stream().filter(n -> prefix == null || n.startsWith(prefix)).toList();
    }

    void add(Queue q) {
        byName.put(q.name(), q);
    }

    void remove(String name, long now) {
        byName.remove(name);
        deletedAt.put(name, now);
    }

    boolean deletedRecently(String name, long now) {
        Long at = deletedAt.get(name);
        if (at == null) {
            return false;
        }
        if (now - at >= DELETED_RECENTLY_MILLIS) {
            deletedAt.remove(name);
            return false;
        }
        return true;
    }
}
