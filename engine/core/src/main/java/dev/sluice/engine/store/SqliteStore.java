package dev.sluice.engine.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The durable store: one SQLite database in WAL mode, written by a single group-committing thread
 * ({@link GroupCommitWriter}) and read by a small pool of read-only connections for bodies; the bodies of
 * recently committed messages are served from a {@link BodyCache} without reading the database.
 *
 * <p>A submit's future completes after the transaction holding it has been fsynced, so an acknowledged
 * unit survives kill -9 and power loss. Failures are reported as {@link IllegalStateException}s naming the
 * store and, for a rejected unit, the op that failed; the SQLite error is the cause.
 */
public final class SqliteStore implements MessageStore {

    static final String DB_FILE = "sluice.db";
    static final String LOCK_FILE = "sluice.lock";

    private static final System.Logger LOG = System.getLogger(SqliteStore.class.getName());
    private static final String MESSAGE_COLUMNS = """
            id, queue, seq, attributes, trace_header, group_id, dedup_id, priority, sender_id, sent_at, visible_at,
            receive_count, first_receive_at, receipt_nonce, dead_letter_source""";

    private final String name;
    private final DirectoryLock lock;
    private final GroupCommitWriter writer;
    private final ReaderPool readers;
    private final BodyCache bodies;
    private volatile boolean closed; // written under this

    private SqliteStore(String name, DirectoryLock lock, GroupCommitWriter writer, ReaderPool readers,
                        BodyCache bodies) {
        this.name = name;
        this.lock = lock;
        this.writer = writer;
        this.readers = readers;
        this.bodies = bodies;
    }

