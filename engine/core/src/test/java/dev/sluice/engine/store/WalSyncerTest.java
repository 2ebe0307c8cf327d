package dev.sluice.engine.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@Timeout(60)
class WalSyncerTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    /** A flush that runs only when the test lets it, one permit per flush. */
    private static final class GatedFlush implements WalSyncer.Flush {
        final BlockingQueue<CountDownLatch> started = new LinkedBlockingQueue<>();
        final AtomicInteger completed = new AtomicInteger();
        final AtomicBoolean closed = new AtomicBoolean();
        volatile IOException failWith;

        @Override
        public void force() throws IOException {
            CountDownLatch release = new CountDownLatch(1);
            started.add(release);
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            if (failWith != null) {
                throw failWith;
            }
            completed.incrementAndGet();
        }

        @Override
        public void close() {
            closed.set(true);
        }

        CountDownLatch nextStarted() throws InterruptedException {
            CountDownLatch release = started.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(release).as("a flush started").isNotNull();
            return release;
        }
    }

    private final GatedFlush flush = new GatedFlush();
    private final WalSyncer syncer = new WalSyncer("test-store", flush);

    @BeforeEach
    void start() {
        syncer.start();
    }

    @AfterEach
    void close() {
        // release whatever flush the test left waiting, then stop
        Thread releaser = new Thread(() -> {
            try {
                while (!flush.closed.get()) {
                    CountDownLatch l = flush.started.poll(10, TimeUnit.MILLISECONDS);
                    if (l != null) {
                        l.countDown();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        releaser.start();
        syncer.close();
    }

    @Test
    void aUnitHandedOverDuringAFlushWaitsForTheNextOne() throws Exception {
        CompletableFuture<Void> first = new CompletableFuture<>();
        syncer.afterFlush(List.of(first));
        CountDownLatch firstFlush = flush.nextStarted();

        CompletableFuture<Void> second = new CompletableFuture<>();
        syncer.afterFlush(List.of(second));
        firstFlush.countDown();
        await().atMost(WAIT).until(first::isDone);
        assertThat(first).isCompleted();

        // the first flush may have started before the second unit's commit: it must not release it
        CountDownLatch secondFlush = flush.nextStarted();
        assertThat(second).isNotDone();
        secondFlush.countDown();
        assertThat(second).succeedsWithin(WAIT);
        assertThat(flush.completed).hasValue(2);
    }

    /** A unit in a flush that the test holds, and a flushHere of another unit started on a second thread. */
    private record FlushBehindAnother(CompletableFuture<Void> earlier, CountDownLatch running,
                                      CompletableFuture<Void> mine, CompletableFuture<Void> caller) {
    }

    private FlushBehindAnother flushHereWhileAnotherFlushRuns() throws InterruptedException {
        CompletableFuture<Void> earlier = new CompletableFuture<>();
        syncer.afterFlush(List.of(earlier));
        CountDownLatch running = flush.nextStarted();
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> caller = CompletableFuture.runAsync(() -> syncer.flushHere(List.of(mine)));
        return new FlushBehindAnother(earlier, running, mine, caller);
    }

    @Test
    void aFlushHereWaitsForTheRunningFlushThenFlushesAgain() throws Exception {
        FlushBehindAnother f = flushHereWhileAnotherFlushRuns();
        f.running.countDown();
        assertThat(f.earlier).succeedsWithin(WAIT);

        // the running flush may have begun before `mine` was committed: only a flush begun after may release it
        CountDownLatch next = flush.nextStarted();
        assertThat(f.mine).isNotDone();
        next.countDown();
        f.caller.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(f.mine).isCompleted();
        assertThat(flush.completed).hasValue(2);
    }

    @Test
    void aFailureOfTheRunningFlushFailsTheFlushWaitingBehindIt() throws Exception {
        flush.failWith = new IOException("EIO from the disk");
        // Linux reports a write-back error to one fsync only: a second flush must not succeed in its shadow
        FlushBehindAnother f = flushHereWhileAnotherFlushRuns();
        f.running.countDown();
        f.caller.get(WAIT.toSeconds(), TimeUnit.SECONDS);

        // `earlier` is failed by the syncer's thread, after it let the caller's flush go
        assertThat(f.earlier).failsWithin(WAIT);
        assertThat(f.mine).failsWithin(WAIT).withThrowableThat().havingCause()
                .withMessageContaining("EIO from the disk");
        assertThat(flush.started).as("no flush after the failed one").isEmpty();
    }

    @Test
    void aFailedFlushFailsItsUnitsAndEveryLaterOne() throws Exception {
        flush.failWith = new IOException("EIO from the disk");
        CompletableFuture<Void> first = new CompletableFuture<>();
        syncer.afterFlush(List.of(first));
        flush.nextStarted().countDown();
        assertThat(first).failsWithin(WAIT).withThrowableThat().havingCause()
                .withMessageContaining("test-store: not durable")
                .withMessageContaining("EIO from the disk")
                .withMessageContaining("reopen the store");

        // a later flush could succeed without the pages the failed one dropped: it must not be trusted
        flush.failWith = null;
        CompletableFuture<Void> later = new CompletableFuture<>();
        syncer.afterFlush(List.of(later));
        CompletableFuture<Void> inline = new CompletableFuture<>();
        syncer.flushHere(List.of(inline));
        assertThat(later).failsWithin(WAIT).withThrowableThat().havingCause().withMessageContaining("EIO from the disk");
        assertThat(inline).isCompletedExceptionally();
        assertThat(flush.completed).hasValue(0);
        assertThat(syncer.flushCount()).isZero();
    }

    @Test
    void closeFlushesWhatWasHandedOverThenClosesTheFile() throws Exception {
        CompletableFuture<Void> unit = new CompletableFuture<>();
        syncer.afterFlush(List.of(unit));
        CompletableFuture<Void> closing = CompletableFuture.runAsync(syncer::close);
        flush.nextStarted().countDown();
        closing.get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(unit).isCompleted();
        assertThat(flush.closed).isTrue();
        CompletableFuture<Void> tooLate = new CompletableFuture<>();
        syncer.afterFlush(List.of(tooLate));
        assertThat(tooLate).isCompletedExceptionally();
    }
}
