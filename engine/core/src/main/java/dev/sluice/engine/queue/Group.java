package dev.sluice.engine.queue;

import java.util.Comparator;
import java.util.TreeSet;

/**
 * A FIFO message group: its messages in order, and how many of them are in flight. While one is in flight
 * the group is blocked, which is what keeps a group's order.
 */
final class Group {

    /** Orders available groups by the sequence number their head had when they became available. */
    static final Comparator<Group> BY_HEAD = Comparator.<Group>comparingLong(g -> g.key).thenComparing(g -> g.id);

    final String id;
    final TreeSet<Entry> entries = new TreeSet<>(Entry.BY_SEQ);
    int inflight;
    /** The sort key while in the available set; fixed while there, so the set stays consistent. */
    long key;
    boolean available;

    Group(String id) {
        this.id = id;
    }
}