    /**
     * Opens (creating if needed) the store in {@code dataDir}. Only one store may have a directory open at a
     * time, in this process or another: two writers would each trust their own memory and corrupt the other's.
     */
    public static SqliteStore open(Path dataDir) {
        Path dbFile = dataDir.resolve(DB_FILE).toAbsolutePath();
        String name = "SqliteStore(" + dbFile + ")";
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": cannot create data directory " + dataDir, e);
        }
        DirectoryLock lock = DirectoryLock.acquire(name, dataDir.resolve(LOCK_FILE));
        Connection connection = null;
        try {
            boolean created = Files.notExists(dbFile);
            connection = SqliteSchema.openWriter(dbFile);
            int found = SqliteSchema.migrate(connection, dbFile);
            if (created) {
                // SQLite syncs the WAL's directory entry but not the new database file's.
                syncDirectory(dataDir);
            }
            BodyCache bodies = new BodyCache(BodyCache.DEFAULT_LIMIT);
            GroupCommitWriter writer = new GroupCommitWriter(name, connection,
                    dbFile.resolveSibling(dbFile.getFileName() + "-wal"), bodies);
            int readerCount = Math.max(2, Runtime.getRuntime().availableProcessors());
            SqliteStore store = new SqliteStore(name, lock, writer, new ReaderPool(name, dbFile, readerCount), bodies);
            writer.start();
            LOG.log(Level.INFO, "{0}: opened, schema version {1}{2}", name, SqliteSchema.VERSION,
                    found == SqliteSchema.VERSION ? "" : " (migrated from " + found + ")");
            return store;
        } catch (SQLException | IOException | RuntimeException e) {
            if (connection != null) {
                SqliteSchema.closeAfterFailure(connection, e);
            }
            SqliteSchema.closeAfterFailure(lock, e);
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(name + ": cannot open: " + e.getMessage(), e);
        }
    }

    @Override
    public CompletableFuture<Void> submit(List<StoreOp> unit) {
        return writer.submit(unit);
    }

    @Override
    public void awaitDurable(CompletableFuture<Void> unit) {
        writer.await(unit);
    }

    @Override
    public CompletableFuture<Void> submitLazy(List<StoreOp> unit) {
        return writer.submitLazy(unit);
    }

    @Override
    public List<StoredQueue> loadQueues() {
        return writer.read(c -> {
            List<StoredQueue> queues = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT name, attributes, tags, created_at, last_modified_at FROM queues ORDER BY name");
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    queues.add(new StoredQueue(rs.getString(1), AttributeCodec.decodeStrings(rs.getBytes(2)),
                            AttributeCodec.decodeStrings(rs.getBytes(3)), rs.getLong(4), rs.getLong(5)));
                }
            }
            return queues;
        });
    }

    @Override
    public List<StoredMessage> loadMessages(String queue, long afterSeq, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        return writer.read(c -> pageable(c, queue, afterSeq, limit));
    }

    /** Through the by-queue index, which holds only pageable messages. */
    private static List<StoredMessage> pageable(Connection c, String queue, long afterSeq, int limit)
            throws SQLException {
        List<StoredMessage> messages = new ArrayList<>(Math.min(limit, 1024));
        try (PreparedStatement s = c.prepareStatement("SELECT " + MESSAGE_COLUMNS
                + " FROM messages WHERE queue = ? AND pageable = 1 AND seq > ? ORDER BY seq LIMIT ?")) {
            s.setString(1, queue);
            s.setLong(2, afterSeq);
            s.setInt(3, limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    messages.add(message(rs));
                }
            }
        }
        return messages;
    }

    private static StoredMessage message(ResultSet rs) throws SQLException {
        return new StoredMessage(rs.getString(1), rs.getString(2), rs.getLong(3), null,
                AttributeCodec.decodeAttributes(rs.getBytes(4)), rs.getString(5), rs.getString(6), rs.getString(7),
                rs.getInt(8), rs.getString(9), rs.getLong(10), rs.getLong(11), rs.getInt(12), rs.getLong(13),
                rs.getLong(14), rs.getString(15));
    }

    /**
     * After a clean close every message is pageable (the engine released what it held) and the by-queue index
     * finds them all: the first page and a count come from the index. After a crash, one pass over every message
     * in sequence order (the table's own order: nothing to sort); a message past its queue's first page that was
     * stored as held is made pageable on the way, since the engine that held it is gone. That change rides on the
     * next commit's flush; if a crash loses it, the next start makes it again.
     */
    @Override
    public Map<String, FirstPage> loadFirstPages(int pageSize) {
        if (pageSize < 0) {
            throw new IllegalArgumentException("pageSize must not be negative: " + pageSize);
        }
        return writer.read(c -> allPageable(c) ? firstPagesFromIndex(c, pageSize) : firstPagesFromScan(c, pageSize));
    }

    /** Whether every stored message can be found through the by-queue index (nothing is stored as held). */
    boolean allPageable() {
        return writer.read(SqliteStore::allPageable);
    }

    private static boolean allPageable(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT all_pageable FROM store_state WHERE id = 0");
             ResultSet rs = s.executeQuery()) {
            return rs.next() && rs.getInt(1) == 1;
        }
    }

    private static Map<String, FirstPage> firstPagesFromIndex(Connection c, int pageSize) throws SQLException {
        Map<String, FirstPage> out = new LinkedHashMap<>();
        try (PreparedStatement counts = c.prepareStatement(
                "SELECT queue, count(*) FROM messages WHERE pageable = 1 GROUP BY queue");
             ResultSet rs = counts.executeQuery()) {
            while (rs.next()) {
                String queue = rs.getString(1);
                out.put(queue, new FirstPage(pageable(c, queue, 0, pageSize), rs.getLong(2)));
            }
        }
        return out;
    }

    private static Map<String, FirstPage> firstPagesFromScan(Connection c, int pageSize) throws SQLException {
        Map<String, ScannedQueue> queues = new LinkedHashMap<>();
        List<Long> unheld = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT " + MESSAGE_COLUMNS + ", pageable FROM messages "
                + "ORDER BY seq");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                ScannedQueue queue = queues.computeIfAbsent(rs.getString(2), q -> new ScannedQueue());
                queue.total++;
                if (queue.page.size() < pageSize) {
                    queue.page.add(message(rs));
                } else if (rs.getInt(16) == 0) {
                    unheld.add(rs.getLong(3));
                }
            }
        }
        if (!unheld.isEmpty()) {
            try (PreparedStatement s = c.prepareStatement("UPDATE messages SET pageable = 1 WHERE seq = ?")) {
                for (long seq : unheld) {
                    s.setLong(1, seq);
                    s.addBatch();
                }
                s.executeBatch();
            }
        }
        Map<String, FirstPage> out = new LinkedHashMap<>();
        queues.forEach((name, queue) -> out.put(name, new FirstPage(queue.page, queue.total)));
        return out;
    }

    private static final class ScannedQueue {
        final List<StoredMessage> page = new ArrayList<>();
        long total;
    }

    @Override
    public String loadBody(MessageKey message) {
        return loadBodies(List.of(message)).get(0);
    }

    /**
     * From the cache where it can, the rest on one reader connection. A reader sees the last commit, which may
     * not yet hold a move submitted just before (the message is still under its old sequence number there): what
     * a reader misses is looked up again behind every submitted unit, on the writer's connection.
     */
    @Override
    public List<String> loadBodies(List<MessageKey> messages) {
        List<String> found = new ArrayList<>(messages.size());
        List<MessageKey> absent = new ArrayList<>();
        for (MessageKey message : messages) {
            String body = closed ? null : bodies.get(message.id()); // a closed store answers nothing, not even from memory
            found.add(body);
            if (body == null) {
                absent.add(message);
            }
        }
        if (absent.isEmpty()) {
            return found;
        }
        List<String> loaded = readers.loadBodies(absent);
        List<MessageKey> missed = new ArrayList<>();
        for (int i = 0; i < absent.size(); i++) {
            if (loaded.get(i) == null) {
                missed.add(absent.get(i));
            }
        }
        Iterator<String> again = missed.isEmpty() ? null : writer.read(c -> ReaderPool.bodies(c, missed)).iterator();
        Iterator<String> first = loaded.iterator();
        found.replaceAll(body -> {
            if (body != null) {
                return body;
            }
            String read = first.next();
            return read != null ? read : again.next();
        });
        return found;
    }

    @Override
    public List<DedupRecord> loadDedup(long now) {
        return writer.read(c -> {
            List<DedupRecord> records = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT queue, key, message_id, seq, expires_at FROM dedup WHERE expires_at > ?")) {
                s.setLong(1, now);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        records.add(new DedupRecord(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getLong(4), rs.getLong(5)));
                    }
                }
            }
            return records;
        });
    }

    @Override
    public long maxSequence() {
        return writer.read(c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT max((SELECT coalesce(max(seq), 0) FROM messages), (SELECT coalesce(max(seq), 0) FROM dedup),
                               (SELECT max_seq FROM sequence_mark WHERE id = 0))""");
                 ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Override
    public boolean keepsBodiesInEngine() {
        return false;
    }

    /** Commits everything submitted, then releases the database. Idempotent. */
    @Override
    public void close() {
        if (writer.isStoreThread()) {
            throw new IllegalStateException(name + ": close() must not run on the store's writer or flush thread "
                    + "(from a submit future's callback); it waits for those threads to finish");
        }
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            // Readers first: the last connection to close checkpoints the WAL into the database file, and only
            // the writer may do that.
            try {
                readers.close();
            } finally {
                try {
                    writer.close();
                } finally {
                    lock.close();
                    LOG.log(Level.DEBUG, "{0}: closed", name);
                }
            }
        }
    }

    /** Whether the writer waits for work with nothing queued; for tests of who applies what. */
    boolean isIdleForTest() {
        return writer.isIdle();
    }

    /** Runs a query on the writer connection after everything submitted so far; for tests of the store. */
    <T> T readForTest(GroupCommitWriter.SqlFunction<T> function) {
        return writer.read(function);
    }

    /** The number of committed transactions; with concurrent submitters it stays far below the unit count. */
    long transactionCount() {
        return writer.transactionCount();
    }

    /** The number of flushes of the WAL: durable units complete after one, lazy ones need none of their own. */
    long flushCount() {
        return writer.flushCount();
    }

    long committedUnitCount() {
        return writer.committedUnitCount();
    }

    GroupCommitWriter writer() {
        return writer;
    }

    @Override
    public String toString() {
        return name;
    }

    private static void syncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some platforms (Windows) cannot open a directory; there the file system orders metadata itself.
            if (!System.getProperty("os.name", "").startsWith("Windows")) {
                throw e;
            }
        }
    }

    /**
     * A lock on a separate file, not on the database: SQLite's own POSIX locks would be released as soon as
     * the JVM closed any other descriptor of the database file.
     */
    private record DirectoryLock(FileChannel channel, FileLock lock) implements AutoCloseable {

        static DirectoryLock acquire(String storeName, Path lockFile) {
            FileChannel channel;
            try {
                channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            } catch (IOException e) {
                throw new UncheckedIOException(storeName + ": cannot open lock file " + lockFile, e);
            }
            try {
                FileLock lock = channel.tryLock();
                if (lock == null) {
                    throw inUse(storeName, lockFile, null);
                }
                return new DirectoryLock(channel, lock);
            } catch (OverlappingFileLockException e) {
                IllegalStateException failure = inUse(storeName, lockFile, e);
                SqliteSchema.closeAfterFailure(channel, failure);
                throw failure;
            } catch (IOException e) {
                SqliteSchema.closeAfterFailure(channel, e);
                throw new UncheckedIOException(storeName + ": cannot lock " + lockFile, e);
            } catch (IllegalStateException e) {
                SqliteSchema.closeAfterFailure(channel, e);
                throw e;
            }
        }

        private static IllegalStateException inUse(String storeName, Path lockFile, Exception cause) {
            return new IllegalStateException(storeName + ": the data directory is in use by another store (lock "
                    + lockFile + " is held)", cause);
        }

        @Override
        public void close() {
            try {
                channel.close(); // releases the lock
            } catch (IOException e) {
                throw new UncheckedIOException("cannot release lock file", e);
            }
        }
    }
}
