package dev.sluice.engine.semantics;

import dev.sluice.engine.EngineOptions.Storage;
import dev.sluice.engine.error.SqsError;
import dev.sluice.engine.model.MoveTask;
import dev.sluice.engine.model.ReceivedMessage;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RedriveTest extends EngineSemanticsTest {

    private String policy(String dlq, int maxReceiveCount) {
        return "{\"deadLetterTargetArn\":\"" + arn(dlq) + "\",\"maxReceiveCount\":\"" + maxReceiveCount + "\"}";
    }

    /** Receives {@code times} times, letting the visibility timeout (10 s) end after each. */
    private void receiveAndAbandon(String queue, int times) {
        for (int i = 0; i < times; i++) {
            assertThat(receive(queue, 10)).as("receive %d", i + 1).isNotEmpty();
            clock.advanceSeconds(10);
        }
    }

    @BothStorages
    void afterMaxReceiveCountReceivesTheMessageMovesToTheDeadLetterQueue(Storage mode) {
        open(mode);
        create("dlq", Map.of());
        create("src", Map.of("VisibilityTimeout", "10", "RedrivePolicy", policy("dlq", 2)));
        String id = send("src", "poison").messageId();

        receiveAndAbandon("src", 2);
        assertThat(receive("src", 10)).isEmpty();
        assertThat(counters("src")).containsExactly("0", "0", "0");

        ReceivedMessage dead = receiveOne("dlq");
        assertThat(dead.messageId()).isEqualTo(id);
        assertThat(dead.body()).isEqualTo("poison");
        // AWS keeps the receive count when a message moves to the dead-letter queue: 2 receives + this one
        assertThat(dead.attributes()).containsEntry("DeadLetterQueueSourceArn", arn("src"))
                .containsEntry("ApproximateReceiveCount", "3");
    }

    @BothStorages
    void fifoMessagesMoveToAFifoDeadLetterQueue(Storage mode) {
        open(mode);
        createFifo("dlq.fifo", Map.of());
        createFifo("src.fifo", Map.of("VisibilityTimeout", "10", "RedrivePolicy", policy("dlq.fifo", 1)));
        sendFifo("src.fifo", "g", "first");
        sendFifo("src.fifo", "g", "second");

        assertThat(bodies(receive("src.fifo", 1))).containsExactly("first");
        clock.advanceSeconds(10);
        receive("src.fifo", 10); // "first" reached its limit: it moves, whatever this receive answers
        ReceivedMessage dead = receiveOne("dlq.fifo");
        assertThat(dead.body()).isEqualTo("first");
        assertThat(dead.attributes()).containsEntry("DeadLetterQueueSourceArn", arn("src.fifo"))
                .containsEntry("MessageGroupId", "g");
        clock.advanceSeconds(10);
        assertThat(bodies(receive("src.fifo", 10))).doesNotContain("first");
    }

    private List<MoveTask> tasks(String source) {
        return engine.listMessageMoveTasks(arn(source), 10);
    }

    @BothStorages
    void aMoveTaskMovesDeadLettersBackToTheirSource(Storage mode) {
        open(mode);
        create("dlq", Map.of());
        create("src", Map.of("VisibilityTimeout", "10", "RedrivePolicy", policy("dlq", 1)));
        send("src", "a");
        send("src", "b");
        receiveAndAbandon("src", 1);
        receive("src", 10);
        assertThat(counters("dlq")).containsExactly("2", "0", "0");

        engine.startMessageMoveTask(arn("dlq"), null, null);
        await().atMost(10, TimeUnit.SECONDS).until(() -> tasks("dlq").get(0).status().equals("COMPLETED"));

        MoveTask task = tasks("dlq").get(0);
        assertThat(task.approximateNumberOfMessagesMoved()).isEqualTo(2);
        assertThat(task.sourceArn()).isEqualTo(arn("dlq"));
        assertThat(counters("dlq")).containsExactly("0", "0", "0");
        List<ReceivedMessage> back = receive("src", 10);
        assertThat(bodies(back)).containsExactlyInAnyOrder("a", "b");
        assertThat(back).allSatisfy(m -> assertThat(receiveCount(m)).isEqualTo(1));
    }

    @BothStorages
    void aMoveTaskMovesDeadLettersToAnExplicitDestination(Storage mode) {
        open(mode);
        create("dlq", Map.of());
        create("elsewhere", Map.of());
        create("src", Map.of("VisibilityTimeout", "10", "RedrivePolicy", policy("dlq", 1)));
        send("src", "a");
        receiveAndAbandon("src", 1);
        receive("src", 10);

        engine.startMessageMoveTask(arn("dlq"), arn("elsewhere"), null);
        await().atMost(10, TimeUnit.SECONDS).until(() -> tasks("dlq").get(0).status().equals("COMPLETED"));

        assertThat(tasks("dlq").get(0).destinationArn()).isEqualTo(arn("elsewhere"));
        assertThat(bodies(receive("elsewhere", 10))).containsExactly("a");
        assertThat(receive("src", 10)).isEmpty();
        assertThat(receive("dlq", 10)).isEmpty();
    }

    @BothStorages
    void aRunningMoveTaskCanBeCancelled(Storage mode) {
        open(mode);
        create("dlq", Map.of());
        create("src", Map.of("VisibilityTimeout", "10", "RedrivePolicy", policy("dlq", 1)));
        for (int i = 0; i < 5; i++) {
            send("src", "m" + i);
        }
        receive("src", 10);
        clock.advanceSeconds(10);
        receive("src", 10);
        assertThat(counters("dlq")).containsExactly("5", "0", "0");

        // one message per second: the task is still running when the cancel arrives
        String handle = engine.startMessageMoveTask(arn("dlq"), null, 1);
        long movedSoFar = engine.cancelMessageMoveTask(handle);
        await().atMost(10, TimeUnit.SECONDS).until(() -> tasks("dlq").get(0).status().equals("CANCELLED"));

        assertThat(movedSoFar).isLessThanOrEqualTo(1);
        long moved = tasks("dlq").get(0).approximateNumberOfMessagesMoved();
        assertThat(moved).isLessThan(5);
        assertThat(Long.parseLong(counters("dlq").get(0))).isEqualTo(5 - moved);
        assertThat(receive("src", 10)).hasSize((int) moved);
        var e = sqsError(() -> engine.cancelMessageMoveTask(handle));
        assertThat(e.error()).isEqualTo(SqsError.INVALID_PARAMETER_VALUE);
    }

    @BothStorages
    void aRedrivePolicySetLaterCountsTheReceivesAlreadyMade(Storage mode) {
        open(mode);
        create("dlq", Map.of());
        create("src", Map.of("VisibilityTimeout", "10"));
        send("src", "m");
        receiveAndAbandon("src", 3);

        engine.setQueueAttributes("src", Map.of("RedrivePolicy", policy("dlq", 2)));
        assertThat(receive("src", 10)).isEmpty();
        ReceivedMessage dead = receiveOne("dlq");
        assertThat(dead.body()).isEqualTo("m");
    }
}
