package dev.sluice.engine.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * On an idle store, whoever waits does the work: a durable unit awaited through {@link MessageStore#awaitDurable}
 * is committed and flushed on the waiting thread, a read runs there, with no hand-off to the writer and back.
 */
@Timeout(120)
class LeadingSubmitterTest {

    /**
     * Tries per check, each on an idle store: the writer thread, woken by the submit, may take a unit first now and
     * then. Without waiting for it to be idle again, a writer that took one try's work could still be finishing it
     * when the next try comes, and so take that one too, and every later one.
     */
    private static final int TRIES = 50;

    @TempDir
    Path dir;

    @Test
    void aDurableUnitAwaitedOnAnIdleStoreIsCommittedAndFlushedOnTheWaitingThread() {
        int onCaller = 0;
        try (SqliteStore store = SqliteStore.open(dir)) {
            store.awaitDurable(store.submit(new StoreOp.PutQueue(new StoredQueue("q", Map.of(), Map.of(), 1, 1))));
            for (int i = 1; i <= TRIES; i++) {
                await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1)).atMost(Duration.ofSeconds(10))
                        .until(store::isIdleForTest);
                CompletableFuture<Void> unit = store.submit(
                        new StoreOp.InsertMessage(SqliteStoreTest.message("m" + i, "q", i, "body " + i)));
                AtomicReference<Thread> completedOn = new AtomicReference<>();
                CompletableFuture<Void> seen = unit.thenRun(() -> completedOn.set(Thread.currentThread()));
                store.awaitDurable(unit);
                seen.join();
                if (completedOn.get() == Thread.currentThread()) {
                    onCaller++;
                }
            }
        }
        assertThat(onCaller).as("units completed on the waiting thread, of " + TRIES).isPositive();
        try (SqliteStore store = SqliteStore.open(dir)) {
            assertThat(store.loadMessages("q", 0, 100)).hasSize(TRIES);
        }
    }

    @Test
    void aReadOnAnIdleStoreRunsOnTheCallingThread() {
        int onCaller = 0;
        try (SqliteStore store = SqliteStore.open(dir)) {
            for (int i = 0; i < TRIES; i++) {
                await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1)).atMost(Duration.ofSeconds(10))
                        .until(store::isIdleForTest);
                if (store.readForTest(c -> Thread.currentThread()) == Thread.currentThread()) {
                    onCaller++;
                }
            }
        }
        assertThat(onCaller).as("reads run on the calling thread, of " + TRIES).isPositive();
    }

    @Test
    void unitsCommittedByManyWaitingThreadsAndTheWriterAllSurviveARestartInOrder() throws Exception {
        int threads = 4;
        int perThread = 200;
        try (SqliteStore store = SqliteStore.open(dir)) {
            store.awaitDurable(store.submit(new StoreOp.PutQueue(new StoredQueue("q", Map.of(), Map.of(), 1, 1))));
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < perThread; i++) {
                            long seq = 1 + (long) thread * perThread + i;
                            String id = "t" + thread + "-" + i;
                            store.awaitDurable(store.submit(
                                    new StoreOp.InsertMessage(SqliteStoreTest.message(id, "q", seq, "body"))));
                            // a receive's state, lazy, then committed with whichever unit comes next
                            store.submitLazy(List.of(new StoreOp.UpdateDelivery(id, seq, "q", 5_000, 1, 1_000, 7)));
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                pool.shutdown();
            }
        }
        try (SqliteStore store = SqliteStore.open(dir)) {
            List<StoredMessage> all = store.loadMessages("q", 0, threads * perThread + 1);
            assertThat(all).hasSize(threads * perThread);
            assertThat(all).allSatisfy(m -> assertThat(m.receiveCount()).as(m.id()).isEqualTo(1));
            for (int t = 0; t < threads; t++) {
                String prefix = "t" + t + "-";
                assertThat(all.stream().map(StoredMessage::id).filter(id -> id.startsWith(prefix)).toList())
                        .containsExactlyElementsOf(java.util.stream.IntStream.range(0, perThread)
                                .mapToObj(i -> prefix + i).toList());
            }
        }
    }
}
