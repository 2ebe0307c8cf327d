package dev.sluice.engine.semantics;

import dev.sluice.engine.EngineOptions.Storage;
import dev.sluice.engine.model.BatchEntry;
import dev.sluice.engine.model.ReceiveMessageRequest;
import dev.sluice.engine.model.ReceivedMessage;
import dev.sluice.engine.model.SendMessageRequest;
import dev.sluice.engine.model.SendMessageResult;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FifoTest extends EngineSemanticsTest {

    private static final String Q = "q.fifo";

    @BothStorages
    void messagesOfAGroupArriveInSendOrder(Storage mode) {
        open(mode);
        createFifo(Q, Map.of());
        for (int i = 0; i < 5; i++) {
            sendFifo(Q, "g", "m" + i);
        }
        List<String> got = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ReceivedMessage m = receiveOne(Q);
            got.add(m.body());
            engine.deleteMessage(Q, m.receiptHandle());
        }
        assertThat(got).containsExactly("m0", "m1", "m2", "m3", "m4");
    }

    @BothStorages
    void aGroupIsBlockedWhileOneOfItsMessagesIsInFlightWhileOtherGroupsProgress(Storage mode) {
        open(mode);
        createFifo(Q, Map.of());
        sendFifo(Q, "A", "a1");
        sendFifo(Q, "A", "a2");
        sendFifo(Q, "B", "b1");
        sendFifo(Q, "B", "b2");

        ReceivedMessage a1 = receiveOne(Q);
        assertThat(a1.body()).isEqualTo("a1");
        ReceivedMessage b1 = receiveOne(Q);
        assertThat(b1.body()).isEqualTo("b1");
        assertThat(receive(Q, 10)).as("both groups blocked").isEmpty();

        engine.deleteMessage(Q, a1.receiptHandle());
        assertThat(bodies(receive(Q, 10))).containsExactly("a2");
        engine.deleteMessage(Q, b1.receiptHandle());
        assertThat(bodies(receive(Q, 10))).containsExactly("b2");
    }

    @BothStorages
    void aTimedOutMessageBlocksItsGroupUntilReceivedAgainFirst(Storage mode) {
        open(mode);
        createFifo(Q, Map.of("VisibilityTimeout", "10"));
        sendFifo(Q, "g", "one");
        sendFifo(Q, "g", "two");
        receiveOne(Q);
        clock.advanceSeconds(10);

        List<ReceivedMessage> again = receive(Q, 10);
        assertThat(bodies(again)).containsExactly("one", "two");
        assertThat(receiveCount(again.get(0))).isEqualTo(2);
        assertThat(receiveCount(again.get(1))).isEqualTo(1);
    }

    @BothStorages
    void oneReceiveTakesSeveralMessagesOfAGroupInOrder(Storage mode) {
        open(mode);
        createFifo(Q, Map.of());
        for (int i = 0; i < 5; i++) {
            sendFifo(Q, "g", "m" + i);
        }
        assertThat(bodies(receive(Q, 10))).containsExactly("m0", "m1", "m2", "m3", "m4");
        assertThat(receive(Q, 10)).isEmpty();
    }

    @BothStorages
    void aRepeatedDeduplicationIdReturnsTheSameMessageIdAndEnqueuesOnce(Storage mode) {
        open(mode);
        createFifo(Q, Map.of());
        SendMessageResult first = engine.sendMessage(SendMessageRequest.of(Q, "one").withGroupId("g")
                .withDeduplicationId("d"));
        SendMessageResult second = engine.sendMessage(SendMessageRequest.of(Q, "two").withGroupId("g")
                .withDeduplicationId("d"));

        assertThat(second.messageId()).isEqualTo(first.messageId());
        assertThat(second.sequenceNumber()).isEqualTo(first.sequenceNumber());
        assertThat(counters(Q)).containsExactly("1", "0", "0");
        assertThat(bodies(receive(Q, 10))).containsExactly("one");
    }

    @BothStorages
    void duplicatesWithinOneBatchShareAMessageId(Storage mode) {
        open(mode);
        createFifo(Q, Map.of());
        var result = engine.sendMessageBatch(Q, List.of(
                new BatchEntry<>("1", SendMessageRequest.of(Q, "x").withGroupId("g").withDeduplicationId("d")),
                new BatchEntry<>("2", SendMessageRequest.of(Q, "x").withGroupId("g").withDeduplicationId("d")),
                new BatchEntry<>("3", SendMessageRequest.of(Q, "y").withGroupId("g").withDeduplicationId("e"))));

        assertThat(result.failed()).isEmpty();
        assertThat(result.successful()).hasSize(3);
        assertThat(result.successful().get(1).result().messageId())
                .isEqualTo(result.successful().get(0).result().messageId());
        assertThat(bodies(receive(Q, 10))).containsExactly("x", "y");
    }

    @BothStorages
    void changeVisibilityWithAStaleFifoHandleIsRejectedAsExpired(Storage mode) {
        open(mode);
        createFifo(Q, Map.of("VisibilityTimeout", "10"));
        sendFifo(Q, "g", "m");
        ReceivedMessage first = receiveOne(Q);
        clock.advanceSeconds(10);
        receiveOne(Q);

        assertThat(sqsError(() -> engine.changeMessageVisibility(Q, first.receiptHandle(), 60)).getMessage())
                .endsWith("The receipt handle has expired.");
    }

    @BothStorages
    void changeVisibilityToZeroReleasesTheGroupAtOnce(Storage mode) {
        open(mode);
        createFifo(Q, Map.of());
        sendFifo(Q, "g", "one");
        sendFifo(Q, "g", "two");
        ReceivedMessage one = receiveOne(Q);
        engine.changeMessageVisibility(Q, one.receiptHandle(), 0);

        List<ReceivedMessage> again = receive(Q, 10);
        assertThat(bodies(again)).containsExactly("one", "two");
        assertThat(receiveCount(again.get(0))).isEqualTo(2);
    }

    @BothStorages
    void contentBasedDeduplicationUsesTheBodyHash(Storage mode) {
        open(mode);
        createFifo(Q, Map.of("ContentBasedDeduplication", "true"));
        SendMessageResult first = engine.sendMessage(SendMessageRequest.of(Q, "same").withGroupId("g"));
        SendMessageResult again = engine.sendMessage(SendMessageRequest.of(Q, "same").withGroupId("g"));
        SendMessageResult other = engine.sendMessage(SendMessageRequest.of(Q, "other").withGroupId("g"));

        assertThat(again.messageId()).isEqualTo(first.messageId());
        assertThat(other.messageId()).isNotEqualTo(first.messageId());
        List<ReceivedMessage> got = receive(Q, 10);
        assertThat(bodies(got)).containsExactly("same", "other");
        // the content-based id is the SHA-256 of the body, in hex
        assertThat(got.get(0).attributes().get("MessageDeduplicationId"))
                .isEqualTo("0967115f2813a3541eaef77de9d9d5773f1c0c04314b0bbfe4ff3b3b1c55b5d5");
    }

    @BothStorages
    void aDeduplicationIdIsAcceptedAgainAfterFiveMinutes(Storage mode) {
        open(mode);
        createFifo(Q, Map.of());
        SendMessageResult first = sendFifo(Q, "g", "x");
        clock.advanceSeconds(4 * 60 + 59);
        assertThat(sendFifo(Q, "g", "x").messageId()).isEqualTo(first.messageId());

        clock.advanceSeconds(2);
        SendMessageResult later = sendFifo(Q, "g", "x");
        assertThat(later.messageId()).isNotEqualTo(first.messageId());
        assertThat(counters(Q)).containsExactly("2", "0", "0");
    }

    @BothStorages
    void deduplicationScopeMessageGroupDeduplicatesWithinAGroupOnly(Storage mode) {
        open(mode);
        createFifo(Q, Map.of("DeduplicationScope", "messageGroup", "FifoThroughputLimit", "perMessageGroupId"));
        SendMessageResult a = engine.sendMessage(SendMessageRequest.of(Q, "a").withGroupId("A").withDeduplicationId("d"));
        SendMessageResult b = engine.sendMessage(SendMessageRequest.of(Q, "b").withGroupId("B").withDeduplicationId("d"));
        SendMessageResult a2 = engine.sendMessage(SendMessageRequest.of(Q, "a2").withGroupId("A").withDeduplicationId("d"));

        assertThat(b.messageId()).isNotEqualTo(a.messageId());
        assertThat(a2.messageId()).isEqualTo(a.messageId());
        assertThat(bodies(receive(Q, 10))).containsExactlyInAnyOrder("a", "b");
    }

    @BothStorages
    void deduplicationScopeQueueDeduplicatesAcrossGroups(Storage mode) {
        open(mode);
        createFifo(Q, Map.of());
        SendMessageResult a = engine.sendMessage(SendMessageRequest.of(Q, "a").withGroupId("A").withDeduplicationId("d"));
        SendMessageResult b = engine.sendMessage(SendMessageRequest.of(Q, "b").withGroupId("B").withDeduplicationId("d"));
        assertThat(b.messageId()).isEqualTo(a.messageId());
        assertThat(bodies(receive(Q, 10))).containsExactly("a");
    }

    @BothStorages
    void test_fifo_deduplication_arrives_once_after_delete(Storage mode) {
        open(mode);
        createFifo(Q, Map.of());
        SendMessageResult sent = sendFifo(Q, "g", "once");
        ReceivedMessage m = receiveOne(Q);
        engine.deleteMessage(Q, m.receiptHandle());

        SendMessageResult again = sendFifo(Q, "g", "once");
        assertThat(again.messageId()).isEqualTo(sent.messageId());
        assertThat(receive(Q, 10)).isEmpty();
        assertThat(counters(Q)).containsExactly("0", "0", "0");
    }

    @BothStorages
    void sequenceNumbersIncreaseAndAreReportedOnReceive(Storage mode) {
        open(mode);
        createFifo(Q, Map.of());
        List<SendMessageResult> sent = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            sent.add(sendFifo(Q, i % 2 == 0 ? "A" : "B", "m" + i));
        }
        BigInteger previous = BigInteger.valueOf(-1);
        for (SendMessageResult r : sent) {
            BigInteger n = new BigInteger(r.sequenceNumber());
            assertThat(n).isGreaterThan(previous);
            previous = n;
        }
        for (ReceivedMessage m : receive(Q, 10)) {
            SendMessageResult r = sent.stream().filter(s -> s.messageId().equals(m.messageId())).findFirst().orElseThrow();
            assertThat(m.attributes().get("SequenceNumber")).isEqualTo(r.sequenceNumber());
        }
    }

    @BothStorages
    void aRetriedReceiveWithTheSameAttemptIdReturnsTheSameMessages(Storage mode) {
        open(mode);
        createFifo(Q, Map.of());
        for (int i = 0; i < 3; i++) {
            sendFifo(Q, "g", "m" + i);
        }
        ReceiveMessageRequest attempt = ReceiveMessageRequest.all(Q, 2).withWaitTimeSeconds(0).withAttemptId("attempt-1");
        List<ReceivedMessage> first = engine.receiveMessage(attempt);
        List<ReceivedMessage> retry = engine.receiveMessage(attempt);

        assertThat(bodies(first)).containsExactly("m0", "m1");
        assertThat(retry).extracting(ReceivedMessage::messageId)
                .containsExactlyElementsOf(first.stream().map(ReceivedMessage::messageId).toList());
        assertThat(retry).extracting(ReceivedMessage::receiptHandle)
                .containsExactlyElementsOf(first.stream().map(ReceivedMessage::receiptHandle).toList());
        assertThat(engine.receiveMessage(attempt.withAttemptId("attempt-2"))).as("group still blocked").isEmpty();
        // the retry handed out nothing new: the handles of the first answer still delete
        first.forEach(m -> engine.deleteMessage(Q, m.receiptHandle()));
        assertThat(bodies(receive(Q, 10))).containsExactly("m2");
    }
}
