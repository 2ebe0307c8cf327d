package dev.sluice.jms.sqs;

import dev.sluice.jms.backend.IncomingMessage;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Messages received ahead of demand (ReceiveMessage returned more than the consumer asked for), waiting for the
 * next receive of the same queue with the same visibility timeout. They are invisible to everybody else, so the
 * backend extends their visibility while they wait and gives them back (visibility 0) when nobody asked for them
 * for {@link #IDLE_NANOS} or when it closes. Thread-safe.
 */
final class PrefetchBuffer {

    /** A buffer nobody received from for this long is given back: its consumer is probably gone. */
    static final long IDLE_NANOS = 10_000_000_000L;

    /** The receives a buffered message may serve: same queue, same requested visibility timeout. */
    record Key(String queue, Integer visibilitySeconds) {
    }

    /** A buffered message, with the visibility timeout it holds and when that was last set. */
    static final class Held {
        final IncomingMessage message;
        final int visibilitySeconds;
        long visibleFromNanos;

        Held(IncomingMessage message, int visibilitySeconds, long now) {
            this.message = message;
            this.visibilitySeconds = visibilitySeconds;
            this.visibleFromNanos = now + visibilitySeconds * 1_000_000_000L;
        }

        /** Less than half of its visibility timeout left: extend before it could slip to another consumer. */
        boolean needsExtension(long now) {
            return visibleFromNanos - now < visibilitySeconds * 500_000_000L;
        }

        void extended(long now) {
            visibleFromNanos = now + visibilitySeconds * 1_000_000_000L;
        }
    }

    private final Map<Key, Deque<Held>> waiting = new HashMap<>();
    private final Map<Key, Long> lastAsked = new HashMap<>();

    synchronized List<Held> take(Key key, int max, long now) {
        lastAsked.put(key, now);
        Deque<Held> q = waiting.get(key);
        List<Held> out = new ArrayList<>();
        while (q != null && !q.isEmpty() && out.size() < max) {
            out.add(q.pollFirst());
        }
        return out;
    }

    synchronized void put(Key key, List<Held> messages, long now) {
        lastAsked.putIfAbsent(key, now);
        waiting.computeIfAbsent(key, k -> new ArrayDeque<>()).addAll(messages);
    }

    /** Buffered messages due for a visibility extension (still buffered: they stay until taken). */
    synchronized List<Held> dueForExtension(long now) {
        List<Held> due = new ArrayList<>();
        waiting.values().forEach(q -> q.stream().filter(h -> h.needsExtension(now)).forEach(due::add));
        return due;
    }

    /** Removes and answers the messages of buffers nobody asked for in {@link #IDLE_NANOS}. */
    synchronized List<Held> removeIdle(long now) {
        List<Held> idle = new ArrayList<>();
        for (Iterator<Map.Entry<Key, Deque<Held>>> it = waiting.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Key, Deque<Held>> e = it.next();
            if (now - lastAsked.getOrDefault(e.getKey(), now) > IDLE_NANOS) {
                idle.addAll(e.getValue());
                it.remove();
                lastAsked.remove(e.getKey());
            }
        }
        return idle;
    }

    /** Removes and answers every buffered message of the queue (all of them for null). */
    synchronized List<Held> removeAll(String queue) {
        List<Held> out = new ArrayList<>();
        for (Iterator<Map.Entry<Key, Deque<Held>>> it = waiting.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Key, Deque<Held>> e = it.next();
            if (queue == null || Objects.equals(e.getKey().queue(), queue)) {
                out.addAll(e.getValue());
                it.remove();
            }
        }
        return out;
    }
}
