package dev.sluice.engine.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;

/**
 * Applies {@link StoreOp}s on the writer connection. Statements are prepared once and reused for every
 * batch: re-preparing them per op would cost more than executing them.
 *
 * <p>An op that finds no row (an update or delete of a message that is already gone) changes nothing and is
 * not an error: the engine's memory is the authority, and the store converges to it whichever way the
 * engine ordered a delete against a late delivery update.
 */
final class OpStatements implements AutoCloseable {

    private final List<PreparedStatement> all = new ArrayList<>();
    private final PreparedStatement putQueue;
    private final PreparedStatement dropQueueMessages;
    private final PreparedStatement deleteHeldMessage;
    private final PreparedStatement dropQueueDedup;
    private final PreparedStatement dropQueue;
    /** Index k inserts 2^k rows with one statement ({@link #MAX_ROWS_PER_STATEMENT} at most). */
    private final PreparedStatement[] insertMessages;
    private final PreparedStatement updateDelivery;
    /** Index k deletes 2^k messages by sequence number with one statement. */
    private final PreparedStatement[] deleteMessages;
    private final PreparedStatement deleteMessageById;
    private final PreparedStatement moveMessage;
    private final PreparedStatement purgeQueue;
    private final PreparedStatement putDedup;
    private final PreparedStatement expireDedup;
    private final PreparedStatement raiseSequenceMark;
    private final PreparedStatement makePageable;
    private final PreparedStatement markAllPageable;

    /** Whether this transaction stored a message as held (see {@link StoreOp.InsertMessage#heldInMemory}). */
    private boolean pendingHeld;
    /** Whether the stored {@code all_pageable} is known to be 0 already, so a held message need not write it. */
    private boolean heldMarked;
    /** The highest sequence number written since the last {@link #flushMarks()}. */
    private long pendingMaxSeq;
    /** What the stored mark says: sequence numbers up to it are reserved, so most commits need not write it. */
    private long markedUpTo;
    /** How far ahead the mark reserves: one mark write per this many sequence numbers instead of per commit. */
    static final long SEQUENCE_RESERVE = 10_000;
    /**
     * Consecutive inserts, and consecutive deletes, are written up to this many rows per statement: a statement's
     * fixed cost (the driver's call, binding, the VM's setup) is most of what writing a small row costs.
     */
    static final int MAX_ROWS_PER_STATEMENT = 16;
    private static final String INSERT_COLUMNS = """
            INSERT INTO messages (id, queue, seq, body, attributes, trace_header, group_id, dedup_id, priority,
                sender_id, sent_at, visible_at, receive_count, first_receive_at, receipt_nonce, dead_letter_source,
                pageable)
            VALUES """;
    private static final String INSERT_ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final int INSERT_PARAMS = 17;
    // Messages are found by sequence number; the id is checked too (free once the row is found), so a wrong or
    // guessed number reaches nothing. SQLite looks each OR term up by rowid.
    private static final String DELETE_ROW = "(seq = ? AND id = ? AND (? IS NULL OR queue = ?))";
    private static final int DELETE_PARAMS = 4;

