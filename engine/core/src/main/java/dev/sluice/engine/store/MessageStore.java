package dev.sluice.engine.store;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Where queues and messages persist. The engine keeps the working set in memory and tells the store every
 * change as a {@link StoreOp}; the store makes it durable.
 *
 * <p>Contract: units passed to {@link #submit} are applied atomically (all of a unit or none of it) and in
 * the order of submission; the returned future completes once the unit is durable (or, for a store without
 * durability, at once). Reads see every unit whose future has completed.
 */
public interface MessageStore extends AutoCloseable {

    /** Applies the operations as one atomic unit; completes when it is durable. */
    CompletableFuture<Void> submit(List<StoreOp> unit);

    /**
     * Like {@link #submit}, for a unit nobody waits on: it is applied in order with the others, but may
     * become durable only with the next unit that is submitted normally.
     */
    default CompletableFuture<Void> submitLazy(List<StoreOp> unit) {
        return submit(unit);
    }

    /**
     * Waits until {@code unit} (a future {@link #submit} returned) is durable, as {@link CompletableFuture#join}
     * does; a store may do the work on the caller's thread meanwhile.
     */
    default void awaitDurable(CompletableFuture<Void> unit) {
        unit.join();
    }

    default CompletableFuture<Void> submit(StoreOp op) {
        return submit(List.of(op));
    }

    List<StoredQueue> loadQueues();

    /**
     * Messages of {@code queue} with a sequence number greater than {@code afterSeq}, in sequence order,
     * at most {@code limit}, without their bodies, leaving out those the engine holds in memory: messages inserted
     * or moved there {@code heldInMemory} since the last {@link #loadFirstPages} (or, before any, since the store was
     * opened). Sees every unit submitted before the call.
     */
    List<StoredMessage> loadMessages(String queue, long afterSeq, int limit);

    /**
     * For the engine's start: each queue's first {@code pageSize} messages in sequence order, without their bodies,
     * and how many it holds in all. Every message after a queue's first page can then be found with
     * {@link #loadMessages}, whatever it was inserted as.
     */
    Map<String, FirstPage> loadFirstPages(int pageSize);

    /** A queue's first messages in sequence order, and how many messages the queue holds in all. */
    record FirstPage(List<StoredMessage> messages, long total) {
        public FirstPage {
            messages = List.copyOf(messages);
        }
    }

    /**
     * The body of a message whose insert is durable, or {@code null} if the message is gone. Sees every unit
     * submitted before the call that changed the message's sequence number (a move).
     */
    String loadBody(MessageKey message);

    /**
     * The bodies of several messages, as {@link #loadBody} would give them one by one, in the same order; a
     * store whose reads queue behind its writes answers them all in one read.
     */
    default List<String> loadBodies(List<MessageKey> messages) {
        List<String> bodies = new java.util.ArrayList<>(messages.size());
        for (MessageKey message : messages) {
            bodies.add(loadBody(message));
        }
        return bodies;
    }

    /** De-duplication entries that are still in force at {@code now}. */
    List<DedupRecord> loadDedup(long now);

    /**
     * A number at least as high as every sequence number ever stored (it may be higher: stores can reserve
     * numbers ahead), or 0 for a store that never held one. New sequence numbers start above it.
     */
    long maxSequence();

    /** Whether message bodies must stay in the engine's memory (true for a store that keeps nothing). */
    boolean keepsBodiesInEngine();

    @Override
    void close();
}
