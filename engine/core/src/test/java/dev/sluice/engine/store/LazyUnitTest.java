package dev.sluice.engine.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Lazy units (a receive's delivery state) are applied in order and made durable by the next normal unit. */
class LazyUnitTest {

    @TempDir
    Path dir;

    @Test
    void aLazyUnitIsAppliedInOrderAndSurvivesWithTheNextDurableOne() {
        try (SqliteStore store = SqliteStore.open(dir)) {
            store.submit(List.of(new StoreOp.PutQueue(new StoredQueue("q", java.util.Map.of(), java.util.Map.of(), 1, 1))))
                    .join();
            store.submit(List.of(new StoreOp.InsertMessage(SqliteStoreTest.message("m1", "q", 1, "body")))).join();
            store.submitLazy(List.of(new StoreOp.UpdateDelivery("m1", 1, "q", 5_000, 1, 1_000, 42)));
            store.submit(List.of(new StoreOp.InsertMessage(SqliteStoreTest.message("m2", "q", 2, "two")))).join();
        }
        try (SqliteStore store = SqliteStore.open(dir)) {
            List<StoredMessage> all = store.loadMessages("q", 0, 10);
            assertThat(all).extracting(StoredMessage::id).containsExactly("m1", "m2");
            assertThat(all.get(0).receiveCount()).isEqualTo(1);
            assertThat(all.get(0).receiptNonce()).isEqualTo(42);
            assertThat(all.get(0).visibleAt()).isEqualTo(5_000);
        }
    }

    @Test
    void aLazyOnlyTransactionCostsNoFlushAndTheNextDurableUnitCompletesAfterOne() {
        try (SqliteStore store = SqliteStore.open(dir)) {
            store.submit(List.of(new StoreOp.PutQueue(new StoredQueue("q", java.util.Map.of(), java.util.Map.of(), 1, 1))))
                    .join();
            store.submit(List.of(new StoreOp.InsertMessage(SqliteStoreTest.message("m1", "q", 1, "body")))).join();
            long flushes = store.flushCount();
            long transactions = store.transactionCount();

            store.submitLazy(List.of(new StoreOp.UpdateDelivery("m1", 1, "q", 5_000, 1, 1_000, 7))).join();
            assertThat(store.transactionCount()).as("committed").isEqualTo(transactions + 1);
            assertThat(store.flushCount()).as("without a flush").isEqualTo(flushes);

            store.submit(List.of(new StoreOp.InsertMessage(SqliteStoreTest.message("m2", "q", 2, "two")))).join();
            assertThat(store.flushCount()).isGreaterThan(flushes);
        }
    }
}
