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

    /** The units of a commit that just returned, handed to the syncer. */
    private void handOver(CompletableFuture<Void> unit) {
        syncer.afterFlush(syncer.committed(), List.of(unit));
    }

    /** The units of a commit that just returned, flushed on this thread. */
    private void flushHere(CompletableFuture<Void> unit) {
        syncer.flushHere(syncer.committed(), List.of(unit));
    }

    @Test
    void aUnitHandedOverDuringAFlushWaitsForTheNextOne() throws Exception {
        CompletableFuture<Void> first = new CompletableFuture<>();
        handOver(first);
        CountDownLatch firstFlush = flush.nextStarted();

        CompletableFuture<Void> second = new CompletableFuture<>();
        handOver(second);
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
        handOver(earlier);
        CountDownLatch running = flush.nextStarted();
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> caller = CompletableFuture.runAsync(() -> flushHere(mine));
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
        handOver(first);
        flush.nextStarted().countDown();
        assertThat(first).failsWithin(WAIT).withThrowableThat().havingCause()
                .withMessageContaining("test-store: not durable")
                .withMessageContaining("EIO from the disk")
                .withMessageContaining("reopen the store");

        // a later flush could succeed without the pages the failed one dropped: it must not be trusted
        flush.failWith = null;
        CompletableFuture<Void> later = new CompletableFuture<>();
        handOver(later);
        CompletableFuture<Void> inline = new CompletableFuture<>();
        flushHere(inline);
        assertThat(later).failsWithin(WAIT).withThrowableThat().havingCause().withMessageContaining("EIO from the disk");
        assertThat(inline).isCompletedExceptionally();
        assertThat(flush.completed).hasValue(0);
        assertThat(syncer.flushCount()).isZero();
    }

    @Test
    void oneFlushReleasesEveryCommitNumberedBeforeItStartedWhoeverWaitsForIt() throws Exception {
        CompletableFuture<Void> first = new CompletableFuture<>();
        handOver(first);
        CountDownLatch firstFlush = flush.nextStarted();
        // three commits while the first flush runs: two committers flush themselves, one hands over
        long second = syncer.committed();
        long third = syncer.committed();
        CompletableFuture<Void> handed = new CompletableFuture<>();
        syncer.afterFlush(syncer.committed(), List.of(handed));
        CompletableFuture<Void> secondUnit = new CompletableFuture<>();
        CompletableFuture<Void> thirdUnit = new CompletableFuture<>();
        CompletableFuture<Void> secondCaller = CompletableFuture.runAsync(
                () -> syncer.flushHere(second, List.of(secondUnit)));
        CompletableFuture<Void> thirdCaller = CompletableFuture.runAsync(
                () -> syncer.flushHere(third, List.of(thirdUnit)));
        firstFlush.countDown();
        assertThat(first).succeedsWithin(WAIT);

        flush.nextStarted().countDown();
        secondCaller.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        thirdCaller.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(secondUnit).isCompleted();
        assertThat(thirdUnit).isCompleted();
        assertThat(handed).succeedsWithin(WAIT);
        assertThat(flush.completed).as("the second flush covered all three commits").hasValue(2);
        assertThat(flush.started).as("no third flush").isEmpty();
    }

    @Test
    void aCommitAlreadyCoveredIsReleasedWithoutAFlush() throws Exception {
        long covered = syncer.committed();
        CompletableFuture<Void> later = new CompletableFuture<>();
        CompletableFuture<Void> caller = CompletableFuture.runAsync(() -> flushHere(later));
        flush.nextStarted().countDown();
        caller.get(WAIT.toSeconds(), TimeUnit.SECONDS);

        CompletableFuture<Void> early = new CompletableFuture<>();
        syncer.flushHere(covered, List.of(early));
        assertThat(early).isCompleted();
        assertThat(syncer.flushCount()).isEqualTo(1);
    }

    @Test
    void closeFlushesWhatWasHandedOverThenClosesTheFile() throws Exception {
        CompletableFuture<Void> unit = new CompletableFuture<>();
        handOver(unit);
        CompletableFuture<Void> closing = CompletableFuture.runAsync(syncer::close);
        flush.nextStarted().countDown();
        closing.get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(unit).isCompleted();
        assertThat(flush.closed).isTrue();
        CompletableFuture<Void> tooLate = new CompletableFuture<>();
        handOver(tooLate);
        assertThat(tooLate).isCompletedExceptionally();
    }
}