    OpStatements(Connection c) throws SQLException {
        try {
            putQueue = prepare(c, """
                    INSERT INTO queues (name, attributes, tags, created_at, last_modified_at) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (name) DO UPDATE SET attributes = excluded.attributes, tags = excluded.tags,
                        created_at = excluded.created_at, last_modified_at = excluded.last_modified_at""");
            // Through the by-queue index, which holds every message the engine does not: the op names the others.
            dropQueueMessages = prepare(c, "DELETE FROM messages WHERE queue = ? AND pageable = 1");
            deleteHeldMessage = prepare(c, "DELETE FROM messages WHERE seq = ? AND queue = ?");
            dropQueueDedup = prepare(c, "DELETE FROM dedup WHERE queue = ?");
            dropQueue = prepare(c, "DELETE FROM queues WHERE name = ?");
            insertMessages = prepareRows(c, INSERT_COLUMNS, INSERT_ROW, ", ");
            updateDelivery = prepare(c, """
                    UPDATE messages SET visible_at = ?, receive_count = ?, first_receive_at = ?, receipt_nonce = ?
                    WHERE seq = ? AND id = ?""");
            deleteMessages = prepareRows(c, "DELETE FROM messages WHERE ", DELETE_ROW, " OR ");
            // No index on ids: this scans the queue's pageable messages (messages_pageable_by_queue), the only ones
            // the engine deletes by id (it names those it holds by sequence number). Only receipt handles from
            // before sequence numbers were in handles come here.
            deleteMessageById = prepare(c, "DELETE FROM messages WHERE queue = ? AND pageable = 1 AND id = ?");
            moveMessage = prepare(c, """
                    UPDATE messages SET queue = ?, seq = ?, visible_at = ?, receive_count = ?, first_receive_at = ?,
                        receipt_nonce = ?, dead_letter_source = ?, pageable = ?
                    WHERE seq = ? AND id = ?""");
            purgeQueue = prepare(c, "DELETE FROM messages WHERE queue = ? AND pageable = 1 AND seq <= ?");
            putDedup = prepare(c, """
                    INSERT INTO dedup (queue, key, message_id, seq, expires_at) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (queue, key) DO UPDATE SET message_id = excluded.message_id, seq = excluded.seq,
                        expires_at = excluded.expires_at""");
            expireDedup = prepare(c, "DELETE FROM dedup WHERE expires_at < ?");
            raiseSequenceMark = prepare(c, "UPDATE sequence_mark SET max_seq = max(max_seq, ?) WHERE id = 0");
            makePageable = prepare(c, "UPDATE messages SET pageable = 1 WHERE seq = ?");
            markAllPageable = prepare(c, "UPDATE store_state SET all_pageable = ? WHERE id = 0");
        } catch (SQLException e) {
            SqliteSchema.closeAfterFailure(this, e);
            throw e;
        }
    }

    private PreparedStatement prepare(Connection c, String sql) throws SQLException {
        PreparedStatement statement = c.prepareStatement(sql);
        all.add(statement);
        return statement;
    }

    /** Statements of {@code head} followed by 1, 2, 4, … {@link #MAX_ROWS_PER_STATEMENT} copies of {@code row}. */
    private PreparedStatement[] prepareRows(Connection c, String head, String row, String separator)
            throws SQLException {
        PreparedStatement[] statements = new PreparedStatement[rowsExponent(MAX_ROWS_PER_STATEMENT) + 1];
        for (int k = 0; k < statements.length; k++) {
            statements[k] = prepare(c, head + String.join(separator, Collections.nCopies(1 << k, row)));
        }
        return statements;
    }

    /**
     * The parts of {@code ops} that {@link #apply(StoreOp, byte[])} would otherwise encode on the writer thread,
     * index by index (an insert's attributes), or null when there are none. Safe on any thread.
     */
    static byte[][] encode(List<StoreOp> ops) {
        byte[][] encoded = null;
        for (int i = 0; i < ops.size(); i++) {
            if (ops.get(i) instanceof StoreOp.InsertMessage insert) {
                if (encoded == null) {
                    encoded = new byte[ops.size()][];
                }
                encoded[i] = AttributeCodec.encodeAttributes(insert.message().attributes());
            }
        }
        return encoded;
    }

