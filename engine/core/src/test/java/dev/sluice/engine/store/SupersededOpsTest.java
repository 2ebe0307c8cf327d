package dev.sluice.engine.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/** Which ops a transaction may leave out because it deletes the message anyway. */
class SupersededOpsTest {

    @TempDir
    Path dir;

    private static StoreOp.UpdateDelivery update(String id, String queue) {
        return new StoreOp.UpdateDelivery(id, seq(id), queue, 1, 1, 1, 1);
    }

    private static StoreOp.DeleteMessage delete(String id, String queue) {
        return new StoreOp.DeleteMessage(id, seq(id), queue);
    }

    private static StoreOp.InsertMessage insert(String id, String queue) {
        return new StoreOp.InsertMessage(SqliteStoreTest.message(id, queue, seq(id), "body of " + id));
    }

    /** The tests' messages are m1, m2, …, stored under 1, 2, … */
    private static long seq(String id) {
        return Long.parseLong(id.substring(1));
    }

    @Test
    void anUpdateFollowedByADeleteOfTheSameMessageInItsQueueIsSuperseded() {
        StoreOp.UpdateDelivery received = update("m1", "q");
        StoreOp.UpdateDelivery other = update("m2", "q");
        StoreOp.DeleteMessage delete = delete("m1", "q");
        assertThat(SupersededOps.in(List.of(List.of(received), List.of(other), List.of(delete))))
                .containsExactly(received);
        assertThat(SupersededOps.in(List.of(List.of(received, delete("m1", null)))))
                .containsExactly(received);
    }

    @Test
    void anUpdateAfterTheDeleteOrADeleteAimedAtAnotherQueueIsKept() {
        assertThat(SupersededOps.in(List.of(List.of(delete("m1", "q")),
                List.of(update("m1", "q"))))).isEmpty();
        assertThat(SupersededOps.in(List.of(List.of(update("m1", "dlq")),
                List.of(delete("m1", "q"))))).isEmpty();
    }

    @Test
    void aMoveBetweenUpdateAndDeleteKeepsTheUpdate() {
        StoreOp move = new StoreOp.MoveMessage("m1", 1, "dlq", 9, 0, 1, 1, 1, "q", false);
        assertThat(SupersededOps.in(List.of(List.of(update("m1", "q")), List.of(move),
                List.of(delete("m1", "q"))))).isEmpty();
    }

    @Test
    void aMessageSentReceivedAndDeletedInOneTransactionLeavesNothingToWrite() {
        StoreOp.InsertMessage sent = insert("m1", "q");
        StoreOp.UpdateDelivery received = update("m1", "q");
        StoreOp.DeleteMessage deleted = delete("m1", "q");
        StoreOp.InsertMessage neighbour = insert("m2", "q");
        assertThat(SupersededOps.in(List.of(List.of(sent, neighbour), List.of(received), List.of(deleted))))
                .containsExactlyInAnyOrder(sent, received, deleted);
        // a delete by id names the queue, one by number may name none
        StoreOp.DeleteMessage byId = new StoreOp.DeleteMessage("m1", StoreOp.DeleteMessage.UNKNOWN_SEQ, "q");
        assertThat(SupersededOps.in(List.of(List.of(sent), List.of(byId)))).containsExactlyInAnyOrder(sent, byId);
        StoreOp.DeleteMessage anywhere = delete("m1", null);
        assertThat(SupersededOps.in(List.of(List.of(sent), List.of(anywhere))))
                .containsExactlyInAnyOrder(sent, anywhere);
    }

    @Test
    void anInsertIsKeptWhenTheDeleteWouldNotReachIt() {
        StoreOp.InsertMessage sent = insert("m1", "q");
        // another queue, another number, the delete before the insert
        assertThat(SupersededOps.in(List.of(List.of(sent), List.of(delete("m1", "other"))))).isEmpty();
        assertThat(SupersededOps.in(List.of(List.of(sent), List.of(new StoreOp.DeleteMessage("m1", 7, "q")))))
                .isEmpty();
        assertThat(SupersededOps.in(List.of(List.of(delete("m1", "q")), List.of(sent)))).isEmpty();
        // moved, purged or its queue dropped in between: the delete may find it elsewhere, or nothing
        StoreOp move = new StoreOp.MoveMessage("m1", 1, "dlq", 9, 0, 1, 1, 1, "q", false);
        assertThat(SupersededOps.in(List.of(List.of(sent), List.of(move),
                List.of(new StoreOp.DeleteMessage("m1", 9, "dlq"))))).isEmpty();
        assertThat(SupersededOps.in(List.of(List.of(sent), List.of(new StoreOp.PurgeQueue("q", 0, List.of())),
                List.of(delete("m1", "q"))))).isEmpty();
        assertThat(SupersededOps.in(List.of(List.of(sent), List.of(new StoreOp.DropQueue("other", List.of())),
                List.of(delete("m1", "q"))))).isEmpty();
    }

