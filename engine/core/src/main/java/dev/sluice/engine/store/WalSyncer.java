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
 * nothing else to do it flushes itself ({@link #flushHere}).
 *
 * <p>Why this is as durable as SQLite's own {@code synchronous=FULL}: a flush covers every byte written to the
 * file before it starts, and a unit is handed over only after its commit returned, so its frames, commit frame
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
    private List<CompletableFuture<Void>> pending = new ArrayList<>(); // guarded by lock
    private boolean stopping; // guarded by lock
    /** One flush at a time: Linux reports a write-back error to one fsync of a file only, not to each. */
    private final Object flushLock = new Object();
    private Throwable failed; // guarded by flushLock; sticky, see the class comment

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

    /** Completes {@code durable} once a flush that started after this call has finished. */
    void afterFlush(List<CompletableFuture<Void>> durable) {
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
            pending.addAll(durable);
            lock.notifyAll();
        }
    }

    /**
     * Flushes on the caller's thread, with whatever was handed over before: a writer with nothing else queued
     * would only wait for the syncer, so it saves the two thread hand-offs.
     */
    void flushHere(List<CompletableFuture<Void>> durable) {
        List<CompletableFuture<Void>> all;
        synchronized (lock) {
            all = pending;
            pending = new ArrayList<>();
        }
        all.addAll(durable);
        if (!all.isEmpty()) {
            flush(all);
        }
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
        List<CompletableFuture<Void>> left;
        synchronized (lock) {
            left = pending;
            pending = new ArrayList<>();
        }
        // only if the thread died of an Error: nothing may wait forever
        fail(left, new IllegalStateException(storeName + ": closed before these writes were flushed"));
        try {
            wal.close();
        } catch (IOException e) {
            LOG.log(Level.WARNING, storeName + ": closing the write-ahead log's flush channel failed", e);
        }
    }

    private void run() {
        while (true) {
            List<CompletableFuture<Void>> mine;
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
            flush(mine);
        }
    }

    private void flush(List<CompletableFuture<Void>> units) {
        Throwable cause;
        synchronized (flushLock) {
            cause = failed;
            if (cause == null) {
                try {
                    wal.force();
                    flushes.incrementAndGet();
                } catch (IOException | RuntimeException e) {
                    cause = e;
                    failed = e;
                    LOG.log(Level.ERROR, storeName + ": flushing the write-ahead log failed; every durable write "
                            + "fails from now on, reopen the store to recover what reached the disk", e);
                }
            }
        }
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
