package dev.sluice.engine.store;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * Applies submitted units to the database in submission order, one transaction per batch. Whatever is pending
 * when the writer thread wakes up (up to {@link #MAX_UNITS} units or {@link #MAX_BYTES}) goes into one
 * transaction. On an idle store a submitter waiting for its unit ({@link #await}) or a read ({@link #read})
 * applies the queue itself on its own thread instead (it "leads"): the connection is used by one thread at a
 * time, under {@link #writing}, and whoever holds it takes the queue from its head, so the order stays that of
 * submission. Commits do not wait for the disk: the {@link WalSyncer} flushes the WAL behind them and completes
 * the durable units' futures, so one fsync acknowledges every commit made while the previous one ran, and
 * throughput grows with the number of concurrent submitters instead of being capped at the disk's fsync rate.
 *
 * <p>A unit that fails is undone alone and the rest of its transaction still commits: the transaction is then
 * redone with each unit inside a SAVEPOINT. A durable unit's future completes after the flush, on the writer
 * thread, the syncer's or a leader's; a lazy or rejected unit's on the committing thread right after COMMIT.
 * Callbacks attached to them should be quick (or use the async variants), since they delay the next batch or the
 * next flush.
 *
 * <p>The queue is unbounded on purpose: a bounded one would block a submitter, and a submitter running in a
 * completion callback on this very thread would then deadlock the store.
 */
final class GroupCommitWriter {

    static final int MAX_UNITS = 4096;
    static final long MAX_BYTES = 16L << 20;
    /**
     * How long a batch of only lazy units waits for a durable unit to share its transaction. Nobody waits for a
     * lazy unit, and a transaction costs the same few system calls (locks, WAL frame writes) whatever it holds:
     * a receive's delivery state and an acknowledgement's delete then ride along with the next send's commit
     * instead of paying for a transaction of their own.
     */
    static final long LAZY_LINGER_NANOS = 1_000_000;
    /** A lazy batch this large is committed without waiting. */
    static final int LAZY_LINGER_MAX_UNITS = 256;
    private static final long OP_OVERHEAD_BYTES = 128;

    private static final System.Logger LOG = System.getLogger(SqliteStore.class.getName());

    /** Runs on the writer connection; may throw anything, which then fails the read's future. */
    interface SqlFunction<T> {
        T apply(Connection connection) throws Exception;
    }

    private sealed interface Task permits Unit, Read, Stop {
    }

    /**
     * @param encoded what {@link OpStatements#encode} made of {@code ops} on the submitting thread, index by
     *                index: the writer thread is the store's bottleneck, so it only binds
     * @param lazy    true when the submitter does not wait for durability (see {@link #submitLazy})
     */
    private record Unit(List<StoreOp> ops, byte[][] encoded, CompletableFuture<Void> done, long bytes, boolean lazy)
            implements Task {
        void apply(int i, OpStatements statements) throws SQLException {
            statements.apply(ops.get(i), encoded(i));
        }

        byte[] encoded(int i) {
            return encoded == null ? null : encoded[i];
        }
    }

    private record Read<T>(SqlFunction<T> function, CompletableFuture<T> done) implements Task {
        void run(Connection connection) {
            try {
                done.complete(function.apply(connection));
            } catch (Exception | Error e) {
                done.completeExceptionally(e);
            }
        }
    }

    private record Stop() implements Task {
    }

    private final String storeName;
    private final Connection connection;
    private final BodyCache bodies;
    private final OpStatements ops;
    private final PreparedStatement begin;
    private final PreparedStatement commit;
    private final PreparedStatement rollback;
    private final PreparedStatement savepoint;
    private final PreparedStatement release;
    private final PreparedStatement rollbackToSavepoint;
    private final ConcurrentLinkedQueue<Task> queue = new ConcurrentLinkedQueue<>();
    /** Tasks in the queue, and those of them someone waits for (all but lazy units): hints for the writer's waits. */
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicInteger queuedUrgent = new AtomicInteger();
    /** Held by whoever applies queued tasks on the connection: the writer thread or a leading submitter. */
    private final ReentrantLock writing = new ReentrantLock();
    private volatile boolean writerParked;
    private final Object leadersDone = new Object();
    private int leaders; // guarded by leadersDone
    private final Object submitLock = new Object();
    private final Thread thread;
    private final AtomicLong transactions = new AtomicLong();
    private final AtomicLong committedUnits = new AtomicLong();
    private boolean stopping; // guarded by submitLock
    private volatile Throwable closeFailure;

    private final WalSyncer syncer;

    /**
     * Takes ownership of the connection: it is closed when the writer stops. {@code walFile} is the connection's
     * write-ahead log, which SQLite has already created.
     */
    GroupCommitWriter(String storeName, Connection connection, Path walFile, BodyCache bodies) throws SQLException {
        this.storeName = storeName;
        this.connection = connection;
        this.bodies = bodies;
        this.ops = new OpStatements(connection);
        try {
            try (Statement s = connection.createStatement()) {
                // The syncer flushes the WAL after each commit instead (see WalSyncer for why that is as durable).
                s.execute("PRAGMA synchronous = NORMAL");
            }
            begin = connection.prepareStatement("BEGIN IMMEDIATE");
            commit = connection.prepareStatement("COMMIT");
            rollback = connection.prepareStatement("ROLLBACK");
            savepoint = connection.prepareStatement("SAVEPOINT unit");
            release = connection.prepareStatement("RELEASE unit");
            rollbackToSavepoint = connection.prepareStatement("ROLLBACK TO unit");
        } catch (SQLException e) {
            SqliteSchema.closeAfterFailure(ops, e);
            throw e;
        }
        try {
            syncer = WalSyncer.forFile(storeName, walFile);
        } catch (RuntimeException e) {
            SqliteSchema.closeAfterFailure(ops, e);
            throw e;
        }
        thread = new Thread(this::run, "sluice-store-writer");
        thread.setDaemon(true);
    }

    void start() {
        syncer.start();
        thread.start();
    }

    CompletableFuture<Void> submit(List<StoreOp> unitOps) {
        return submit(unitOps, false);
    }

    /**
     * A unit whose submitter does not wait for it to be durable (a receive's delivery state). Its future completes
     * at COMMIT; the next flush covers it, since the WAL is written in order. So lazy units cost no disk flush of
     * their own.
     */
    CompletableFuture<Void> submitLazy(List<StoreOp> unitOps) {
        return submit(unitOps, true);
    }

    private CompletableFuture<Void> submit(List<StoreOp> unitOps, boolean lazy) {
        List<StoreOp> copy = List.copyOf(unitOps);
        Unit unit = new Unit(copy, OpStatements.encode(copy), new CompletableFuture<>(), estimateBytes(copy), lazy);
        enqueue(unit);
        return unit.done;
    }

    /** Runs {@code function} on the writer connection after every unit submitted before, once they committed. */
    <T> T read(SqlFunction<T> function) {
        if (Thread.currentThread() == thread || writing.isHeldByCurrentThread()) {
            // Called from a completion callback: queueing behind ourselves would never finish. Outside a
            // batch, so every unit taken so far has committed or failed.
            try {
                return function.apply(connection);
            } catch (Exception e) {
                throw readFailure(e);
            }
        }
        CompletableFuture<T> done = readAsync(function);
        lead(done, false);
        return join(done);
    }

    /** Waits for a durable unit's future; when nobody is writing, commits and flushes it on this thread. */
    void await(CompletableFuture<Void> unit) {
        lead(unit, true);
        unit.join();
    }

    /**
     * Applies what is queued (up to {@code task}, which must be queued) on the caller's thread when the connection
     * is free, saving the wake-ups of the writer thread and of the caller. {@code flush}: whether to flush the
     * commits here (the caller waits for durability) or leave that to the syncer.
     */
    private void lead(CompletableFuture<?> task, boolean flush) {
        // Only on an idle store (the writer waiting, no flush running, nothing else urgent queued): under load
        // the writer's larger batches cost less per unit than many small transactions on many threads.
        if (task.isDone() || queuedUrgent.get() > 1 || !writerParked || syncer.isFlushing()
                || Thread.currentThread() == thread || syncer.isSyncerThread() || writing.isHeldByCurrentThread()
                || !writing.tryLock()) {
            return;
        }
        Applied applied;
        try {
            List<Task> batch = new ArrayList<>();
            drain(batch, false);
            if (batch.isEmpty()) {
                return;
            }
            synchronized (leadersDone) {
                leaders++;
            }
            applied = applyOrFail(batch);
        } finally {
            writing.unlock();
        }
        try {
            if (queued.get() > 0) {
                wakeWriter();
            }
            if (flush) {
                syncer.flushHere(applied.commit, applied.durable);
            } else {
                syncer.afterFlush(applied.commit, applied.durable);
            }
        } finally {
            synchronized (leadersDone) {
                leaders--;
                leadersDone.notifyAll();
            }
        }
    }

    <T> CompletableFuture<T> readAsync(SqlFunction<T> function) {
        Read<T> read = new Read<>(function, new CompletableFuture<>());
        enqueue(read);
        return read.done;
    }

    private void enqueue(Task task) {
        boolean wake;
        synchronized (submitLock) {
            if (stopping) {
                throw new IllegalStateException(storeName + " is closed");
            }
            wake = add(task);
        }
        if (wake) {
            wakeWriter();
        }
    }

    /**
     * Queues the task; returns whether the writer needs waking for it. A lazy unit behind another queued task
     * does not: the writer is then busy or lingering for company (see LAZY_LINGER), and a wake-up would only
     * make it look and park again, costing a thread switch per receive.
     */
    private boolean add(Task task) {
        queue.add(task);
        int now = queued.incrementAndGet();
        if (task instanceof Unit unit && unit.lazy) {
            return now == 1 || now >= LAZY_LINGER_MAX_UNITS;
        }
        queuedUrgent.incrementAndGet();
        return true;
    }

    private void wakeWriter() {
        if (writerParked) {
            LockSupport.unpark(thread);
        }
    }

    /** Whether the writer thread waits for work with nothing queued: the store is idle. */
    boolean isIdle() {
        return writerParked && queued.get() == 0 && !writing.isLocked();
    }

    /** True on the threads that complete submit futures, where waiting for the store to stop would deadlock. */
    boolean isStoreThread() {
        return Thread.currentThread() == thread || syncer.isSyncerThread() || writing.isHeldByCurrentThread();
    }

    long transactionCount() {
        return transactions.get();
    }

    long committedUnitCount() {
        return committedUnits.get();
    }

    long flushCount() {
        return syncer.flushCount();
    }

    /** Commits everything submitted so far, stops the thread and closes the connection. Idempotent. */
    void close() {
        synchronized (submitLock) {
            if (!stopping) {
                stopping = true;
                add(new Stop());
            }
        }
        wakeWriter();
        // The pending units must still be committed or failed; give up the wait only after that.
        Uninterruptibly.join(thread);
        Throwable failure = closeFailure;
        if (failure != null) {
            closeFailure = null;
            throw new IllegalStateException(storeName + ": closing the writer connection failed", failure);
        }
    }

    private void run() {
        List<Task> batch = new ArrayList<>();
        boolean stopped = false;
        while (!stopped) {
            batch.clear();
            awaitWork();
            Applied applied;
            if (!writing.tryLock()) {
                // a leader is applying; it wakes this thread when it leaves work behind
                park(writing::isLocked, 0);
                continue;
            }
            try {
                drain(batch, true);
                if (batch.isEmpty()) {
                    continue; // a leader took it
                }
                applied = applyOrFail(batch);
            } finally {
                writing.unlock();
            }
            stopped = applied.stopped;
            if (queued.get() == 0) {
                // nothing to apply meanwhile: flushing here saves the hand-off to the syncer and back
                syncer.flushHere(applied.commit, applied.durable);
            } else {
                syncer.afterFlush(applied.commit, applied.durable);
            }
        }
        synchronized (leadersDone) {
            while (leaders > 0) {
                try {
                    leadersDone.wait();
                } catch (InterruptedException e) {
                    // only close() ends this thread
                }
            }
        }
        // Before the connection closes: SQLite's last close checkpoints and deletes the WAL.
        syncer.close();
        try {
            ops.close();
        } catch (SQLException e) {
            closeFailure = e;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            if (closeFailure != null) {
                closeFailure.addSuppressed(e);
            } else {
                closeFailure = e;
            }
        }
    }

    /** Parks until something is queued; a batch of only lazy units waits a little for company (see LAZY_LINGER). */
    private void awaitWork() {
        BooleanSupplier empty = () -> queued.get() == 0;
        while (empty.getAsBoolean()) {
            park(empty, 0);
        }
        BooleanSupplier onlyFewLazy = () -> queuedUrgent.get() == 0 && queued.get() > 0
                && queued.get() < LAZY_LINGER_MAX_UNITS;
        long deadline = System.nanoTime() + LAZY_LINGER_NANOS;
        long left;
        while (onlyFewLazy.getAsBoolean() && (left = deadline - System.nanoTime()) > 0) {
            park(onlyFewLazy, left);
        }
    }

    /**
     * Parks while {@code waiting} holds, at most {@code nanos} (0: no limit). The condition is re-checked after
     * announcing the park, so a submit or a leader's release in between either sees the flag and unparks this
     * thread or is seen here.
     */
    private void park(BooleanSupplier waiting, long nanos) {
        writerParked = true;
        try {
            if (waiting.getAsBoolean()) {
                if (nanos > 0) {
                    LockSupport.parkNanos(this, nanos);
                } else {
                    LockSupport.park(this);
                }
            }
        } finally {
            writerParked = false;
        }
    }

    /** Takes queued tasks in order, up to the batch limits; only the writer thread takes the stop marker. */
    private void drain(List<Task> batch, boolean takeStop) {
        long bytes = 0;
        Task task;
        while ((task = queue.peek()) != null) {
            if (task instanceof Stop && !takeStop) {
                break;
            }
            queue.poll();
            queued.decrementAndGet();
            if (task instanceof Unit unit) {
                bytes += unit.bytes;
                if (!unit.lazy) {
                    queuedUrgent.decrementAndGet();
                }
            } else {
                queuedUrgent.decrementAndGet();
            }
            batch.add(task);
            if (task instanceof Stop || batch.size() >= MAX_UNITS || bytes >= MAX_BYTES) {
                break;
            }
        }
    }

    /** The durable units of the batch's last commit, numbered {@code commit} by the syncer (0: none). */
    private record Applied(long commit, List<CompletableFuture<Void>> durable, boolean stopped) {
    }

    /** Applies the batch; if that fails as a whole, every task in it fails. Call holding {@link #writing}. */
    private Applied applyOrFail(List<Task> batch) {
        try {
            return apply(batch);
        } catch (Throwable t) {
            LOG.log(Level.ERROR, storeName + ": writer failed a batch of " + batch.size() + " tasks", t);
            rollbackAfter(t);
            for (Task task : batch) {
                fail(task, t);
            }
            return new Applied(0, List.of(), batch.stream().anyMatch(Stop.class::isInstance));
        }
    }

    private Applied apply(List<Task> batch) {
        List<Unit> run = new ArrayList<>();
        for (Task task : batch) {
            if (task instanceof Unit unit) {
                run.add(unit);
                continue;
            }
            // A read must see every unit queued before it: commit those first (flushed behind, as the batch goes on).
            Applied committed = commitAndNumber(run);
            syncer.afterFlush(committed.commit, committed.durable);
            run.clear();
            if (task instanceof Read<?> read) {
                read.run(connection);
            } else {
                return new Applied(0, List.of(), true);
            }
        }
        return commitAndNumber(run);
    }

    /** Commits the units and, if any of them waits for a flush, numbers the commit for the syncer. */
    private Applied commitAndNumber(List<Unit> units) {
        List<CompletableFuture<Void>> durable = commitRun(units);
        return new Applied(durable.isEmpty() ? 0 : syncer.committed(), durable, false);
    }

    /** Commits the units; returns the futures of the durable ones, to complete once a flush covers them. */
    private List<CompletableFuture<Void>> commitRun(List<Unit> units) {
        if (units.isEmpty()) {
            return List.of();
        }
        Throwable[] rejected = new Throwable[units.size()];
        try {
            begin.execute();
            if (!applyAll(units, SupersededOps.in(units.stream().map(Unit::ops).toList()))) {
                // some unit is bad: start over, each unit in a savepoint so that it alone is undone (and only
                // what its own ops supersede is left out: another unit's delete may be the one undone)
                ops.forgetMarks();
                begin.execute();
                for (int i = 0; i < units.size(); i++) {
                    rejected[i] = applyUnit(units.get(i), SupersededOps.in(List.of(units.get(i).ops)));
                }
            }
            ops.flushMarks();
            commit.execute();
        } catch (Exception e) {
            rollbackAfter(e);
            ops.forgetMarks();
            IllegalStateException failure = new IllegalStateException(
                    storeName + ": transaction of " + units.size() + " units failed and was rolled back", e);
            LOG.log(Level.ERROR, failure.getMessage(), e);
            for (int i = 0; i < units.size(); i++) {
                units.get(i).done.completeExceptionally(rejected[i] != null ? rejected[i] : failure);
            }
            return List.of();
        }
        transactions.incrementAndGet();
        // counted before the submitters are released, so one who saw its unit done sees it counted
        committedUnits.addAndGet(java.util.Arrays.stream(rejected).filter(java.util.Objects::isNull).count());
        for (int i = 0; i < units.size(); i++) {
            if (rejected[i] == null) {
                bodies.committed(units.get(i).ops);
            }
        }
        List<CompletableFuture<Void>> durable = new ArrayList<>(units.size());
        for (int i = 0; i < units.size(); i++) {
            Unit unit = units.get(i);
            if (rejected[i] != null) {
                unit.done.completeExceptionally(rejected[i]);
            } else if (unit.lazy) {
                unit.done.complete(null);
            } else {
                durable.add(unit.done);
            }
        }
        return durable;
    }

    /**
     * The common case, without a savepoint per unit (two more statements per unit on the one thread that
     * writes): applies every op, consecutive inserts and deletes of all units together (see
     * {@link OpStatements#applyAll}), or rolls the transaction back and returns false if any fails.
     */
    private boolean applyAll(List<Unit> units, Set<StoreOp> superseded) throws SQLException {
        List<StoreOp> all = new ArrayList<>();
        List<byte[]> encoded = new ArrayList<>();
        for (Unit unit : units) {
            for (int i = 0; i < unit.ops.size(); i++) {
                StoreOp op = unit.ops.get(i);
                if (!superseded.contains(op)) {
                    all.add(op);
                    encoded.add(unit.encoded(i));
                } else {
                    ops.skipped(op);
                }
            }
        }
        try {
            ops.applyAll(all, encoded);
            return true;
        } catch (SQLException | RuntimeException e) {
            rollback.execute();
            return false;
        }
    }

    /**
     * Applies one unit inside a savepoint. Returns the reason it was rejected (and undone), or null.
     * Throws if the savepoint itself cannot be handled: the transaction is then in an unknown state.
     */
    private Throwable applyUnit(Unit unit, Set<StoreOp> superseded) throws SQLException {
        savepoint.execute();
        StoreOp current = null;
        try {
            for (int i = 0; i < unit.ops.size(); i++) {
                current = unit.ops.get(i);
                if (!superseded.contains(current)) {
                    unit.apply(i, ops);
                } else {
                    ops.skipped(current);
                }
            }
            release.execute();
            return null;
        } catch (SQLException | RuntimeException e) {
            try {
                rollbackToSavepoint.execute();
                release.execute();
            } catch (SQLException undo) {
                undo.addSuppressed(e);
                throw undo;
            }
            LOG.log(Level.DEBUG, "{0}: rejected a unit at {1}: {2}", storeName, OpStatements.describe(current),
                    e.getMessage());
            return new IllegalStateException(storeName + ": unit of " + unit.ops.size() + " ops rejected at "
                    + OpStatements.describe(current) + ": " + e.getMessage(), e);
        }
    }

    /** After a failure mid-transaction; SQLite may already have rolled back by itself (I/O errors, disk full). */
    private void rollbackAfter(Throwable failure) {
        try {
            rollback.execute();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private static void fail(Task task, Throwable t) {
        if (task instanceof Unit unit) {
            unit.done.completeExceptionally(t);
        } else if (task instanceof Read<?> read) {
            read.done.completeExceptionally(t);
        }
    }

    private static long estimateBytes(List<StoreOp> ops) {
        long bytes = 0;
        for (StoreOp op : ops) {
            bytes += OP_OVERHEAD_BYTES;
            if (op instanceof StoreOp.InsertMessage insert && insert.message().body() != null) {
                bytes += insert.message().body().length();
            }
        }
        return bytes;
    }

    private <T> T join(CompletableFuture<T> future) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return future.get();
                } catch (InterruptedException e) {
                    // The read is already queued and cheap; finish it rather than leave the caller without data.
                    interrupted = true;
                } catch (ExecutionException e) {
                    throw readFailure(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private RuntimeException readFailure(Throwable cause) {
        if (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return new IllegalStateException(storeName + ": read failed: " + cause.getMessage(), cause);
    }
}