    /** @param encoded what {@link #encode} made of {@code op}, or null to encode it here */
    void apply(StoreOp op, byte[] encoded) throws SQLException {
        if (op instanceof StoreOp.InsertMessage insert) {
            bindInsert(insertMessages[0], 0, insert, encoded);
            insertMessages[0].executeUpdate();
        } else if (op instanceof StoreOp.UpdateDelivery u) {
            updateDelivery.setLong(1, u.visibleAt());
            updateDelivery.setInt(2, u.receiveCount());
            updateDelivery.setLong(3, u.firstReceiveAt());
            updateDelivery.setLong(4, u.receiptNonce());
            updateDelivery.setLong(5, u.seq());
            updateDelivery.setString(6, u.messageId());
            updateDelivery.executeUpdate();
        } else if (op instanceof StoreOp.DeleteMessage d) {
            if (d.seq() == StoreOp.DeleteMessage.UNKNOWN_SEQ) {
                deleteMessageById.setString(1, d.queue());
                deleteMessageById.setString(2, d.messageId());
                deleteMessageById.executeUpdate();
            } else {
                bindDelete(deleteMessages[0], 0, d);
                deleteMessages[0].executeUpdate();
            }
        } else if (op instanceof StoreOp.MoveMessage m) {
            moveMessage.setString(1, m.toQueue());
            moveMessage.setLong(2, m.newSeq());
            moveMessage.setLong(3, m.visibleAt());
            moveMessage.setInt(4, m.receiveCount());
            moveMessage.setLong(5, m.firstReceiveAt());
            moveMessage.setLong(6, m.receiptNonce());
            moveMessage.setString(7, m.deadLetterSource());
            moveMessage.setInt(8, m.heldInMemory() ? 0 : 1);
            pendingHeld |= m.heldInMemory();
            moveMessage.setLong(9, m.seq());
            moveMessage.setString(10, m.messageId());
            moveMessage.executeUpdate();
            noteSeq(m.newSeq());
        } else if (op instanceof StoreOp.ReleaseHeld r) {
            for (long seq : r.seqs()) {
                makePageable.setLong(1, seq);
                makePageable.addBatch();
            }
            makePageable.executeBatch();
            markAllPageable.setInt(1, 1);
            markAllPageable.executeUpdate();
            // a message stored as held earlier in this transaction still clears the mark again (flushMarks)
            heldMarked = false;
        } else if (op instanceof StoreOp.PutDedup p) {
            DedupRecord r = p.record();
            putDedup.setString(1, r.queue());
            putDedup.setString(2, r.key());
            putDedup.setString(3, r.messageId());
            putDedup.setLong(4, r.seq());
            putDedup.setLong(5, r.expiresAt());
            putDedup.executeUpdate();
            noteSeq(r.seq());
        } else if (op instanceof StoreOp.ExpireDedup e) {
            expireDedup.setLong(1, e.before());
            expireDedup.executeUpdate();
        } else if (op instanceof StoreOp.PurgeQueue p) {
            purgeQueue.setString(1, p.queue());
            purgeQueue.setLong(2, p.upToSeq());
            purgeQueue.executeUpdate();
            deleteHeld(p.queue(), p.heldSeqs());
        } else if (op instanceof StoreOp.PutQueue p) {
            StoredQueue q = p.queue();
            putQueue.setString(1, q.name());
            setBlob(putQueue, 2, AttributeCodec.encodeStrings(q.attributes()));
            setBlob(putQueue, 3, AttributeCodec.encodeStrings(q.tags()));
            putQueue.setLong(4, q.createdAt());
            putQueue.setLong(5, q.lastModifiedAt());
            putQueue.executeUpdate();
        } else if (op instanceof StoreOp.DropQueue d) {
            deleteHeld(d.queue(), d.heldSeqs());
            for (PreparedStatement s : List.of(dropQueueMessages, dropQueueDedup, dropQueue)) {
                s.setString(1, d.queue());
                s.executeUpdate();
            }
        } else {
            throw new IllegalArgumentException("unsupported store op " + describe(op));
        }
    }