    @Test
    void randomMixesEndAsIfNothingWereLeftOut() throws Exception {
        Random random = new Random(20261207L);
        for (int round = 0; round < 40; round++) {
            List<StoreOp> ops = new ArrayList<>(MultiRowWritesTest.randomOps(random, 60));
            if (random.nextBoolean()) {
                ops.add(random.nextInt(ops.size()), random.nextBoolean()
                        ? new StoreOp.PurgeQueue("p", random.nextInt(200), List.of()) : new StoreOp.DropQueue("p", List.of()));
            }
            List<List<StoreOp>> units = new ArrayList<>();
            for (int i = 0; i < ops.size(); ) {
                int size = Math.min(ops.size() - i, 1 + random.nextInt(6));
                units.add(ops.subList(i, i + size));
                i += size;
            }
            Set<StoreOp> superseded = SupersededOps.in(units);

            List<List<Object>> everything;
            long everythingMark;
            try (Connection c = MultiRowWritesTest.open(dir, "all-" + round); OpStatements statements = new OpStatements(c)) {
                MultiRowWritesTest.inTransaction(c, () -> {
                    for (StoreOp op : ops) {
                        statements.apply(op, null);
                    }
                    statements.flushMarks();
                });
                everything = MultiRowWritesTest.rows(c);
                everythingMark = sequenceMark(c);
            }
            try (Connection c = MultiRowWritesTest.open(dir, "left-out-" + round);
                 OpStatements statements = new OpStatements(c)) {
                MultiRowWritesTest.inTransaction(c, () -> {
                    for (StoreOp op : ops) {
                        if (superseded.contains(op)) {
                            statements.skipped(op);
                        } else {
                            statements.apply(op, null);
                        }
                    }
                    statements.flushMarks();
                });
                assertThat(MultiRowWritesTest.rows(c)).as("round %d: %s left out", round, superseded.size())
                        .isEqualTo(everything);
                assertThat(sequenceMark(c)).as("round %d: sequence mark", round).isEqualTo(everythingMark);
            }
        }
    }

    private static long sequenceMark(Connection c) throws Exception {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT max_seq FROM sequence_mark WHERE id = 0")) {
            assertThat(rs.next()).isTrue();
            return rs.getLong(1);
        }
    }

    @Test
    void theStoreWritesOnlyTheDeleteYetEndsInTheSameState() {
        // through the real writer: the update is skipped, the message is gone, a neighbour's update stays
        try (SqliteStore store = SqliteStore.open(dir)) {
            store.submit(List.of(new StoreOp.PutQueue(new StoredQueue("q", Map.of(), Map.of(), 1, 1)))).join();
            store.submit(List.of(insert("m1", "q"), insert("m2", "q"))).join();
            store.submit(List.of(update("m1", "q"), new StoreOp.UpdateDelivery("m2", 2, "q", 7_000, 3, 5, 9),
                    delete("m1", "q"))).join();
            List<StoredMessage> left = store.loadMessages("q", 0, 10);
            assertThat(left).extracting(StoredMessage::id).containsExactly("m2");
            assertThat(left.get(0).receiveCount()).isEqualTo(3);
        }
    }

    @Test
    void aMessageSentAndDeletedInOneTransactionIsNeitherStoredNorItsNumberReused() {
        try (SqliteStore store = SqliteStore.open(dir)) {
            CountDownLatch gate = SqliteStoreTest.holdWriter(store);
            long transactions = store.transactionCount();
            // m20000: beyond what the mark reserves ahead of m2 (OpStatements.SEQUENCE_RESERVE)
            CompletableFuture<Void> sent = store.submit(List.of(insert("m2", "q"), insert("m20000", "q")));
            CompletableFuture<Void> received = store.submitLazy(List.of(update("m20000", "q")));
            CompletableFuture<Void> deleted = store.submitLazy(List.of(delete("m20000", "q")));
            gate.countDown();
            assertThat(CompletableFuture.allOf(sent, received, deleted)).succeedsWithin(Duration.ofSeconds(10));
            assertThat(store.transactionCount() - transactions).as("one transaction").isEqualTo(1);
            assertThat(store.loadMessages("q", 0, 10)).extracting(StoredMessage::id).containsExactly("m2");
        }
        try (SqliteStore reopened = SqliteStore.open(dir)) {
            assertThat(reopened.loadMessages("q", 0, 10)).extracting(StoredMessage::id).containsExactly("m2");
            assertThat(reopened.maxSequence()).as("numbering goes on above the left-out insert").isGreaterThanOrEqualTo(20_000);
        }
    }

    @Test
    void anInsertStaysWhenTheUnitDeletingItIsRejected() {
        try (SqliteStore store = SqliteStore.open(dir)) {
            store.submit(List.of(insert("m1", "q"))).join();
            CountDownLatch gate = SqliteStoreTest.holdWriter(store);
            CompletableFuture<Void> sent = store.submit(List.of(insert("m2", "q")));
            // the delete shares its unit with an insert that breaks the primary key: the whole unit is undone
            CompletableFuture<Void> rejected = store.submit(List.of(delete("m2", "q"), insert("m1", "q")));
            gate.countDown();
            assertThat(sent).succeedsWithin(Duration.ofSeconds(10));
            assertThat(rejected).failsWithin(Duration.ofSeconds(10));
        }
        try (SqliteStore reopened = SqliteStore.open(dir)) {
            assertThat(reopened.loadMessages("q", 0, 10)).extracting(StoredMessage::id).containsExactly("m1", "m2");
        }
    }
}
