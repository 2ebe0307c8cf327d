package dev.sluice.engine.semantics;

import dev.sluice.engine.EngineOptions.Storage;
import dev.sluice.engine.error.SqsError;
import dev.sluice.engine.model.MessageAttribute;
import dev.sluice.engine.model.ReceiveMessageRequest;
import dev.sluice.engine.model.ReceivedMessage;
import dev.sluice.engine.model.SendMessageRequest;
import dev.sluice.engine.queue.UnitOfWork;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Edge cases a review of the engine found: each was a lost, hidden or ghost message, or a broken rule. */
class ReviewFindingsTest extends EngineSemanticsTest {

    private List<String> drainAll(String queue) {
        List<String> got = new ArrayList<>();
        for (List<ReceivedMessage> batch = receive(queue, 10); !batch.isEmpty(); batch = receive(queue, 10)) {
            for (ReceivedMessage m : batch) {
                got.add(m.body());
                engine.deleteMessage(queue, m.receiptHandle());
            }
        }
        return got;
    }

    @Test
    void aMessagePromotedByAFilterIsNotCountedTwiceWhenItsPageArrives() {
        memoryLimit = 4;
        open(Storage.DURABLE);
        create("q", Map.of());
        for (int i = 1; i <= 12; i++) {
            engine.sendMessage(SendMessageRequest.of("q", "m" + i)
                    .withAttributes(i == 5 ? Map.of("pick", MessageAttribute.string("yes")) : Map.of()));
        }
        // m5 waits on disk beyond the window; a filter brings it in and keeps it in flight
        ReceivedMessage m5 = engine.receiveMessage(ReceiveMessageRequest.of("q").withWaitTimeSeconds(0)
                .withFilter(v -> v.attributes().containsKey("pick"))).get(0);
        assertThat(m5.body()).isEqualTo("m5");
        List<String> rest = drainAll("q");
        send("q", "late");
        rest.addAll(drainAll("q"));
        assertThat(rest).containsExactlyInAnyOrder("m1", "m2", "m3", "m4", "m6", "m7", "m8", "m9", "m10", "m11",
                "m12", "late");
    }

    @Test
    void aStaleDeleteOnTheSourceDoesNotDeleteTheMessageInTheDeadLetterQueue() {
        open(Storage.DURABLE);
        create("dlq", Map.of());
        create("src", Map.of("VisibilityTimeout", "10", "RedrivePolicy", "{\"deadLetterTargetArn\":\"" + arn("dlq")
                + "\",\"maxReceiveCount\":1}"));
        send("src", "poison");
        String staleHandle = receiveOne("src").receiptHandle();
        clock.advanceSeconds(10);
        assertThat(receive("src", 10)).isEmpty(); // this receive moves it to the dead-letter queue

        engine.deleteMessage("src", staleHandle); // the slow consumer finally deletes, with its old handle

        assertThat(bodies(receive("dlq", 10))).containsExactly("poison");
        restart();
        clock.advanceSeconds(60);
        assertThat(bodies(receive("dlq", 10))).containsExactly("poison");
    }

    @Test
    void delayedMessagesFillingMemoryDoNotHideAReceivableOneOnDisk() {
        memoryLimit = 4;
        open(Storage.DURABLE);
        create("q", Map.of());
        for (int i = 0; i < 4; i++) {
            engine.sendMessage(SendMessageRequest.of("q", "later" + i).withDelaySeconds(900));
        }
        send("q", "now");
        assertThat(bodies(receive("q", 10))).containsExactly("now");
    }

    @Test
    void aBlockedFifoGroupFillingMemoryDoesNotStarveAnotherGroupOnDisk() {
        memoryLimit = 4;
        open(Storage.DURABLE);
        createFifo("q.fifo", Map.of());
        for (int i = 0; i < 6; i++) {
            sendFifo("q.fifo", "A", "a" + i);
        }
        sendFifo("q.fifo", "B", "b0");
        assertThat(bodies(receive("q.fifo", 1))).containsExactly("a0"); // group A now blocked
        assertThat(bodies(receive("q.fifo", 10))).containsExactly("b0");
    }

    @Test
    void aUnitOfWorkThatFailsValidationDeletesNothing() {
        open(Storage.MEMORY);
        create("q", Map.of("VisibilityTimeout", "60"));
        send("q", "a");
        send("q", "b");
        List<ReceivedMessage> both = receive("q", 10);
        assertThat(both).hasSize(2);

        SqsError error = sqsError(() -> engine.commit(new UnitOfWork(List.of(),
                List.of(new UnitOfWork.Delete("q", both.get(0).receiptHandle())),
                List.of(new UnitOfWork.VisibilityChange("q", both.get(1).receiptHandle(), 50_000))))).error();
        assertThat(error).isEqualTo(SqsError.INVALID_PARAMETER_VALUE);

        clock.advanceSeconds(60);
        assertThat(bodies(receive("q", 10))).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void aForgedHandleForANeverReceivedMessageIsInvalid() {
        open(Storage.MEMORY);
        create("q", Map.of());
        String id = engine.sendMessage(SendMessageRequest.of("q", "x").withDelaySeconds(60)).messageId();
        String forged = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("s1\nq\n" + id + "\n0").getBytes(StandardCharsets.UTF_8));
        assertThat(sqsError(() -> engine.changeMessageVisibility("q", forged, 300)).error())
                .isEqualTo(SqsError.RECEIPT_HANDLE_IS_INVALID);
        assertThat(sqsError(() -> engine.deleteMessage("q", forged)).error())
                .isEqualTo(SqsError.RECEIPT_HANDLE_IS_INVALID);
        clock.advanceSeconds(60);
        assertThat(bodies(receive("q", 10))).containsExactly("x");
    }
}
