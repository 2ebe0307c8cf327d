package dev.sluice.engine.queue;

import dev.sluice.engine.model.SendMessageRequest;
import dev.sluice.engine.store.SqliteStore;
import dev.sluice.engine.time.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A closing engine tells the store every message it holds, so that the next start may find them all by queue
 * without reading every stored message: also those in transit and those sent while it closes.
 */
class HeldMessagesTest {

    @TempDir
    Path dir;

    private SqliteStore store;
    private EngineContext ctx;

    private void open() {
        store = SqliteStore.open(dir);
        ctx = new EngineContext(new ManualClock(), store, "us-east-1", "000000000000", 100);
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void aMessageInTransitWhenTheEngineClosesIsFoundAtTheNextStart() {
        open();
        new QueueAdminOps(ctx).create("src", Map.of(), Map.of());
        String id = new SendMessageOp(ctx).send(SendMessageRequest.of("src", "on its way")).messageId();
        Queue src = ctx.queues.find("src");
        src.lock.lock();
        try {
            new RedriveOps(ctx).take(src, src.find(id)); // a dead-letter move that never lands: the process ends
        } finally {
            src.lock.unlock();
        }
        Recovery.handOver(ctx);
        store.close();

        store = SqliteStore.open(dir);
        assertThat(store.loadFirstPages(10).get("src").messages()).extracting(m -> m.id()).containsExactly(id);
    }

    @Test
    void aMessageSentToAQueueCreatedWhileTheEngineClosesIsFoundAtTheNextStart() {
        open();
        QueueAdminOps admin = new QueueAdminOps(ctx);
        admin.create("existing", Map.of(), Map.of());
        Queue existing = ctx.queues.find("existing");
        CompletableFuture<Void> closing;
        existing.lock.lock();
        try {
            closing = CompletableFuture.runAsync(() -> Recovery.handOver(ctx));
            await().atMost(Duration.ofSeconds(30)).until(existing.lock::hasQueuedThreads); // listing the queues
            admin.create("late", Map.of(), Map.of());
            new SendMessageOp(ctx).send(SendMessageRequest.of("late", "sent while closing"));
        } finally {
            existing.lock.unlock();
        }
        closing.join();
        store.close();

        store = SqliteStore.open(dir);
        assertThat(store.loadFirstPages(10).get("late").total()).isEqualTo(1);
    }
}
