package dev.sluice.engine.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

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

    @Test
    void aBurstOfLazyUnitsWithNoDurableOneCommitsEveryUnitInSharedTransactions() throws Exception {
        int threads = 4;
        int perThread = 100;
        try (SqliteStore store = SqliteStore.open(dir)) {
            store.submit(List.of(new StoreOp.PutQueue(new StoredQueue("q", java.util.Map.of(), java.util.Map.of(), 1, 1))))
                    .join();
            for (int m = 1; m <= threads; m++) {
                store.submit(List.of(new StoreOp.InsertMessage(SqliteStoreTest.message("m" + m, "q", m, "b")))).join();
            }
            long transactions = store.transactionCount();
            List<CompletableFuture<Void>> units = new CopyOnWriteArrayList<>();
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> submitters = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int seq = t + 1;
                Thread submitter = new Thread(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    for (int i = 1; i <= perThread; i++) {
                        units.add(store.submitLazy(List.of(
                                new StoreOp.UpdateDelivery("m" + seq, seq, "q", 5_000, i, 1_000, i))));
                    }
                });
                submitter.start();
                submitters.add(submitter);
            }
            go.countDown();
            for (Thread t : submitters) {
                t.join();
            }
            // only the first unit of a burst wakes the writer; the rest must still commit, none left behind
            CompletableFuture.allOf(units.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            assertThat(units).hasSize(threads * perThread);
            assertThat(store.transactionCount() - transactions).as("transactions for %d lazy units", units.size())
                    .isLessThan(units.size());
        }
        try (SqliteStore store = SqliteStore.open(dir)) {
            assertThat(store.loadMessages("q", 0, 10)).extracting(StoredMessage::receiveCount)
                    .containsExactly(perThread, perThread, perThread, perThread);
        }
    }
}
