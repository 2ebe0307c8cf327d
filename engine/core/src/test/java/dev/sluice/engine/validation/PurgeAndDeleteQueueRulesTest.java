package dev.sluice.engine.validation;

import dev.sluice.engine.model.SendMessageRequest;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.sluice.engine.validation.SqsErrors.*;
import static org.assertj.core.api.Assertions.assertThat;

/** PurgeQueue's 60-second rule and DeleteQueue. */
class PurgeAndDeleteQueueRulesTest extends RulesTestBase {

    @Test
    void secondPurgeWithin60SecondsIsPurgeQueueInProgress() {
        standardQueue("my-queue");
        engine.purgeQueue("my-queue");
        engine.sendMessage(SendMessageRequest.of("my-queue", "after the purge"));
        clock.advance(Duration.ofMillis(59_999));
        assertRejected(() -> engine.purgeQueue("my-queue"), PURGE_QUEUE_IN_PROGRESS,
                "Only one PurgeQueue operation on my-queue is allowed every 60 seconds.");
        assertThat(visibleCount("my-queue")).as("the refused purge removed nothing").isEqualTo(1);
        clock.advance(Duration.ofMillis(1));
        engine.purgeQueue("my-queue");
        assertThat(visibleCount("my-queue")).isZero();
    }

    @Test
    void purgeIntervalIsPerQueue() {
        standardQueue("a");
        standardQueue("b");
        engine.purgeQueue("a");
        engine.purgeQueue("b");
        assertRejected(() -> engine.purgeQueue("b"), PURGE_QUEUE_IN_PROGRESS,
                "Only one PurgeQueue operation on b is allowed every 60 seconds.");
    }

    @Test
    void deletedQueueNoLongerExists() {
        standardQueue("q");
        engine.deleteQueue("q");
        assertRejected(() -> engine.deleteQueue("q"), QUEUE_DOES_NOT_EXIST, "The specified queue does not exist.");
        assertRejected(() -> engine.sendMessage(SendMessageRequest.of("q", "b")), QUEUE_DOES_NOT_EXIST,
                "The specified queue does not exist.");
        assertThat(engine.listQueues(null, null, null).queueNames()).doesNotContain("q");
    }

    @Test
    void deleteBlocksTheNameFor60Seconds() {
        standardQueue("q");
        engine.deleteQueue("q");
        clock.advance(Duration.ofSeconds(59));
        assertRejected(() -> engine.createQueue("q"), QUEUE_DELETED_RECENTLY,
                "You must wait 60 seconds after deleting a queue before you can create another with the same name.");
        standardQueue("other");
        clock.advance(Duration.ofSeconds(1));
        assertThat(engine.createQueue("q")).isEqualTo("q");
    }
}
