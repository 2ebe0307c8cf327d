package dev.sluice.engine.store;

import dev.sluice.engine.EngineOptions;
import dev.sluice.engine.SqsEngine;
import dev.sluice.engine.model.MessageAttribute;
import dev.sluice.engine.model.SendMessageRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqliteStoreTest {

    @TempDir
    Path dir;

    private final List<SqliteStore> opened = new ArrayList<>();

    @AfterEach
    void closeStores() {
        opened.forEach(SqliteStore::close);
    }

    private SqliteStore open() {
        SqliteStore store = SqliteStore.open(dir);
        opened.add(store);
        return store;
    }

    private SqliteStore reopen(SqliteStore store) {
        store.close();
        return open();
    }

    static StoredMessage message(String id, String queue, long seq, String body) {
        return new StoredMessage(id, queue, seq, body, Map.of(), null, null, null, 0, null, 1000, 1000, 0, 0, 0,
                null);
    }

    private static StoreOp insert(String id, String queue, long seq) {
        return new StoreOp.InsertMessage(message(id, queue, seq, "body of " + id));
    }

    private static MessageKey key(String id, long seq) {
        return new MessageKey(id, seq);
    }

    private static List<String> ids(List<StoredMessage> messages) {
        return messages.stream().map(StoredMessage::id).toList();
    }

    /** How many messages the store holds for {@code queue}, as a start of the engine counts them. */
    private static long count(SqliteStore store, String queue) {
        MessageStore.FirstPage first = store.loadFirstPages(0).get(queue);
        return first == null ? 0 : first.total();
    }

    /** Holds the writer thread until the returned latch is released, so that what follows lands in one batch. */
    static CountDownLatch holdWriter(SqliteStore store) {
        CountDownLatch gate = new CountDownLatch(1);
        CountDownLatch held = new CountDownLatch(1);
        store.writer().readAsync(c -> {
            held.countDown();
            gate.await();
            return null;
        });
        try {
            held.await();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        return gate;
    }

    @Test
    void everythingRoundTripsAcrossReopen() {
        SqliteStore store = open();
        StoredQueue orders = new StoredQueue("orders.fifo", Map.of("FifoQueue", "true", "VisibilityTimeout", "45"),
                Map.of("team", "payments", "cost-centre", "€ 42"), 111, 222);
        StoredQueue empty = new StoredQueue("bare", Map.of(), Map.of(), 5, 6);
        Map<String, MessageAttribute> attributes = Map.of(
                "text", MessageAttribute.string("ünïcödé 😀"),
                "number", MessageAttribute.number("3.14"),
                "binary", MessageAttribute.binary(new byte[] {0, 1, -2, 127, -128}),
                "labelled", new MessageAttribute("Binary.png", null, new byte[] {9}));
        String body = "supplementary 😀𝄞 and BMP ☃ and nul-free ascii <>&\"' \t\n";
        StoredMessage full = new StoredMessage("m-1", "orders.fifo", 7, body, attributes, "Root=1-abc",
                "group-a", "dedup-a", 3, "AIDAEXAMPLE", 1_700_000_000_123L, 1_700_000_030_000L, 2,
                1_700_000_001_000L, -987_654_321_012L, "orders-source");
        StoredMessage sparse = message("m-2", "orders.fifo", 9, "");
        DedupRecord dedup = new DedupRecord("orders.fifo", "dedup-a", "m-1", 7, 5_000);
        DedupRecord expired = new DedupRecord("orders.fifo", "old", "m-0", 3, 100);

        store.submit(List.of(new StoreOp.PutQueue(orders), new StoreOp.PutQueue(empty))).join();
        store.submit(List.of(new StoreOp.InsertMessage(full), new StoreOp.PutDedup(dedup),
                new StoreOp.PutDedup(expired))).join();
        store.submit(new StoreOp.InsertMessage(sparse)).join();

        store = reopen(store);

        assertThat(store.loadQueues()).containsExactly(empty, orders);
        assertThat(store.loadMessages("orders.fifo", 0, 10)).containsExactly(
                new StoredMessage("m-1", "orders.fifo", 7, null, attributes, "Root=1-abc", "group-a", "dedup-a", 3,
                        "AIDAEXAMPLE", 1_700_000_000_123L, 1_700_000_030_000L, 2, 1_700_000_001_000L,
                        -987_654_321_012L, "orders-source"),
                message("m-2", "orders.fifo", 9, null));
        assertThat(store.loadBody(key("m-1", 7))).isEqualTo(body);
        assertThat(store.loadBody(key("m-2", 9))).isEmpty();
        assertThat(store.loadBody(key("missing", 8))).isNull();
        assertThat(store.loadDedup(100)).containsExactly(dedup);
        // at least the highest stored number; the store may reserve up to SEQUENCE_RESERVE beyond it
        assertThat(store.maxSequence()).isBetween(9L, 9 + OpStatements.SEQUENCE_RESERVE);
        assertThat(store.loadMessages("orders.fifo", 7, 10)).hasSize(1);
        assertThat(store.keepsBodiesInEngine()).isFalse();
    }

    @Test
    void messagesHeldInMemoryAreLeftToTheEngineUntilItsNextStart() {
        SqliteStore store = open();
        store.submit(List.of(held("h1", "q", 1), insert("p2", "q", 2), held("h3", "q", 3), held("h4", "q", 4),
                held("x5", "purged", 5), insert("x6", "purged", 6), held("x7", "purged", 7),
                held("y8", "dropped", 8), insert("y9", "dropped", 9),
                new StoreOp.MoveMessage("h4", 4, "dlq", 10, 0, 1, 1, 0, "q", true),
                new StoreOp.MoveMessage("p2", 2, "dlq", 11, 0, 1, 1, 0, "q", false))).join();
        assertThat(ids(store.loadMessages("q", 0, 10))).as("paging skips what the engine holds").isEmpty();
        assertThat(ids(store.loadMessages("dlq", 0, 10))).containsExactly("p2");

        // the engine names what it holds; the store finds the rest itself
        store.submit(List.of(new StoreOp.PurgeQueue("purged", 6, List.of(5L)),
                new StoreOp.DropQueue("dropped", List.of(8L)))).join();
        store = reopen(store);
        Map<String, MessageStore.FirstPage> first = store.loadFirstPages(1);
        assertThat(first.keySet()).containsExactlyInAnyOrder("q", "dlq", "purged");
        assertThat(first.get("q").messages()).extracting(StoredMessage::id).containsExactly("h1");
        assertThat(first.get("q").total()).isEqualTo(2);
        assertThat(first.get("dlq").messages()).extracting(StoredMessage::id).containsExactly("h4");
        assertThat(first.get("purged").messages()).extracting(StoredMessage::id).containsExactly("x7");

        // past the first page everything can be paged in again, also after one more start
        assertThat(ids(store.loadMessages("q", 1, 10))).containsExactly("h3");
        assertThat(ids(store.loadMessages("dlq", 10, 10))).containsExactly("p2");
        store = reopen(store);
        assertThat(ids(store.loadMessages("q", 1, 10))).containsExactly("h3");
    }

    @Test
    void aStartFindsEveryMessageThroughTheIndexOnlyWhileNoneIsStoredAsHeld() {
        SqliteStore store = open();
        assertThat(store.allPageable()).as("a new store").isTrue();
        store.submit(insert("p1", "q", 1)).join();
        assertThat(store.allPageable()).isTrue();
        store.submit(held("h2", "q", 2)).join();
        assertThat(store.allPageable()).isFalse();
        store.submit(new StoreOp.ReleaseHeld(List.of(2L))).join();
        assertThat(store.allPageable()).as("released at close").isTrue();
        assertThat(ids(store.loadMessages("q", 0, 10))).containsExactly("p1", "h2");

        store.submit(held("h3", "q", 3)).join();
        assertThat(store.allPageable()).as("held again after the release").isFalse();
        CountDownLatch gate = holdWriter(store);
        CompletableFuture<Void> heldFirst = store.submit(held("h4", "q", 4));
        CompletableFuture<Void> release = store.submit(new StoreOp.ReleaseHeld(List.of(3L)));
        gate.countDown();
        CompletableFuture.allOf(heldFirst, release).join();
        assertThat(store.allPageable()).as("held earlier in the releasing transaction").isFalse();

        store = reopen(store);
        assertThat(store.loadFirstPages(10).get("q").messages()).extracting(StoredMessage::id)
                .containsExactly("p1", "h2", "h3", "h4");
    }

    @Test
    void anEngineThatClosesLeavesEveryMessageFindableThroughTheIndex() {
        try (SqsEngine engine = SqsEngine.open(EngineOptions.durable(dir).withMemoryLimitPerQueue(5))) {
            engine.createQueue("q", Map.of(), Map.of());
            for (int i = 0; i < 8; i++) {
                engine.sendMessage(SendMessageRequest.of("q", "m" + i)); // five held in memory, three beyond
            }
        }
        SqliteStore store = open();
        assertThat(store.allPageable()).isTrue();
        assertThat(store.loadMessages("q", 0, 10)).hasSize(8);
    }

    private static StoreOp held(String id, String queue, long seq) {
        return new StoreOp.InsertMessage(message(id, queue, seq, "body of " + id), true);
    }

    @Test
    void everyOpTakesEffectDurably() {
        SqliteStore store = open();
        StoredQueue a = new StoredQueue("a", Map.of("DelaySeconds", "0"), Map.of(), 1, 1);
        store.submit(List.of(new StoreOp.PutQueue(a), new StoreOp.PutQueue(new StoredQueue("dlq", Map.of(),
                Map.of(), 1, 1)), new StoreOp.PutQueue(new StoredQueue("doomed", Map.of(), Map.of(), 1, 1)))).join();
        for (int i = 1; i <= 6; i++) {
            store.submit(insert("a" + i, "a", i));
        }
        store.submit(List.of(insert("d1", "doomed", 7), new StoreOp.PutDedup(new DedupRecord("doomed", "k", "d1", 7,
                10_000)), new StoreOp.PutDedup(new DedupRecord("a", "k", "a1", 1, 10_000)),
                new StoreOp.PutDedup(new DedupRecord("a", "old", "a2", 2, 50)))).join();

        StoredQueue a2 = new StoredQueue("a", Map.of("DelaySeconds", "5"), Map.of("env", "prod"), 1, 99);
        store.submit(List.of(
                new StoreOp.PutQueue(a2),
                new StoreOp.UpdateDelivery("a3", 3, "q", 40_000, 1, 30_000, 77),
                new StoreOp.DeleteMessage("a4", 4, null),
                // a receipt handle from before sequence numbers were in handles
                new StoreOp.DeleteMessage("a6", StoreOp.DeleteMessage.UNKNOWN_SEQ, "a"),
                new StoreOp.MoveMessage("a5", 5, "dlq", 20, 0, 0, 0, 0, "a", false),
                new StoreOp.PurgeQueue("a", 2, List.of()),
                new StoreOp.DropQueue("doomed", List.of()),
                new StoreOp.PutDedup(new DedupRecord("a", "k", "a6", 6, 20_000)),
                new StoreOp.ExpireDedup(100))).join();

        store = reopen(store);

        assertThat(store.loadQueues()).extracting(StoredQueue::name).containsExactly("a", "dlq");
        assertThat(store.loadQueues().get(0)).isEqualTo(a2);
        List<StoredMessage> remaining = store.loadMessages("a", 0, 100);
        assertThat(ids(remaining)).containsExactly("a3");
        assertThat(remaining.get(0)).extracting(StoredMessage::visibleAt, StoredMessage::receiveCount,
                StoredMessage::firstReceiveAt, StoredMessage::receiptNonce).containsExactly(40_000L, 1, 30_000L, 77L);
        StoredMessage moved = store.loadMessages("dlq", 0, 100).get(0);
        assertThat(moved).extracting(StoredMessage::id, StoredMessage::seq, StoredMessage::deadLetterSource)
                .containsExactly("a5", 20L, "a");
        assertThat(store.loadBody(key("a5", 20))).isEqualTo("body of a5");
        assertThat(store.loadBody(key("a5", 5))).as("not under its old number").isNull();
        assertThat(store.loadBody(key("d1", 7))).isNull();
        assertThat(count(store, "doomed")).isZero();
        assertThat(store.loadDedup(0)).containsExactly(new DedupRecord("a", "k", "a6", 6, 20_000));
        assertThat(store.maxSequence()).isBetween(20L, 20 + OpStatements.SEQUENCE_RESERVE);
    }

    @Test
    void anOpNamingAMessageByTheNumberOfAnotherChangesNothing() {
        SqliteStore store = open();
        store.submit(List.of(insert("m1", "q", 1), insert("m2", "q", 2))).join();
        store.submit(List.of(new StoreOp.UpdateDelivery("m1", 2, "q", 9, 9, 9, 9),
                new StoreOp.MoveMessage("m1", 2, "dlq", 3, 0, 1, 1, 0, "q", false),
                new StoreOp.DeleteMessage("m2", 1, "q"))).join();
        store = reopen(store);
        assertThat(store.loadMessages("q", 0, 10)).containsExactly(message("m1", "q", 1, null),
                message("m2", "q", 2, null));
        assertThat(store.loadMessages("dlq", 0, 10)).isEmpty();
    }

    @Test
    void maxSequenceSurvivesDeletionOfEveryRow() {
        SqliteStore store = open();
        store.submit(List.of(insert("x", "q", 41), new StoreOp.PutDedup(new DedupRecord("q", "k", "x", 42, 10))))
                .join();
        store.submit(List.of(new StoreOp.PurgeQueue("q", Long.MAX_VALUE, List.of()), new StoreOp.ExpireDedup(Long.MAX_VALUE)))
                .join();
        store = reopen(store);
        assertThat(store.maxSequence()).isBetween(42L, 42 + OpStatements.SEQUENCE_RESERVE);
        assertThat(store.loadMessages("q", 0, 10)).isEmpty();
    }

    @Test
    void aFailingUnitIsUndoneAloneAndTheRestOfItsBatchCommits() {
        SqliteStore store = open();
        store.submit(insert("existing", "q", 1)).join();

        CountDownLatch gate = holdWriter(store);
        long transactionsBefore = store.transactionCount();
        CompletableFuture<Void> before = store.submit(insert("before", "q", 2));
        CompletableFuture<Void> failing = store.submit(List.of(insert("partOfFailure", "q", 3),
                new StoreOp.DeleteMessage("existing", 1, "q"), insert("existing", "q", 4), insert("again", "q", 4)));
        CompletableFuture<Void> after = store.submit(insert("after", "q", 6));
        gate.countDown();

        before.join();
        after.join();
        assertThat(failing).failsWithin(java.time.Duration.ofSeconds(10))
                .withThrowableThat().havingCause().isInstanceOf(IllegalStateException.class)
                .withMessageContaining(store.toString())
                .withMessageContaining("InsertMessage(id=again, queue=q, seq=4)")
                .withMessageContaining("UNIQUE constraint failed");
        assertThat(store.transactionCount() - transactionsBefore).isEqualTo(1);

        store = reopen(store);
        assertThat(ids(store.loadMessages("q", 0, 100))).containsExactly("existing", "before", "after");
        assertThat(store.loadMessages("q", 0, 100).get(0).seq()).isEqualTo(1);
    }

    @Test
    void unitsApplyInSubmissionOrderWithinABatch() {
        SqliteStore store = open();
        CountDownLatch gate = holdWriter(store);
        List<CompletableFuture<Void>> futures = new ArrayList<>();
        futures.add(store.submit(insert("x", "q", 1)));
        futures.add(store.submit(new StoreOp.DeleteMessage("x", 1, null)));
        futures.add(store.submit(new StoreOp.DeleteMessage("y", 2, null)));
        futures.add(store.submit(insert("y", "q", 2)));
        for (int nonce = 1; nonce <= 50; nonce++) {
            futures.add(store.submit(new StoreOp.UpdateDelivery("y", 2, "q", nonce, nonce, 1, nonce)));
        }
        futures.add(store.submit(new StoreOp.PutDedup(new DedupRecord("q", "k", "first", 1, 100))));
        futures.add(store.submit(new StoreOp.PutDedup(new DedupRecord("q", "k", "second", 2, 200))));
        gate.countDown();
        futures.forEach(CompletableFuture::join);

        store = reopen(store);
        List<StoredMessage> messages = store.loadMessages("q", 0, 10);
        assertThat(ids(messages)).containsExactly("y");
        assertThat(messages.get(0).receiptNonce()).isEqualTo(50);
        assertThat(store.loadDedup(0)).containsExactly(new DedupRecord("q", "k", "second", 2, 200));
    }

    @Test
    void loadMessagesSeesASubmittedButUncommittedInsert() {
        SqliteStore store = open();
        store.submit(insert("committed", "q", 1)).join();
        CountDownLatch gate = holdWriter(store);
        CompletableFuture<Void> pending = store.submit(insert("pending", "q", 2));
        assertThat(pending).isNotDone();
        CompletableFuture<List<StoredMessage>> loaded = CompletableFuture.supplyAsync(
                () -> store.loadMessages("q", 0, 10));
        CompletableFuture<Long> counted = CompletableFuture.supplyAsync(() -> count(store, "q"));
        gate.countDown();

        assertThat(ids(loaded.join())).containsExactly("committed", "pending");
        assertThat(loaded.join()).allSatisfy(m -> assertThat(m.body()).isNull());
        assertThat(counted.join()).isEqualTo(2);
        assertThat(store.loadMessages("q", 1, 10)).hasSize(1);
        assertThat(store.loadMessages("q", 0, 0)).isEmpty();
    }

    @Test
    void concurrentSubmittersAreGroupCommitted() throws Exception {
        int threads = 8;
        int perThread = 5_000;
        SqliteStore store = open();
        long transactionsBefore = store.transactionCount();
        long flushesBefore = store.flushCount();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<CompletableFuture<Void>>>> submitted = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String queue = "q" + t;
            long firstSeq = (long) t * perThread; // sequence numbers are engine-wide
            submitted.add(pool.submit(() -> {
                List<CompletableFuture<Void>> futures = new ArrayList<>(perThread);
                for (int i = 1; i <= perThread; i++) {
                    futures.add(store.submit(insert(queue + "-" + i, queue, firstSeq + i)));
                    if (i % 1_000 == 0) {
                        // Also exercise submitters that wait, as the engine does for sends.
                        futures.get(futures.size() - 1).join();
                    }
                }
                return futures;
            }));
        }
        for (Future<List<CompletableFuture<Void>>> f : submitted) {
            f.get().forEach(CompletableFuture::join);
        }
        pool.shutdown();

        long units = (long) threads * perThread;
        long transactions = store.transactionCount() - transactionsBefore;
        assertThat(store.committedUnitCount()).isEqualTo(units);
        assertThat(transactions).as("transactions for %d units", units).isLessThan(units / 20);
        long flushes = store.flushCount() - flushesBefore;
        assertThat(flushes).as("flushes for %d units", units).isPositive().isLessThan(units / 20);

        SqliteStore reopened = reopen(store);
        for (int t = 0; t < threads; t++) {
            assertThat(count(reopened, "q" + t)).isEqualTo(perThread);
            List<StoredMessage> page = reopened.loadMessages("q" + t, (long) t * perThread + perThread - 3, 10);
            assertThat(ids(page)).containsExactly("q" + t + "-" + (perThread - 2), "q" + t + "-" + (perThread - 1),
                    "q" + t + "-" + perThread);
        }
        assertThat(reopened.loadBody(key("q3-1234", 3L * perThread + 1234))).isEqualTo("body of q3-1234");
    }

    @Test
    void loadBodyFromManyThreadsWhileWriting() throws Exception {
        SqliteStore store = open();
        for (int i = 0; i < 200; i++) {
            store.submit(insert("m" + i, "q", i + 1));
        }
        store.submit(insert("last", "q", 1_000)).join();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<?>> reads = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            reads.add(pool.submit(() -> {
                for (int i = 0; i < 200; i++) {
                    assertThat(store.loadBody(key("m" + i, i + 1))).isEqualTo("body of m" + i);
                }
            }));
        }
        for (int i = 0; i < 200; i++) {
            store.submit(new StoreOp.UpdateDelivery("m" + i, i + 1, "q", 5, 1, 5, i));
        }
        for (Future<?> read : reads) {
            read.get();
        }
        pool.shutdown();
    }

    @Test
    void closeCommitsPendingUnitsIsIdempotentAndRejectsLaterUse() {
        SqliteStore store = open();
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        for (int i = 1; i <= 500; i++) {
            pending.add(store.submit(insert("m" + i, "q", i)));
        }
        store.loadBody(key("m1", 1));
        store.close();
        assertThat(pending).allSatisfy(f -> assertThat(f).isCompleted());
        assertThat(dir.resolve(SqliteStore.DB_FILE + "-wal")).as("checkpointed on close").doesNotExist();
        store.close();

        assertThatThrownBy(() -> store.submit(insert("late", "q", 501)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SqliteStore(" + dir.resolve("sluice.db").toAbsolutePath() + ")")
                .hasMessageContaining("closed");
        assertThatThrownBy(() -> store.loadMessages("q", 0, 1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> store.loadBody(key("m1", 1))).isInstanceOf(IllegalStateException.class);

        assertThat(count(open(), "q")).isEqualTo(500);
    }

    @Test
    void aDataDirectoryCanBeOpenedByOneStoreAtATime() {
        SqliteStore first = open();
        assertThatThrownBy(() -> SqliteStore.open(dir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("in use");
        first.close();
        open().submit(insert("ok", "q", 1)).join();
    }

    @Test
    void databaseIsWalWithVersionedSchemaAndRefusesANewerSchema() throws Exception {
        SqliteStore store = open();
        int synchronous = store.writer().read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA synchronous")) {
                rs.next();
                return rs.getInt(1);
            }
        });
        assertThat(synchronous).as("synchronous=NORMAL: the store flushes the WAL itself").isEqualTo(1);
        store.close();
        String url = "jdbc:sqlite:" + dir.resolve(SqliteStore.DB_FILE);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("wal");
            }
            assertThat(SqliteSchema.userVersion(c)).isEqualTo(SqliteSchema.VERSION);
            s.execute("PRAGMA user_version = 99");
        }
        assertThatThrownBy(() -> SqliteStore.open(dir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("schema version 99")
                .hasMessageContaining("newer Sluice");
    }

    @Test
    void aVersion1DatabaseIsUpgradedWithEveryMessage() throws Exception {
        // version 1 kept messages under their id; version 2 keeps them under their sequence number
        String url = "jdbc:sqlite:" + dir.resolve(SqliteStore.DB_FILE);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            for (String sql : SqliteSchema.MIGRATIONS.get(0)) {
                s.execute(sql);
            }
            s.execute("PRAGMA user_version = 1");
            s.execute("INSERT INTO queues VALUES ('q', NULL, NULL, 1, 1)");
            s.execute("""
                    INSERT INTO messages (id, queue, seq, body, priority, sent_at, visible_at, receive_count,
                        first_receive_at, receipt_nonce, group_id)
                    VALUES ('late', 'q', 12, 'body of late', 4, 5, 6, 2, 7, 99, 'g'),
                           ('early', 'q', 3, 'body of early', 4, 1, 1, 0, 0, 0, NULL),
                           ('elsewhere', 'dlq', 8, 'body of elsewhere', 4, 1, 1, 0, 0, 0, NULL)""");
        }

        SqliteStore store = open();
        assertThat(store.loadMessages("q", 0, 10)).containsExactly(
                new StoredMessage("early", "q", 3, null, Map.of(), null, null, null, 4, null, 1, 1, 0, 0, 0, null),
                new StoredMessage("late", "q", 12, null, Map.of(), null, "g", null, 4, null, 5, 6, 2, 7, 99, null));
        assertThat(store.loadBody(key("late", 12))).isEqualTo("body of late");
        store.submit(List.of(new StoreOp.DeleteMessage("early", 3, "q"), insert("new", "q", 13))).join();
        store = reopen(store);
        assertThat(ids(store.loadMessages("q", 0, 10))).containsExactly("late", "new");
        assertThat(ids(store.loadMessages("dlq", 0, 10))).containsExactly("elsewhere");
        assertThat(store.writer().read(SqliteSchema::userVersion)).isEqualTo(SqliteSchema.VERSION);
    }

    @Test
    void aBodyIsFoundUnderTheNumberOfAMoveSubmittedButNotYetCommitted() {
        SqliteStore store = open();
        store.submit(insert("m1", "q", 1)).join();
        store = reopen(store); // nothing in the body cache: the read goes to the database
        SqliteStore reopened = store;
        CountDownLatch gate = holdWriter(store);
        store.submit(new StoreOp.MoveMessage("m1", 1, "dlq", 2, 0, 1, 1, 0, "q", false));
        // the engine already knows the message under 2 while the last commit still has it under 1
        CompletableFuture<String> body;
        try {
            body = CompletableFuture.supplyAsync(() -> reopened.loadBody(key("m1", 2)));
            assertThat(body).as("waits for the move").isNotDone();
        } finally {
            gate.countDown();
        }
        assertThat(body.join()).isEqualTo("body of m1");
        assertThat(store.loadBody(key("m1", 1))).isNull();
    }

    @Test
    void submitCanBeCalledFromACompletionCallback() {
        SqliteStore store = open();
        CompletableFuture<List<StoredMessage>> seen = store.submit(insert("first", "q", 1))
                .thenCompose(ignored -> store.submit(insert("second", "q", 2)))
                .thenApply(ignored -> store.loadMessages("q", 0, 10));
        assertThat(ids(seen.join())).containsExactly("first", "second");
    }
}
