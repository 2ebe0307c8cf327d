package dev.sluice.engine.queue;

import dev.sluice.engine.model.SendMessageRequest;
import dev.sluice.engine.store.SqliteStore;
import dev.sluice.engine.time.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A message in transit between queues when both ends are deleted (a move task, a dead-letter move). */
class RedriveOpsTest {

    @TempDir
    Path dir;

    private SqliteStore store;

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void aMessageTakenOutForAMoveWhoseSourceIsDeletedMeanwhileIsNotLeftOnDisk() {
        store = SqliteStore.open(dir);
        EngineContext ctx = new EngineContext(new ManualClock(), store, "us-east-1", "000000000000", 100);
        QueueAdminOps admin = new QueueAdminOps(ctx);
        admin.create("dlq", Map.of(), Map.of());
        String id = new SendMessageOp(ctx).send(SendMessageRequest.of("dlq", "in transit")).messageId();

        // what a move task does first: take the message out of the queue's memory, then leave the lock
        RedriveOps redrive = new RedriveOps(ctx);
        Queue dlq = ctx.queues.find("dlq");
        Entry taken;
        dlq.lock.lock();
        try {
            taken = dlq.find(id);
            redrive.take(dlq, taken);
        } finally {
            dlq.lock.unlock();
        }
        admin.delete("dlq"); // its drop names what its memory holds: not the message in transit
        redrive.moveTaken(dlq, null, List.of(taken), null); // the move's target is gone too

        assertThat(store.loadFirstPages(10)).as("nothing of the deleted queue is left").isEmpty();
    }
}
