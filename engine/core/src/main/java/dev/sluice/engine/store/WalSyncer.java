package dev.sluice.engine.store;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes committed transactions durable. The writer commits with {@code synchronous=NORMAL}, which writes the
 * transaction's WAL frames but does not flush them; the durable units those commits carried complete only after
 * a flush of the WAL file. When the writer has more queued it hands the flush to this class's thread and applies
 * the next batch while the disk works, and every commit made during a flush shares the next one; when it has
 * nothing else to do it flushes itself ({@link #flushHere}), as does a submitter that committed its own unit.
 * Commits are numbered in commit order ({@link #committed}); a flush records the last number before it starts and,
 * once done, releases every unit of a commit up to that number, whoever committed it and whoever flushed.
 *
 * <p>Why this is as durable as SQLite's own {@code synchronous=FULL}: a flush covers every byte written to the
 * file before it starts, and a commit is numbered only after it returned, so its frames, commit frame
 * included, are on disk before its submitter hears of it. SQLite still flushes the WAL before each checkpoint and
 * the database after it, and the WAL header whenever the log restarts, with {@code NORMAL} as with {@code FULL}.
 *
 * <p>A failed flush leaves the kernel's copy of the file in doubt (the failed pages may be dropped, and a later
 * flush can then succeed without them), so after one every durable unit fails, now and later, naming the first
 * failure: the store must be reopened, which recovers from what actually reached the disk.
 */
final class WalSyncer {

    private static final System.Logger LOG = System.getLogger(SqliteStore.class.getName());

    private final String storeName;
    private final Flush wal;
    private final Thread thread;
    private final Object lock = new Object();
    private final AtomicLong flushes = new AtomicLong();
    /** Numbers commits in commit order; a flush covers every commit numbered before it started. */
    private final AtomicLong commits = new AtomicLong();
    private List<Waiting> pending = new ArrayList<>(); // guarded by lock
    private boolean stopping; // guarded by lock
    /** One flush at a time: Linux reports a write-back error to one fsync of a file only, not to each. */
    private final Object flushLock = new Object();
    private Throwable failed; // guarded by flushLock; sticky, see the class comment
    private long flushed; // guarded by flushLock: every commit numbered up to this one is on disk
    /** A flush is running: a hint for whoever considers flushing (written under flushLock). */
    private volatile boolean flushing;

    /** Durable units of the commit numbered {@code commit}. */
    private record Waiting(long commit, List<CompletableFuture<Void>> units) {
    }

    /** How the log reaches the disk; a seam for tests of the failure and ordering rules. */
    interface Flush {
        void force() throws IOException;

        void close() throws IOException;
    }

    /** Flushes the WAL file SQLite created beside the database; fails if there is none. */
    static WalSyncer forFile(String storeName, Path walFile) {
        if (!Files.isRegularFile(walFile)) {
            throw new IllegalStateException(storeName + ": no write-ahead log at " + walFile
                    + " after opening the database in WAL mode");
        }
        RandomAccessFile file;
        try {
            // Never written through this handle: it exists to flush the file SQLite writes ("rw" only because
            // a flush needs a descriptor open for writing on some systems; the file exists, nothing truncates).
            file = new RandomAccessFile(walFile.toFile(), "rw");
        } catch (IOException e) {
            throw new UncheckedIOException(storeName + ": cannot open the write-ahead log " + walFile, e);
        }
        return new WalSyncer(storeName, new Flush() {
            @Override
            public void force() throws IOException {
                // fsync through the descriptor, not FileChannel.force: an interrupt of the flushing thread would
                // close a channel (and so fail every later durable write), and callbacks run on these threads.
                // fsync and fdatasync cost the same here: the WAL is rewritten in place.
                file.getFD().sync();
            }

            @Override
            public void close() throws IOException {
                file.close();
            }
        });
    }

    WalSyncer(String storeName, Flush wal) {
        this.storeName = storeName;
        this.wal = wal;
        thread = new Thread(this::run, "sluice-store-sync");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /**
     * Numbers a commit that just returned; call it right after COMMIT, in commit order (under the writer's lock).
     */
    long committed() {
        return commits.incrementAndGet();
    }

    /** Completes {@code durable}, units of commit number {@code commit}, once a flush has covered that commit. */
    void afterFlush(long commit, List<CompletableFuture<Void>> durable) {
        if (durable.isEmpty()) {
            return;
        }
        synchronized (lock) {
            if (stopping) {
                // close() already drained: only a caller ignoring the writer's order could get here
                IllegalStateException closed = new IllegalStateException(storeName + " is closed");
                durable.forEach(f -> f.completeExceptionally(closed));
                return;
            }
            pending.add(new Waiting(commit, durable));
            lock.notifyAll();
        }
    }

    /**
     * Makes commit number {@code commit} durable on the caller's thread and completes {@code durable}, its units,
     * with the handed-over units the flush covered: a committer with nothing else to do would only wait for the
     * syncer, so it saves the two thread hand-offs. Behind a running flush this waits, then flushes only if that
     * flush began before the commit, so concurrent committers share flushes.
     */
    void flushHere(long commit, List<CompletableFuture<Void>> durable) {
        Throwable cause = flushUpTo(commit);
        complete(durable, cause);
        List<Waiting> covered = new ArrayList<>();
        synchronized (lock) {
            if (pending.isEmpty()) {
                return;
            }
            List<Waiting> left = new ArrayList<>();
            for (Waiting w : pending) {
                (w.commit <= commit ? covered : left).add(w);
            }
            pending = left;
        }
        for (Waiting w : covered) {
            complete(w.units, cause);
        }
    }

    boolean isFlushing() {
        return flushing;
    }

    boolean isSyncerThread() {
        return Thread.currentThread() == thread;
    }

    long flushCount() {
        return flushes.get();
    }

    /** Flushes what was handed over, then stops the thread and closes the file. */
    void close() {
        synchronized (lock) {
            stopping = true;
            lock.notifyAll();
        }
        // the pending units must still be flushed or failed
        Uninterruptibly.join(thread);
        List<Waiting> left;
        synchronized (lock) {
            left = pending;
            pending = new ArrayList<>();
        }
        // only if the thread died of an Error: nothing may wait forever
        for (Waiting w : left) {
            fail(w.units, new IllegalStateException(storeName + ": closed before these writes were flushed"));
        }
        try {
            wal.close();
        } catch (IOException e) {
            LOG.log(Level.WARNING, storeName + ": closing the write-ahead log's flush channel failed", e);
        }
    }

    private void run() {
        while (true) {
            List<Waiting> mine;
            synchronized (lock) {
                while (pending.isEmpty() && !stopping) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        // only close() ends this thread, or handed-over units would never complete
                    }
                }
                if (pending.isEmpty()) {
                    return;
                }
                mine = pending;
                pending = new ArrayList<>();
            }
            long upTo = 0;
            for (Waiting w : mine) {
                upTo = Math.max(upTo, w.commit);
            }
            Throwable cause = flushUpTo(upTo);
            for (Waiting w : mine) {
                complete(w.units, cause);
            }
        }
    }

    /** Returns null once commits up to {@code commit} are on disk, or why they may not be. */
    private Throwable flushUpTo(long commit) {
        synchronized (flushLock) {
            if (failed != null) {
                return failed;
            }
            if (flushed >= commit) {
                return null;
            }
            long covers = commits.get(); // every commit numbered so far has written its frames
            flushing = true;
            try {
                wal.force();
                flushes.incrementAndGet();
                flushed = covers;
                return null;
            } catch (IOException | RuntimeException e) {
                failed = e;
                LOG.log(Level.ERROR, storeName + ": flushing the write-ahead log failed; every durable write "
                        + "fails from now on, reopen the store to recover what reached the disk", e);
                return e;
            } finally {
                flushing = false;
            }
        }
    }

    private void complete(List<CompletableFuture<Void>> units, Throwable cause) {
        if (cause == null) {
            units.forEach(f -> f.complete(null));
        } else {
            fail(units, new IllegalStateException(storeName + ": not durable: flushing the write-ahead log failed ("
                    + cause + "); reopen the store", cause));
        }
    }

    private static void fail(List<CompletableFuture<Void>> units, Throwable failure) {
        units.forEach(f -> f.completeExceptionally(failure));
    }
}
