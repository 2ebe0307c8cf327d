package dev.sluice.engine.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Recently committed bodies are served from memory, within a budget, and never outlive their message. */
class BodyCacheTest {

    @TempDir
    Path dir;

    private static StoreOp insert(String id, String body) {
        return new StoreOp.InsertMessage(SqliteStoreTest.message(id, "q", seq(id), body));
    }

    private static long seq(String id) {
        return id.hashCode() & 0xffff;
    }

    private static MessageKey key(String id) {
        return new MessageKey(id, seq(id));
    }

    @Test
    void keepsTheNewestBodiesWithinItsBudgetAndForgetsDeletedOnes() {
        BodyCache cache = new BodyCache(10);
        cache.committed(List.of(insert("a", "aaaa"), insert("b", "bbbb")));
        assertThat(cache.get("a")).isEqualTo("aaaa");
        cache.committed(List.of(insert("c", "cccc")));
        assertThat(cache.get("a")).as("oldest out first").isNull();
        assertThat(cache.get("b")).isEqualTo("bbbb");
        assertThat(cache.get("c")).isEqualTo("cccc");

        cache.committed(List.of(new StoreOp.DeleteMessage("b", seq("b"), "q")));
        assertThat(cache.get("b")).isNull();
        cache.committed(List.of(insert("d", "dddd")));
        assertThat(cache.get("c")).as("room freed by the delete").isEqualTo("cccc");

        cache.committed(List.of(insert("huge", "x".repeat(11))));
        assertThat(cache.get("huge")).as("larger than the whole budget").isNull();
        assertThat(cache.get("d")).isEqualTo("dddd");

        cache.committed(List.of(new StoreOp.PurgeQueue("q", 1_000_000, List.of())));
        assertThat(cache.get("c")).isNull();
        assertThat(cache.get("d")).isNull();
    }

    @Test
    void theStoreAnswersFromTheCacheOrTheDatabaseAlikeAndNothingAfterADelete() {
        try (SqliteStore store = SqliteStore.open(dir)) {
            store.submit(List.of(new StoreOp.PutQueue(new StoredQueue("q", Map.of(), Map.of(), 1, 1)))).join();
            store.submit(List.of(insert("m1", "one"))).join();
            assertThat(store.loadBody(key("m1"))).isEqualTo("one");
            store.submit(List.of(new StoreOp.DeleteMessage("m1", seq("m1"), "q"))).join();
            assertThat(store.loadBody(key("m1"))).isNull();
            store.submit(List.of(insert("m2", "two"))).join();
        }
        try (SqliteStore store = SqliteStore.open(dir)) {
            assertThat(store.loadBody(key("m2"))).as("from the database after a restart").isEqualTo("two");
        }
    }
}
