package dev.sluice.engine.store;

import org.sqlite.SQLiteConfig;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Connections to the database file and the schema, versioned through {@code PRAGMA user_version}. */
final class SqliteSchema {

    /** The schema this build writes. Version {@code n} is reached by applying {@code MIGRATIONS[0..n-1]}. */
    static final int VERSION = 3;

    /** Package-private for the test that upgrades a database of an older version. */
    static final List<List<String>> MIGRATIONS = List.of(
            List.of(
                    """
                    CREATE TABLE queues (
                        name             TEXT PRIMARY KEY,
                        attributes       BLOB,
                        tags             BLOB,
                        created_at       INTEGER NOT NULL,
                        last_modified_at INTEGER NOT NULL)""",
                    """
                    CREATE TABLE messages (
                        id                 TEXT PRIMARY KEY,
                        queue              TEXT NOT NULL,
                        seq                INTEGER NOT NULL,
                        body               TEXT,
                        attributes         BLOB,
                        trace_header       TEXT,
                        group_id           TEXT,
                        dedup_id           TEXT,
                        priority           INTEGER NOT NULL,
                        sender_id          TEXT,
                        sent_at            INTEGER NOT NULL,
                        visible_at         INTEGER NOT NULL,
                        receive_count      INTEGER NOT NULL,
                        first_receive_at   INTEGER NOT NULL,
                        receipt_nonce      INTEGER NOT NULL,
                        dead_letter_source TEXT)""",
                    "CREATE INDEX messages_by_queue_seq ON messages (queue, seq)",
                    """
                    CREATE TABLE dedup (
                        queue      TEXT NOT NULL,
                        key        TEXT NOT NULL,
                        message_id TEXT,
                        seq        INTEGER NOT NULL,
                        expires_at INTEGER NOT NULL,
                        PRIMARY KEY (queue, key))""",
                    // ExpireDedup runs periodically and must not scan the whole window to find the few expired rows.
                    "CREATE INDEX dedup_by_expiry ON dedup (expires_at)",
                    // Sequence numbers must keep increasing across restarts even after every message and dedup row
                    // carrying the highest one is gone (FIFO SequenceNumber is monotonic in SQS).
                    """
                    CREATE TABLE sequence_mark (
                        id      INTEGER PRIMARY KEY CHECK (id = 0),
                        max_seq INTEGER NOT NULL)""",
                    "INSERT INTO sequence_mark (id, max_seq) VALUES (0, 0)"),
            // Version 2: messages are stored under their sequence number (the table's rowid) and the unique index
            // on ids is gone. Every insert and delete then changes two B-trees instead of three, so a commit
            // writes fewer pages; the engine names messages to the store by sequence number.
            List.of(
                    """
                    CREATE TABLE messages_v2 (
                        seq                INTEGER PRIMARY KEY,
                        id                 TEXT NOT NULL,
                        queue              TEXT NOT NULL,
                        body               TEXT,
                        attributes         BLOB,
                        trace_header       TEXT,
                        group_id           TEXT,
                        dedup_id           TEXT,
                        priority           INTEGER NOT NULL,
                        sender_id          TEXT,
                        sent_at            INTEGER NOT NULL,
                        visible_at         INTEGER NOT NULL,
                        receive_count      INTEGER NOT NULL,
                        first_receive_at   INTEGER NOT NULL,
                        receipt_nonce      INTEGER NOT NULL,
                        dead_letter_source TEXT)""",
                    """
                    INSERT INTO messages_v2 (seq, id, queue, body, attributes, trace_header, group_id, dedup_id,
                        priority, sender_id, sent_at, visible_at, receive_count, first_receive_at, receipt_nonce,
                        dead_letter_source)
                    SELECT seq, id, queue, body, attributes, trace_header, group_id, dedup_id, priority, sender_id,
                        sent_at, visible_at, receive_count, first_receive_at, receipt_nonce, dead_letter_source
                    FROM messages""",
                    "DROP TABLE messages",
                    "ALTER TABLE messages_v2 RENAME TO messages",
                    // On a rowid table an index on (queue) is one on (queue, seq): a queue's messages in order.
                    "CREATE INDEX messages_by_queue ON messages (queue)"),
            // Version 3: the by-queue index holds only messages the engine may page in ("pageable"), not those it
            // holds in memory, which are most messages of a queue whose consumers keep up: their inserts and deletes
            // then change one B-tree instead of two. Existing rows are all pageable.
            List.of(
                    "ALTER TABLE messages ADD COLUMN pageable INTEGER NOT NULL DEFAULT 1",
                    "DROP INDEX messages_by_queue",
                    "CREATE INDEX messages_pageable_by_queue ON messages (queue) WHERE pageable = 1",
                    // Whether every message is pageable, so that a start can find them all through the index
                    // instead of reading every message: set when a closing engine releases what it held, cleared
                    // by the first transaction after that which stores a message as held.
                    """
                    CREATE TABLE store_state (
                        id           INTEGER PRIMARY KEY CHECK (id = 0),
                        all_pageable INTEGER NOT NULL)""",
                    "INSERT INTO store_state (id, all_pageable) VALUES (0, 1)"));