    /**
     * Applies {@code ops} in order, like {@link #apply} one by one, but writes each run of consecutive inserts, and
     * of consecutive deletes by sequence number, with as few statements as {@link #MAX_ROWS_PER_STATEMENT} allows.
     * A failure then names no single op: the caller redoes the ops one by one to find it.
     *
     * @param encoded what {@link #encode} made of each op, index by index, or null entries
     */
    void applyAll(List<StoreOp> ops, List<byte[]> encoded) throws SQLException {
        int i = 0;
        while (i < ops.size()) {
            StoreOp op = ops.get(i);
            int run;
            if (op instanceof StoreOp.InsertMessage) {
                run = runLength(ops, i, StoreOp.InsertMessage.class::isInstance);
                writeRows(insertMessages, INSERT_PARAMS, i, run, (s, at, index) ->
                        bindInsert(s, at, (StoreOp.InsertMessage) ops.get(index), encoded.get(index)));
            } else if (isDeleteBySeq(op)) {
                run = runLength(ops, i, OpStatements::isDeleteBySeq);
                writeRows(deleteMessages, DELETE_PARAMS, i, run,
                        (s, at, index) -> bindDelete(s, at, (StoreOp.DeleteMessage) ops.get(index)));
            } else {
                run = 1;
                apply(op, encoded.get(i));
            }
            i += run;
        }
    }

    private void deleteHeld(String queue, List<Long> seqs) throws SQLException {
        if (seqs.isEmpty()) {
            return;
        }
        for (long seq : seqs) {
            deleteHeldMessage.setLong(1, seq);
            deleteHeldMessage.setString(2, queue);
            deleteHeldMessage.addBatch();
        }
        deleteHeldMessage.executeBatch();
    }

    private static int runLength(List<StoreOp> ops, int from, Predicate<StoreOp> kind) {
        int end = from + 1;
        while (end < ops.size() && kind.test(ops.get(end))) {
            end++;
        }
        return end - from;
    }

    private static boolean isDeleteBySeq(StoreOp op) {
        return op instanceof StoreOp.DeleteMessage d && d.seq() != StoreOp.DeleteMessage.UNKNOWN_SEQ;
    }

    /** Binds the row of op number {@code index} to parameters {@code at + 1, at + 2, …}. */
    private interface RowBinder {
        void bind(PreparedStatement statement, int at, int index) throws SQLException;
    }

    /** Writes ops {@code from .. from + count - 1} with {@code statements} (index k: 2^k rows), largest first. */
    private static void writeRows(PreparedStatement[] statements, int paramsPerRow, int from, int count,
                                  RowBinder binder) throws SQLException {
        while (count > 0) {
            int k = rowsExponent(count);
            PreparedStatement s = statements[k];
            for (int row = 0; row < 1 << k; row++) {
                binder.bind(s, row * paramsPerRow, from + row);
            }
            s.executeUpdate();
            from += 1 << k;
            count -= 1 << k;
        }
    }

    /** The largest k with 2^k rows at most {@code count} and {@link #MAX_ROWS_PER_STATEMENT}. */
    private static int rowsExponent(int count) {
        return 31 - Integer.numberOfLeadingZeros(Math.min(count, MAX_ROWS_PER_STATEMENT));
    }

    private void bindInsert(PreparedStatement s, int at, StoreOp.InsertMessage insert, byte[] encoded)
            throws SQLException {
        StoredMessage m = insert.message();
        s.setString(at + 1, m.id());
        s.setString(at + 2, m.queue());
        s.setLong(at + 3, m.seq());
        s.setString(at + 4, m.body());
        setBlob(s, at + 5, encoded != null ? encoded : AttributeCodec.encodeAttributes(m.attributes()));
        s.setString(at + 6, m.traceHeader());
        s.setString(at + 7, m.groupId());
        s.setString(at + 8, m.deduplicationId());
        s.setInt(at + 9, m.priority());
        s.setString(at + 10, m.senderId());
        s.setLong(at + 11, m.sentAt());
        s.setLong(at + 12, m.visibleAt());
        s.setInt(at + 13, m.receiveCount());
        s.setLong(at + 14, m.firstReceiveAt());
        s.setLong(at + 15, m.receiptNonce());
        s.setString(at + 16, m.deadLetterSource());
        s.setInt(at + 17, insert.heldInMemory() ? 0 : 1);
        pendingHeld |= insert.heldInMemory();
        noteSeq(m.seq());
    }

