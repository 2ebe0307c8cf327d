package dev.sluice.engine.queue;

import dev.sluice.engine.model.MessageAttribute;
import dev.sluice.engine.store.StoredMessage;

import java.util.Comparator;
import java.util.Map;

/**
 * A message held in a queue's memory. Mutable, and touched only under its queue's lock; {@link #body} is
 * the exception: it is dropped (set to null) once the store holds the message durably.
 */
final class Entry {

    enum State { DELAYED, VISIBLE, INFLIGHT }

    static final Comparator<Entry> BY_SEQ = Comparator.comparingLong(e -> e.seq);
    /** Standard queues: higher priority first, then send order. */
    static final Comparator<Entry> BY_PRIORITY = Comparator.<Entry>comparingInt(e -> -e.priority)
            .thenComparingLong(e -> e.seq);
    static final Comparator<Entry> BY_VISIBLE_AT = Comparator.<Entry>comparingLong(e -> e.visibleAt)
            .thenComparingLong(e -> e.seq);

    final String id;
    long seq;
    final Map<String, MessageAttribute> attributes;
    final String traceHeader;
    final String groupId;
    final String deduplicationId;
    final int priority;
    final String senderId;
    final long sentAt;
    volatile String body;

    State state;
    long visibleAt;
    int receiveCount;
    long firstReceiveAt;
    long receiptNonce;
    /** When the current receive happened: the 12-hour visibility limit counts from here. */
    long receivedAt;
    String deadLetterSource;

    Entry(StoredMessage m) {
        this.id = m.id();
        this.seq = m.seq();
        this.attributes = m.attributes();
        this.traceHeader = m.traceHeader();
        this.groupId = m.groupId();
        this.deduplicationId = m.deduplicationId();
        this.priority = m.priority();
        this.senderId = m.senderId();
        this.sentAt = m.sentAt();
        this.body = m.body();
        this.visibleAt = m.visibleAt();
        this.receiveCount = m.receiveCount();
        this.firstReceiveAt = m.firstReceiveAt();
        this.receiptNonce = m.receiptNonce();
        this.deadLetterSource = m.deadLetterSource();
    }

    StoredMessage toStored(String queue, String withBody) {
        return new StoredMessage(id, queue, seq, withBody, attributes, traceHeader, groupId, deduplicationId, priority,
                senderId, sentAt, visibleAt, receiveCount, firstReceiveAt, receiptNonce, deadLetterSource);
    }
}