    private SqliteSchema() {
    }

    static Connection openWriter(Path dbFile) throws SQLException {
        Connection connection = open(dbFile, false);
        try (Statement s = connection.createStatement()) {
            // WAL lets body readers run while the writer commits. FULL fsyncs the WAL on every commit: schema
            // creation and migration run so; the group-commit writer then switches to NORMAL and flushes the WAL
            // itself, behind its commits (WalSyncer), which is what makes an acknowledged submit survive power loss.
            try (ResultSet rs = s.executeQuery("PRAGMA journal_mode = WAL")) {
                String mode = rs.next() ? rs.getString(1) : null;
                if (!"wal".equalsIgnoreCase(mode)) {
                    throw new SQLException("cannot enable WAL journal mode on " + dbFile + " (got " + mode
                            + "); the file system may not support shared memory");
                }
            }
            s.execute("PRAGMA synchronous = FULL");
            s.execute("PRAGMA cache_size = -16384");
            // Caps the WAL file left behind after a burst once a checkpoint has caught up.
            s.execute("PRAGMA journal_size_limit = 67108864");
            // Checkpoints copy each changed page once however often the WAL holds it: a hot page (the newest leaf,
            // the index pages) is rewritten by nearly every commit, so rarer checkpoints write far less.
            s.execute("PRAGMA wal_autocheckpoint = 8000");
        } catch (SQLException e) {
            closeAfterFailure(connection, e);
            throw e;
        }
        return connection;
    }

    static Connection openReader(Path dbFile) throws SQLException {
        Connection connection = open(dbFile, true);
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA cache_size = -4096");
        } catch (SQLException e) {
            closeAfterFailure(connection, e);
            throw e;
        }
        return connection;
    }

    private static Connection open(Path dbFile, boolean readOnly) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(readOnly);
        // Readers can briefly meet a lock while the writer checkpoints or recovers the WAL index.
        config.setBusyTimeout(10_000);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        // No statement here needs generated keys; asking for them costs a regex match on every executeUpdate.
        config.setGetGeneratedKeys(false);
        // config.createConnection, not DriverManager: in an application server the driver registered by one
        // deployment's class loader is not found by the next (Payara: "No suitable driver" on redeploy)
        return config.createConnection("jdbc:sqlite:" + dbFile);
    }

    /** Brings the schema to {@link #VERSION}; returns the version found before. */
    static int migrate(Connection connection, Path dbFile) throws SQLException {
        int found = userVersion(connection);
        if (found > VERSION) {
            throw new SQLException(dbFile + " has schema version " + found + " but this Sluice knows versions up to "
                    + VERSION + "; it was written by a newer Sluice");
        }
        if (found == VERSION) {
            return found;
        }
        try (Statement s = connection.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            try {
                for (int version = found; version < VERSION; version++) {
                    for (String sql : MIGRATIONS.get(version)) {
                        s.execute(sql);
                    }
                }
                s.execute("PRAGMA user_version = " + VERSION);
                s.execute("COMMIT");
            } catch (SQLException e) {
                try {
                    s.execute("ROLLBACK");
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            }
        }
        return found;
    }

    static int userVersion(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    static void closeAfterFailure(AutoCloseable closeable, Exception failure) {
        try {
            closeable.close();
        } catch (Exception e) {
            failure.addSuppressed(e);
        }
    }
}