    private static void bindDelete(PreparedStatement s, int at, StoreOp.DeleteMessage d) throws SQLException {
        s.setLong(at + 1, d.seq());
        s.setString(at + 2, d.messageId());
        s.setString(at + 3, d.queue());
        s.setString(at + 4, d.queue());
    }

    private static void setBlob(PreparedStatement s, int index, byte[] blob) throws SQLException {
        if (blob == null) {
            s.setNull(index, Types.BLOB);
        } else {
            s.setBytes(index, blob);
        }
    }

    /**
     * An op left out because a later delete supersedes it (see {@link SupersededOps}). A left-out insert's
     * sequence number still counts as written: numbering must not go back to it after a restart.
     */
    void skipped(StoreOp op) {
        if (op instanceof StoreOp.InsertMessage insert) {
            noteSeq(insert.message().seq());
        }
    }

    private void noteSeq(long seq) {
        pendingMaxSeq = Math.max(pendingMaxSeq, seq);
    }

    /**
     * Writes what the transaction's ops imply for the store's marks, just before it commits. The sequence mark
     * stays at or above every sequence number written, reserving {@link #SEQUENCE_RESERVE} numbers at a time so
     * that only about one commit in that many writes it (after a restart numbering goes on above the mark: a gap in
     * sequence numbers is harmless, going backwards is not). A message stored as held clears {@code all_pageable},
     * in the same transaction, once per store session.
     */
    void flushMarks() throws SQLException {
        if (pendingHeld && !heldMarked) {
            markAllPageable.setInt(1, 0);
            markAllPageable.executeUpdate();
            heldMarked = true;
        }
        pendingHeld = false;
        if (pendingMaxSeq > markedUpTo) {
            long reserved = pendingMaxSeq + SEQUENCE_RESERVE;
            raiseSequenceMark.setLong(1, reserved);
            raiseSequenceMark.executeUpdate();
            markedUpTo = reserved;
        }
        pendingMaxSeq = 0;
    }

    /**
     * After a rolled-back transaction the stored marks may not be what this object remembers: the next transaction
     * that needs one writes it again.
     */
    void forgetMarks() {
        markedUpTo = 0;
        heldMarked = false;
        pendingHeld = false;
    }

    /** Names an op for errors and logs: identifiers only, never bodies or attribute values. */
    static String describe(StoreOp op) {
        if (op instanceof StoreOp.InsertMessage i) {
            StoredMessage m = i.message();
            return "InsertMessage(id=" + m.id() + ", queue=" + m.queue() + ", seq=" + m.seq() + ")";
        } else if (op instanceof StoreOp.UpdateDelivery u) {
            return "UpdateDelivery(id=" + u.messageId() + ", seq=" + u.seq() + ")";
        } else if (op instanceof StoreOp.DeleteMessage d) {
            return "DeleteMessage(id=" + d.messageId() + ", seq=" + d.seq() + ")";
        } else if (op instanceof StoreOp.MoveMessage m) {
            return "MoveMessage(id=" + m.messageId() + ", seq=" + m.seq() + ", toQueue=" + m.toQueue() + ", newSeq="
                    + m.newSeq() + ")";
        } else if (op instanceof StoreOp.PutDedup p) {
            return "PutDedup(queue=" + p.record().queue() + ", key=" + p.record().key() + ")";
        } else if (op instanceof StoreOp.PutQueue p) {
            return "PutQueue(queue=" + p.queue().name() + ")";
        } else if (op instanceof StoreOp.PurgeQueue p) {
            return "PurgeQueue(queue=" + p.queue() + ", upToSeq=" + p.upToSeq() + ", held=" + p.heldSeqs().size() + ")";
        } else if (op instanceof StoreOp.DropQueue d) {
            return "DropQueue(queue=" + d.queue() + ", held=" + d.heldSeqs().size() + ")";
        } else if (op == null) {
            return "null";
        }
        // The remaining ops carry only identifiers and numbers.
        return op.toString();
    }

    @Override
    public void close() throws SQLException {
        SQLException failure = null;
        for (PreparedStatement s : all) {
            try {
                s.close();
            } catch (SQLException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
