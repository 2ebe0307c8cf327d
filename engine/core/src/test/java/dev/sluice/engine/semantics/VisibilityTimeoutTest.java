package dev.sluice.engine.semantics;

import dev.sluice.engine.EngineOptions.Storage;
import dev.sluice.engine.error.SqsError;
import dev.sluice.engine.model.ReceiveMessageRequest;
import dev.sluice.engine.model.ReceivedMessage;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class VisibilityTimeoutTest extends EngineSemanticsTest {

    @BothStorages
    void receivedMessageStaysInvisibleForTheQueueTimeoutThenReappears(Storage mode) {
        open(mode);
        create("q", Map.of("VisibilityTimeout", "10"));
        send("q", "hello");

        ReceivedMessage first = receiveOne("q");
        assertThat(receiveCount(first)).isEqualTo(1);
        assertThat(receive("q", 10)).isEmpty();
        clock.advanceSeconds(9);
        assertThat(receive("q", 10)).isEmpty();

        clock.advanceSeconds(1);
        ReceivedMessage again = receiveOne("q");
        assertThat(again.messageId()).isEqualTo(first.messageId());
        assertThat(receiveCount(again)).isEqualTo(2);
        assertThat(again.receiptHandle()).isNotEqualTo(first.receiptHandle());
    }

    @BothStorages
    void perReceiveVisibilityTimeoutOverridesTheQueueDefault(Storage mode) {
        open(mode);
        create("q", Map.of("VisibilityTimeout", "300"));
        send("q", "hello");

        engine.receiveMessage(ReceiveMessageRequest.all("q", 1).withVisibilityTimeout(5));
        clock.advanceSeconds(4);
        assertThat(receive("q", 1)).isEmpty();
        clock.advanceSeconds(1);
        assertThat(receiveCount(receiveOne("q"))).isEqualTo(2);
    }

    @BothStorages
    void changeMessageVisibilityExtendsTheTimeoutFromNow(Storage mode) {
        open(mode);
        create("q", Map.of());
        send("q", "hello");
        ReceivedMessage m = receiveOne("q");

        clock.advanceSeconds(20);
        engine.changeMessageVisibility("q", m.receiptHandle(), 60);
        clock.advanceSeconds(59); // 79 s after the receive: past the original 30 s, inside the extension
        assertThat(receive("q", 1)).isEmpty();
        assertThat(counters("q")).containsExactly("0", "1", "0");
        clock.advanceSeconds(1);
        assertThat(receiveOne("q").messageId()).isEqualTo(m.messageId());
    }

    @BothStorages
    void changeMessageVisibilityToZeroMakesTheMessageVisibleAtOnce(Storage mode) {
        open(mode);
        create("q", Map.of());
        send("q", "hello");
        ReceivedMessage m = receiveOne("q");

        engine.changeMessageVisibility("q", m.receiptHandle(), 0);
        assertThat(counters("q")).containsExactly("1", "0", "0");
        ReceivedMessage again = receiveOne("q");
        assertThat(again.messageId()).isEqualTo(m.messageId());
        assertThat(receiveCount(again)).isEqualTo(2);
    }

    @BothStorages
    void deleteWithTheCurrentHandleRemovesTheMessage(Storage mode) {
        open(mode);
        create("q", Map.of());
        send("q", "hello");
        ReceivedMessage m = receiveOne("q");

        engine.deleteMessage("q", m.receiptHandle());
        assertThat(counters("q")).containsExactly("0", "0", "0");
        clock.advanceSeconds(31);
        assertThat(receive("q", 10)).isEmpty();
    }

    @BothStorages
    void standardQueueDeleteWithAHandleWhoseTimeoutEndedStillDeletes(Storage mode) {
        open(mode);
        create("q", Map.of("VisibilityTimeout", "10"));
        send("q", "hello");
        ReceivedMessage m = receiveOne("q");

        clock.advanceSeconds(11);
        engine.deleteMessage("q", m.receiptHandle());
        assertThat(receive("q", 10)).isEmpty();
        assertThat(counters("q")).containsExactly("0", "0", "0");
    }

    @BothStorages
    void fifoDeleteWithAStaleHandleIsRejectedAsExpired(Storage mode) {
        open(mode);
        createFifo("q.fifo", Map.of("VisibilityTimeout", "10"));
        sendFifo("q.fifo", "g", "hello");
        ReceivedMessage first = receiveOne("q.fifo");
        clock.advanceSeconds(11);
        ReceivedMessage second = receiveOne("q.fifo");

        var e = sqsError(() -> engine.deleteMessage("q.fifo", first.receiptHandle()));
        assertThat(e.error()).isEqualTo(SqsError.INVALID_PARAMETER_VALUE);
        assertThat(e.getMessage()).endsWith("The receipt handle has expired.");

        engine.deleteMessage("q.fifo", second.receiptHandle());
        assertThat(counters("q.fifo")).containsExactly("0", "0", "0");
    }

    @BothStorages
    void fifoDeleteAfterTheTimeoutEndedIsRejectedEvenIfNoOneReceivedSince(Storage mode) {
        open(mode);
        createFifo("q.fifo", Map.of("VisibilityTimeout", "10"));
        sendFifo("q.fifo", "g", "hello");
        ReceivedMessage m = receiveOne("q.fifo");
        clock.advanceSeconds(11);

        assertThat(sqsError(() -> engine.deleteMessage("q.fifo", m.receiptHandle())).getMessage())
                .endsWith("The receipt handle has expired.");
        assertThat(bodies(receive("q.fifo", 10))).containsExactly("hello");
    }

    @BothStorages
    void visibilityTimeoutOfZeroOnReceiveLeavesTheMessageVisible(Storage mode) {
        open(mode);
        create("q", Map.of());
        send("q", "hello");

        engine.receiveMessage(ReceiveMessageRequest.all("q", 1).withVisibilityTimeout(0));
        List<ReceivedMessage> again = receive("q", 1);
        assertThat(again).hasSize(1);
        assertThat(receiveCount(again.get(0))).isEqualTo(2);
    }

    @BothStorages
    void standardQueueDeleteWithAnOldHandleAfterAnotherReceiveKeepsTheMessage(Storage mode) {
        open(mode);
        create("q", Map.of("VisibilityTimeout", "10"));
        send("q", "hello");
        ReceivedMessage first = receiveOne("q");
        clock.advanceSeconds(10);
        ReceivedMessage second = receiveOne("q");

        engine.deleteMessage("q", first.receiptHandle()); // AWS: succeeds, but the newer receiver still holds it
        assertThat(counters("q")).containsExactly("0", "1", "0");
        engine.deleteMessage("q", second.receiptHandle());
        assertThat(counters("q")).containsExactly("0", "0", "0");
    }

    @BothStorages
    void changeVisibilityOfADeletedMessageFails(Storage mode) {
        open(mode);
        create("q", Map.of());
        send("q", "hello");
        ReceivedMessage m = receiveOne("q");
        engine.deleteMessage("q", m.receiptHandle());

        var e = sqsError(() -> engine.changeMessageVisibility("q", m.receiptHandle(), 10));
        assertThat(e.error()).isEqualTo(SqsError.INVALID_PARAMETER_VALUE);
    }

    @BothStorages
    void aChangedQueueVisibilityTimeoutAppliesToLaterReceives(Storage mode) {
        open(mode);
        create("q", Map.of());
        send("q", "hello");
        engine.setQueueAttributes("q", Map.of("VisibilityTimeout", "5"));

        receiveOne("q");
        clock.advanceSeconds(5);
        assertThat(receiveCount(receiveOne("q"))).isEqualTo(2);
    }
}
