package dev.sluice.engine.store;

import dev.sluice.engine.model.MessageAttribute;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link OpStatements#applyAll} writes runs of inserts and deletes with multi-row statements; the database must
 * end exactly as if every op had been applied alone, in order ({@link OpStatements#apply}).
 */
class MultiRowWritesTest {

    @TempDir
    Path dir;

    @Test
    void everyRunLengthOfInsertsAndThenDeletesEndsAsOneByOne() throws Exception {
        for (int run = 1; run <= 3 * OpStatements.MAX_ROWS_PER_STATEMENT + 3; run++) {
            List<StoreOp> ops = new ArrayList<>();
            for (int i = 1; i <= run; i++) {
                ops.add(new StoreOp.InsertMessage(message("m" + i, "q", i)));
            }
            assertSameAsOneByOne("inserts, run " + run, ops);
            // then delete them all but the last, as one run: the stored rows must be exactly the last one
            List<StoreOp> deletes = new ArrayList<>(ops);
            for (int i = 1; i < run; i++) {
                deletes.add(new StoreOp.DeleteMessage("m" + i, i, i % 2 == 0 ? "q" : null));
            }
            List<List<Object>> rows = assertSameAsOneByOne("inserts and deletes, run " + run, deletes);
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0).get(0)).isEqualTo((long) run);
        }
    }

    @Test
    void aDeleteInARunRemovesOnlyTheMessageItNamesInTheQueueItNames() throws Exception {
        List<StoreOp> ops = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            ops.add(new StoreOp.InsertMessage(message("m" + i, "q", i)));
        }
        ops.add(new StoreOp.DeleteMessage("m1", 1, "q"));
        ops.add(new StoreOp.DeleteMessage("not-m2", 2, "q")); // right number, wrong id
        ops.add(new StoreOp.DeleteMessage("m3", 3, "other")); // wrong queue
        ops.add(new StoreOp.DeleteMessage("m4", 4, null)); // any queue
        ops.add(new StoreOp.DeleteMessage("m5", 99, "q")); // wrong number
        ops.add(new StoreOp.DeleteMessage("m6", 6, "q"));

        List<List<Object>> rows = assertSameAsOneByOne("deletes", ops);

        assertThat(rows).extracting(row -> row.get(1)).containsExactly("m2", "m3", "m5");
    }

    @Test
    void randomMixesOfEveryKindOfOpEndAsOneByOne() throws Exception {
        Random random = new Random(20261207);
        for (int round = 0; round < 40; round++) {
            assertSameAsOneByOne("round " + round, randomOps(random, 80));
        }
    }

    @Test
    void aRunThatBreaksAConstraintFailsAsAWhole() throws Exception {
        List<StoreOp> ops = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            ops.add(new StoreOp.InsertMessage(message("m" + i, "q", i)));
        }
        ops.add(new StoreOp.InsertMessage(message("again", "q", 4))); // a sequence number already stored

        try (Connection c = open("constraint"); OpStatements statements = new OpStatements(c)) {
            try (Statement s = c.createStatement()) {
                s.execute("BEGIN IMMEDIATE");
            }
            assertThatThrownBy(() -> statements.applyAll(ops, nulls(ops.size())))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("UNIQUE constraint failed: messages.seq");
        }
    }

    /**
     * Inserts in runs, deletes (some of which delete nothing: the wrong queue, a stale id), delivery updates (of the
     * queue a message is in, as the engine makes them), moves to a dead-letter queue and deletes by id.
     */
    static List<StoreOp> randomOps(Random random, int count) {
        List<StoreOp> ops = new ArrayList<>();
        List<Long> stored = new ArrayList<>();
        Map<Long, String[]> idAndQueue = new HashMap<>();
        long next = 1;
        for (int i = 0; i < count; i++) {
            int kind = random.nextInt(10);
            if (kind < 4 || stored.isEmpty()) {
                // inserts come in runs, as units of transacted sends do
                int run = 1 + random.nextInt(12);
                for (int r = 0; r < run; r++, next++) {
                    String queue = random.nextBoolean() ? "q" : "p";
                    ops.add(new StoreOp.InsertMessage(message("m" + next, queue, next)));
                    stored.add(next);
                    idAndQueue.put(next, new String[] {"m" + next, queue});
                }
            } else if (kind < 7) {
                int run = 1 + random.nextInt(12);
                for (int r = 0; r < run && !stored.isEmpty(); r++) {
                    long seq = stored.remove(random.nextInt(stored.size()));
                    // now and then one that deletes nothing: the wrong queue or an old handle's id
                    String queue = random.nextInt(5) == 0 ? "p" : random.nextBoolean() ? "q" : null;
                    String id = random.nextInt(8) == 0 ? "stale" : idAndQueue.get(seq)[0];
                    ops.add(new StoreOp.DeleteMessage(id, seq, queue));
                }
            } else if (kind == 7) {
                long seq = stored.get(random.nextInt(stored.size()));
                String[] message = idAndQueue.get(seq);
                ops.add(new StoreOp.UpdateDelivery(message[0], seq, message[1], 5_000 + i, 1 + i, 1_000, i));
            } else if (kind == 8) {
                long seq = stored.remove(random.nextInt(stored.size()));
                long moved = next++;
                String id = idAndQueue.get(seq)[0];
                ops.add(new StoreOp.MoveMessage(id, seq, "dlq", moved, 0, 3, 1_000, 0, "q", false));
                stored.add(moved);
                idAndQueue.put(moved, new String[] {id, "dlq"});
            } else {
                long seq = stored.get(random.nextInt(stored.size()));
                ops.add(new StoreOp.DeleteMessage(idAndQueue.get(seq)[0], StoreOp.DeleteMessage.UNKNOWN_SEQ, "q"));
            }
        }
        return ops;
    }

    private static StoredMessage message(String id, String queue, long seq) {
        return new StoredMessage(id, queue, seq, "body of " + id + " é\u20ac",
                Map.of("n", MessageAttribute.number(Long.toString(seq)), "s", MessageAttribute.string(id)),
                seq % 3 == 0 ? "Root=1-" + seq : null, null, seq % 4 == 0 ? "dedup-" + seq : null, (int) (seq % 10),
                "sender", 1_000 + seq, 2_000 + seq, 0, 0, seq * 7, seq % 5 == 0 ? "source" : null);
    }

    /** Applies {@code ops} both ways on two fresh databases; returns the rows, which must be the same. */
    private List<List<Object>> assertSameAsOneByOne(String what, List<StoreOp> ops) throws Exception {
        String name = what.replaceAll("[^a-z0-9]+", "-");
        List<List<Object>> oneByOne;
        try (Connection c = open(name + "-single"); OpStatements statements = new OpStatements(c)) {
            inTransaction(c, () -> {
                for (StoreOp op : ops) {
                    statements.apply(op, null);
                }
            });
            oneByOne = rows(c);
        }
        List<List<Object>> together;
        try (Connection c = open(name + "-runs"); OpStatements statements = new OpStatements(c)) {
            List<byte[]> encoded = Arrays.asList(OpStatements.encode(ops) == null ? new byte[ops.size()][]
                    : OpStatements.encode(ops));
            inTransaction(c, () -> statements.applyAll(ops, encoded));
            together = rows(c);
        }
        assertThat(together).as(what).isEqualTo(oneByOne);
        return together;
    }

    interface SqlRunnable {
        void run() throws SQLException;
    }

    static void inTransaction(Connection c, SqlRunnable work) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            work.run();
            s.execute("COMMIT");
        }
    }

    private Connection open(String name) throws SQLException {
        return open(dir, name);
    }

    /** A fresh database of the current schema, as the writer opens it. */
    static Connection open(Path dir, String name) throws SQLException {
        Path file = dir.resolve(name + ".db");
        Connection c = SqliteSchema.openWriter(file);
        SqliteSchema.migrate(c, file);
        return c;
    }

    private static List<byte[]> nulls(int size) {
        return Arrays.asList(new byte[size][]);
    }

    /** Every column of every message, in sequence order; blobs as lists so that equal contents compare equal. */
    static List<List<Object>> rows(Connection c) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM messages ORDER BY seq")) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    Object value = rs.getObject(i);
                    row.add(value instanceof byte[] bytes ? toList(bytes) : value instanceof Integer n ? n.longValue() : value);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static List<Byte> toList(byte[] bytes) {
        List<Byte> list = new ArrayList<>(bytes.length);
        for (byte b : bytes) {
            list.add(b);
        }
        return list;
    }
}
