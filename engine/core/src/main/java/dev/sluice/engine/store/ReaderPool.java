package dev.sluice.engine.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;

/**
 * Read-only connections for the bodies a durable receive finds neither in memory nor in the {@link BodyCache}:
 * read beside the writer, not queued behind it. WAL gives each read a consistent snapshot of the last commit
 * without blocking the writer.
 *
 * <p>Bounded rather than one connection per thread: receivers may be many (virtual) threads, and each
 * connection holds a page cache and file handles.
 */
final class ReaderPool {

    private final String storeName;
    private final Path dbFile;
    private final Semaphore permits;
    private final ConcurrentLinkedQueue<Reader> idle = new ConcurrentLinkedQueue<>();
    private volatile boolean closed;

    private record Reader(Connection connection, PreparedStatement body) {
        void close() throws SQLException {
            try (connection) {
                body.close();
            }
        }
    }

    ReaderPool(String storeName, Path dbFile, int size) {
        this.storeName = storeName;
        this.dbFile = dbFile;
        this.permits = new Semaphore(size);
    }

    /** The bodies of these messages, read on one connection, in the same order (null for a message gone). */
    List<String> loadBodies(List<MessageKey> messages) {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(storeName + ": interrupted while waiting for a reader connection", e);
        }
        try {
            checkOpen();
            Reader reader = idle.poll();
            if (reader == null) {
                reader = open();
            }
            try {
                return bodies(reader.body, messages);
            } finally {
                giveBack(reader);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(storeName + ": loading the bodies of " + messages + " failed: " + e.getMessage(),
                    e);
        } finally {
            permits.release();
        }
    }

    /** The same read on any connection of the store (the writer's, to see what no commit holds yet). */
    static List<String> bodies(Connection connection, List<MessageKey> messages) throws SQLException {
        try (PreparedStatement statement = prepareBodyRead(connection)) {
            return bodies(statement, messages);
        }
    }

    private static List<String> bodies(PreparedStatement read, List<MessageKey> messages) throws SQLException {
        List<String> bodies = new ArrayList<>(messages.size());
        for (MessageKey message : messages) {
            read.setLong(1, message.seq());
            read.setString(2, message.id());
            // Closing the result set promptly ends the read transaction, so checkpoints are not held back.
            try (ResultSet rs = read.executeQuery()) {
                bodies.add(rs.next() ? rs.getString(1) : null);
            }
        }
        return bodies;
    }

    private static PreparedStatement prepareBodyRead(Connection connection) throws SQLException {
        // The id check costs nothing once the row is found, and keeps a wrong sequence number from reading
        // another message's body.
        return connection.prepareStatement("SELECT body FROM messages WHERE seq = ? AND id = ?");
    }

    private Reader open() throws SQLException {
        Connection connection = SqliteSchema.openReader(dbFile);
        try {
            return new Reader(connection, prepareBodyRead(connection));
        } catch (SQLException e) {
            SqliteSchema.closeAfterFailure(connection, e);
            throw e;
        }
    }

    private void giveBack(Reader reader) throws SQLException {
        idle.add(reader);
        // close() may have drained the pool while this reader was out; make sure it does not linger.
        if (closed && idle.remove(reader)) {
            reader.close();
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException(storeName + " is closed");
        }
    }

    void close() {
        closed = true;
        SQLException failure = null;
        for (Reader reader; (reader = idle.poll()) != null; ) {
            try {
                reader.close();
            } catch (SQLException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw new IllegalStateException(storeName + ": closing reader connections failed", failure);
        }
    }
}
