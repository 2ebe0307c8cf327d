package dev.sluice.engine.store;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Keeps nothing: the engine's memory is the only copy, and a restart starts empty. */
public final class MemoryStore implements MessageStore {

    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    @Override
    public CompletableFuture<Void> submit(List<StoreOp> unit) {
        return DONE;
    }

    @Override
    public List<StoredQueue> loadQueues() {
        return List.of();
    }

    @Override
    public List<StoredMessage> loadMessages(String queue, long afterSeq, int limit) {
        return List.of();
    }

    @Override
    public Map<String, FirstPage> loadFirstPages(int pageSize) {
        return Map.of();
    }

    @Override
    public String loadBody(MessageKey message) {
        return null;
    }

    @Override
    public List<DedupRecord> loadDedup(long now) {
        return List.of();
    }

    @Override
    public long maxSequence() {
        return 0;
    }

    @Override
    public boolean keepsBodiesInEngine() {
        return true;
    }

    @Override
    public void close() {
    }
}
