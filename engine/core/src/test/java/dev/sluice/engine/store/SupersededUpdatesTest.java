package dev.sluice.engine.store;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which delivery updates a transaction may leave out because it deletes the message anyway. */
class SupersededUpdatesTest {

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path dir;

    private static StoreOp.UpdateDelivery update(String id, String queue) {
        return new StoreOp.UpdateDelivery(id, seq(id), queue, 1, 1, 1, 1);
    }

    private static StoreOp.DeleteMessage delete(String id, String queue) {
        return new StoreOp.DeleteMessage(id, seq(id), queue);
    }

    /** The tests' messages are m1, m2, …, stored under 1, 2, … */
    private static long seq(String id) {
        return Long.parseLong(id.substring(1));
    }

    @Test
    void anUpdateFollowedByADeleteOfTheSameMessageInItsQueueIsSuperseded() {
        StoreOp.UpdateDelivery received = update("m1", "q");
        StoreOp.UpdateDelivery other = update("m2", "q");
        assertThat(SupersededUpdates.in(List.of(List.of(received), List.of(other),
                List.of(delete("m1", "q"))))).containsExactly(received);
        assertThat(SupersededUpdates.in(List.of(List.of(received, delete("m1", null)))))
                .containsExactly(received);
    }

    @Test
    void anUpdateAfterTheDeleteOrADeleteAimedAtAnotherQueueIsKept() {
        assertThat(SupersededUpdates.in(List.of(List.of(delete("m1", "q")),
                List.of(update("m1", "q"))))).isEmpty();
        assertThat(SupersededUpdates.in(List.of(List.of(update("m1", "dlq")),
                List.of(delete("m1", "q"))))).isEmpty();
    }

    @Test
    void aMoveBetweenUpdateAndDeleteKeepsTheUpdate() {
        StoreOp move = new StoreOp.MoveMessage("m1", 1, "dlq", 9, 0, 1, 1, 1, "q");
        assertThat(SupersededUpdates.in(List.of(List.of(update("m1", "q")), List.of(move),
                List.of(delete("m1", "q"))))).isEmpty();
    }

    @Test
    void theStoreWritesOnlyTheDeleteYetEndsInTheSameState() {
        // through the real writer: the update is skipped, the message is gone, a neighbour's update stays
        try (SqliteStore store = SqliteStore.open(dir)) {
            store.submit(List.of(new StoreOp.PutQueue(new StoredQueue("q", java.util.Map.of(), java.util.Map.of(), 1, 1))))
                    .join();
            store.submit(List.of(new StoreOp.InsertMessage(SqliteStoreTest.message("m1", "q", 1, "one")),
                    new StoreOp.InsertMessage(SqliteStoreTest.message("m2", "q", 2, "two")))).join();
            store.submit(List.of(update("m1", "q"), new StoreOp.UpdateDelivery("m2", 2, "q", 7_000, 3, 5, 9),
                    delete("m1", "q"))).join();
            List<StoredMessage> left = store.loadMessages("q", 0, 10);
            assertThat(left).extracting(StoredMessage::id).containsExactly("m2");
            assertThat(left.get(0).receiveCount()).isEqualTo(3);
        }
    }

}
