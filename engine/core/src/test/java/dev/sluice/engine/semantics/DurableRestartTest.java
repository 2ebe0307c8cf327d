package dev.sluice.engine.semantics;

import dev.sluice.engine.EngineOptions.Storage;
import dev.sluice.engine.model.BatchEntry;
import dev.sluice.engine.model.BatchResult;
import dev.sluice.engine.model.MessageAttribute;
import dev.sluice.engine.model.ReceiveMessageRequest;
import dev.sluice.engine.model.ReceivedMessage;
import dev.sluice.engine.model.SendMessageRequest;
import dev.sluice.engine.model.SendMessageResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Durable storage only: what a restart (close, then open on the same directory) must keep. */
class DurableRestartTest extends EngineSemanticsTest {

    @Test
    void visibleDelayedAndInFlightMessagesSurviveARestart() {
        open(Storage.DURABLE);
        create("q", Map.of("VisibilityTimeout", "100"));
        send("q", "inflight");
        receiveOne("q");
        send("q", "visible");
        engine.sendMessage(SendMessageRequest.of("q", "delayed").withDelaySeconds(60));
        clock.advanceSeconds(10);

        restart();
        assertThat(counters("q")).containsExactly("1", "1", "1");
        assertThat(bodies(receive("q", 10))).containsExactly("visible");
        clock.advanceSeconds(50);
        assertThat(bodies(receive("q", 10))).containsExactly("delayed");
        clock.advanceSeconds(39); // 99 s after the first receive
        assertThat(receive("q", 10)).isEmpty();
        clock.advanceSeconds(1);
        ReceivedMessage back = receiveOne("q");
        assertThat(back.body()).isEqualTo("inflight");
        assertThat(receiveCount(back)).isEqualTo(2);
    }

    @Test
    void aFifoDeduplicationWindowSurvivesARestart() {
        open(Storage.DURABLE);
        createFifo("q.fifo", Map.of());
        SendMessageResult first = sendFifo("q.fifo", "g", "once");
        engine.deleteMessage("q.fifo", receiveOne("q.fifo").receiptHandle());

        restart();
        assertThat(sendFifo("q.fifo", "g", "once").messageId()).isEqualTo(first.messageId());
        assertThat(receive("q.fifo", 10)).isEmpty();
        clock.advanceSeconds(301);
        assertThat(sendFifo("q.fifo", "g", "once").messageId()).isNotEqualTo(first.messageId());
    }

    @Test
    void fifoOrderAndBlockedGroupsSurviveARestart() {
        open(Storage.DURABLE);
        createFifo("q.fifo", Map.of("VisibilityTimeout", "10"));
        for (int i = 0; i < 3; i++) {
            sendFifo("q.fifo", "g", "m" + i);
        }
        assertThat(bodies(receive("q.fifo", 1))).containsExactly("m0");

        restart();
        assertThat(receive("q.fifo", 10)).as("group blocked by m0").isEmpty();
        clock.advanceSeconds(10);
        assertThat(bodies(receive("q.fifo", 10))).containsExactly("m0", "m1", "m2");
    }

    @Test
    void queueAttributesAndTagsSurviveARestart() {
        open(Storage.DURABLE);
        engine.createQueue("q", Map.of("VisibilityTimeout", "45", "DelaySeconds", "3"), Map.of("team", "core"));
        engine.setQueueAttributes("q", Map.of("MessageRetentionPeriod", "600"));
        engine.tagQueue("q", Map.of("env", "test"));
        createFifo("q.fifo", Map.of("ContentBasedDeduplication", "true"));
        Map<String, String> before = engine.getQueueAttributes("q", List.of("All"));
        Map<String, String> fifoBefore = engine.getQueueAttributes("q.fifo", List.of("All"));

        restart();
        assertThat(engine.getQueueAttributes("q", List.of("All"))).isEqualTo(before);
        assertThat(engine.getQueueAttributes("q.fifo", List.of("All"))).isEqualTo(fifoBefore);
        assertThat(engine.listQueueTags("q")).isEqualTo(Map.of("team", "core", "env", "test"));
        assertThat(engine.listQueues(null, null, null).queueNames()).containsExactly("q", "q.fifo");
    }

    @Test
    void aDeletedMessageNeverComesBackAfterARestart() {
        open(Storage.DURABLE);
        create("q", Map.of());
        send("q", "deleted");
        send("q", "kept");
        ReceivedMessage m = receiveOne("q");
        assertThat(m.body()).isEqualTo("deleted");
        engine.deleteMessage("q", m.receiptHandle());

        restart();
        clock.advanceSeconds(31);
        assertThat(bodies(receive("q", 10))).containsExactly("kept");
        restart();
        clock.advanceSeconds(31);
        assertThat(bodies(receive("q", 10))).containsExactly("kept");
    }

    @Test
    void aReceiptHandleFromBeforeARestartStillDeletes() {
        open(Storage.DURABLE);
        create("q", Map.of());
        send("q", "m");
        ReceivedMessage m = receiveOne("q");

        restart();
        engine.deleteMessage("q", m.receiptHandle());
        clock.advanceSeconds(31);
        assertThat(receive("q", 10)).isEmpty();
        assertThat(counters("q")).containsExactly("0", "0", "0");
    }

    @Test
    void aVisibilityChangeSurvivesARestart() {
        open(Storage.DURABLE);
        create("q", Map.of());
        send("q", "m");
        ReceivedMessage m = receiveOne("q");
        engine.changeMessageVisibility("q", m.receiptHandle(), 300);

        restart();
        clock.advanceSeconds(299);
        assertThat(receive("q", 10)).isEmpty();
        clock.advanceSeconds(1);
        assertThat(receiveCount(receiveOne("q"))).isEqualTo(2);
    }

    @Test
    void messageAndSystemAttributesSurviveARestart() {
        open(Storage.DURABLE);
        createFifo("q.fifo", Map.of());
        Map<String, MessageAttribute> attrs = Map.of("s", MessageAttribute.string("v"),
                "n", new MessageAttribute("Number.int", "42", null),
                "b", MessageAttribute.binary(new byte[]{0, 1, 2}));
        long sentAt = clock.millis();
        SendMessageResult sent = engine.sendMessage(SendMessageRequest.of("q.fifo", "body").withGroupId("g")
                .withDeduplicationId("d").withAttributes(attrs).withTraceHeader("Root=1-abc").withSenderId("me"));

        restart();
        ReceivedMessage m = receiveOne("q.fifo");
        assertThat(m.messageAttributes()).isEqualTo(attrs);
        assertThat(m.md5OfMessageAttributes()).isEqualTo(sent.md5OfMessageAttributes());
        assertThat(m.attributes()).containsEntry("SenderId", "me").containsEntry("AWSTraceHeader", "Root=1-abc")
                .containsEntry("SentTimestamp", Long.toString(sentAt)).containsEntry("MessageGroupId", "g")
                .containsEntry("MessageDeduplicationId", "d")
                .containsEntry("SequenceNumber", sent.sequenceNumber());
    }

    @Test
    void sequenceNumbersKeepIncreasingAcrossARestartEvenWhenTheQueueIsEmpty() {
        open(Storage.DURABLE);
        createFifo("q.fifo", Map.of());
        SendMessageResult first = sendFifo("q.fifo", "g", "a");
        engine.deleteMessage("q.fifo", receiveOne("q.fifo").receiptHandle());
        clock.advanceSeconds(301); // the de-duplication record is gone too

        restart();
        SendMessageResult second = sendFifo("q.fifo", "g", "b");
        assertThat(new java.math.BigInteger(second.sequenceNumber()))
                .isGreaterThan(new java.math.BigInteger(first.sequenceNumber()));
    }

    @Test
    void aPurgedQueueStaysEmptyAfterARestart() {
        open(Storage.DURABLE);
        create("q", Map.of());
        send("q", "a");
        send("q", "b");
        receiveOne("q");
        engine.purgeQueue("q");

        restart();
        assertThat(counters("q")).containsExactly("0", "0", "0");
        clock.advanceSeconds(31);
        assertThat(receive("q", 10)).isEmpty();
    }

    @Test
    void aDeletedQueueStaysDeletedAfterARestart() {
        open(Storage.DURABLE);
        create("gone", Map.of());
        create("kept", Map.of());
        send("gone", "x");
        engine.deleteQueue("gone");

        restart();
        assertThat(engine.listQueues(null, null, null).queueNames()).containsExactly("kept");
    }

    @Test
    void aQueueCreatedAgainUnderADeletedQueuesNameStartsEmptyAfterARestart() {
        open(Storage.DURABLE);
        create("q", Map.of());
        send("q", "held in memory");
        receiveOne("q");
        send("q", "also held");
        engine.deleteQueue("q");
        clock.advanceSeconds(61);
        create("q", Map.of("VisibilityTimeout", "1"));

        restart();
        assertThat(counters("q")).containsExactly("0", "0", "0");
        clock.advanceSeconds(31);
        assertThat(receive("q", 10)).isEmpty();
    }

    @Test
    void messagesHeldInMemoryBeyondASmallerWindowAfterARestartAreAllReceived() {
        memoryLimit = 100;
        open(Storage.DURABLE);
        create("q", Map.of());
        sendNumbered("q", 100);

        memoryLimit = 10;
        restart();
        assertThat(counters("q")).containsExactly("100", "0", "0");
        assertThat(drain("q", Integer.MAX_VALUE)).containsExactlyElementsOf(numbered(0, 100));

        restart(); // and the store's record of where they are survives that start
        assertThat(counters("q")).containsExactly("0", "0", "0");
    }

    @Test
    void messagesHeldInMemoryAtACrashAreAllReceivedAfterIt(@TempDir Path crashed) throws IOException {
        memoryLimit = 100;
        open(Storage.DURABLE);
        create("q", Map.of());
        sendNumbered("q", 100);
        // the files as a kill -9 would leave them: every send is durable, the engine never closed
        try (Stream<Path> files = Files.list(dataDir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().matches("sluice\\.db(-wal)?")).toList()) {
                Files.copy(f, crashed.resolve(f.getFileName()));
            }
        }
        engine.close();

        dataDir = crashed;
        memoryLimit = 10;
        open(Storage.DURABLE);
        assertThat(counters("q")).containsExactly("100", "0", "0");
        assertThat(drain("q", Integer.MAX_VALUE)).containsExactlyElementsOf(numbered(0, 100));
    }

    @Test
    void aMessageDeadLetteredBehindABacklogBeyondTheMemoryWindowIsReceivedInTurn() {
        memoryLimit = 4;
        open(Storage.DURABLE);
        create("dlq", Map.of());
        create("src", Map.of("VisibilityTimeout", "10", "RedrivePolicy",
                "{\"deadLetterTargetArn\":\"" + arn("dlq") + "\",\"maxReceiveCount\":\"1\"}"));
        sendNumbered("dlq", 10);
        send("src", "poison");
        receiveOne("src");
        clock.advanceSeconds(10);
        assertThat(receive("src", 10)).isEmpty();

        List<String> expected = new ArrayList<>(numbered(0, 10));
        expected.add("poison");
        assertThat(drain("dlq", Integer.MAX_VALUE)).containsExactlyElementsOf(expected);
    }

    @Test
    void aDeadLetteredMessageStaysInTheDeadLetterQueueAfterARestart() {
        open(Storage.DURABLE);
        create("dlq", Map.of());
        create("src", Map.of("VisibilityTimeout", "10", "RedrivePolicy",
                "{\"deadLetterTargetArn\":\"" + arn("dlq") + "\",\"maxReceiveCount\":\"1\"}"));
        send("src", "poison");
        receiveOne("src");
        clock.advanceSeconds(10);
        assertThat(receive("src", 10)).isEmpty();

        restart();
        assertThat(receive("src", 10)).isEmpty();
        ReceivedMessage dead = receiveOne("dlq");
        assertThat(dead.body()).isEqualTo("poison");
        // the receive count it had in src survives the move and the restart (1 there + this receive)
        assertThat(dead.attributes()).containsEntry("DeadLetterQueueSourceArn", arn("src"))
                .containsEntry("ApproximateReceiveCount", "2");
    }

    @Test
    void aFilteredReceiveFindsAMatchBeyondTheMemoryWindow() {
        memoryLimit = 50;
        open(Storage.DURABLE);
        create("q", Map.of());
        sendNumbered("q", 100);
        engine.sendMessage(SendMessageRequest.of("q", "wanted")
                .withAttributes(Map.of("wanted", MessageAttribute.string("yes"))));

        // a selector's match sits on disk behind a window full of messages it does not accept
        List<ReceivedMessage> got = engine.receiveMessage(ReceiveMessageRequest.of("q").withWaitTimeSeconds(0)
                .withFilter(m -> m.attributes().containsKey("wanted")));
        assertThat(bodies(got)).containsExactly("wanted");
        // the window's own messages are still all there, in order, and nothing is delivered twice
        List<String> rest = new ArrayList<>();
        for (List<ReceivedMessage> batch = receive("q", 10); !batch.isEmpty(); batch = receive("q", 10)) {
            rest.addAll(bodies(batch));
        }
        assertThat(rest).hasSize(100).doesNotContain("wanted");
    }

    @Test
    void aBacklogLargerThanTheMemoryWindowDrainsCompletelyAndInOrder() {
        memoryLimit = 50;
        open(Storage.DURABLE);
        create("q", Map.of());
        sendNumbered("q", 500);
        assertThat(counters("q")).containsExactly("500", "0", "0");

        assertThat(drain("q", Integer.MAX_VALUE)).containsExactlyElementsOf(numbered(0, 500));
        assertThat(counters("q")).containsExactly("0", "0", "0");
    }

    @Test
    void aBacklogLargerThanTheMemoryWindowDrainsInOrderAcrossARestart() {
        memoryLimit = 50;
        open(Storage.DURABLE);
        create("q", Map.of());
        sendNumbered("q", 500);
        List<String> got = new ArrayList<>(drain("q", 120));

        restart();
        assertThat(counters("q")).containsExactly("380", "0", "0");
        got.addAll(drain("q", Integer.MAX_VALUE));
        assertThat(got).containsExactlyElementsOf(numbered(0, 500));
    }

    @Test
    void aFifoBacklogLargerThanTheMemoryWindowDrainsInOrder() {
        memoryLimit = 50;
        open(Storage.DURABLE);
        createFifo("q.fifo", Map.of());
        for (int i = 0; i < 200; i += 10) {
            List<BatchEntry<SendMessageRequest>> batch = new ArrayList<>();
            for (int j = i; j < i + 10; j++) {
                batch.add(new BatchEntry<>("e" + j, SendMessageRequest.of("q.fifo", String.format("m%03d", j))
                        .withGroupId("g").withDeduplicationId("d" + j)));
            }
            assertThat(engine.sendMessageBatch("q.fifo", batch).failed()).isEmpty();
        }
        assertThat(drain("q.fifo", Integer.MAX_VALUE)).containsExactlyElementsOf(numbered(0, 200));
    }

    private void sendNumbered(String queue, int n) {
        for (int i = 0; i < n; i += 10) {
            List<BatchEntry<SendMessageRequest>> batch = new ArrayList<>();
            for (int j = i; j < i + 10; j++) {
                batch.add(new BatchEntry<>("e" + j, SendMessageRequest.of(queue, String.format("m%03d", j))));
            }
            BatchResult<SendMessageResult> r = engine.sendMessageBatch(queue, batch);
            assertThat(r.failed()).isEmpty();
        }
    }

    @Test
    void aMessageReceivedBeforeARestartIsDeletedByItsHandleWhileStillOnDisk() {
        memoryLimit = 2;
        open(Storage.DURABLE);
        create("q", Map.of("VisibilityTimeout", "30"));
        for (int i = 1; i <= 8; i++) {
            engine.sendMessage(SendMessageRequest.of("q", "m" + i)
                    .withAttributes(i >= 5 ? Map.of("pick", MessageAttribute.string("yes")) : Map.of()));
        }
        ReceiveMessageRequest picked = ReceiveMessageRequest.of("q").withWaitTimeSeconds(0).withMax(2)
                .withFilter(v -> v.attributes().containsKey("pick"));
        List<ReceivedMessage> late = engine.receiveMessage(picked);
        assertThat(bodies(late)).containsExactly("m5", "m6");

        restart(); // memory holds m1 and m2 again; m5 and m6 wait on disk
        engine.deleteMessage("q", late.get(0).receiptHandle());
        // a handle as a Sluice before sequence numbers in handles gave it: the store finds the message by id
        engine.deleteMessage("q", withoutSequenceNumber(late.get(1).receiptHandle()));
        clock.advanceSeconds(30);
        assertThat(drain("q", 100)).containsExactlyInAnyOrder("m1", "m2", "m3", "m4", "m7", "m8");

        restart();
        clock.advanceSeconds(30);
        assertThat(drain("q", 100)).isEmpty();
    }

    /** The same receive in the first handle format: {@code s1}, queue, message id, nonce. */
    private static String withoutSequenceNumber(String handle) {
        String[] parts = new String(java.util.Base64.getUrlDecoder().decode(handle),
                java.nio.charset.StandardCharsets.UTF_8).split("\n");
        assertThat(parts).hasSize(5).startsWith("s2");
        String old = "s1\n" + parts[1] + "\n" + parts[2] + "\n" + parts[3];
        return java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(old.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static List<String> numbered(int from, int to) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add(String.format("m%03d", i));
        }
        return out;
    }

    /** Receives and deletes, ten at a time, until the queue is empty or {@code limit} bodies are in. */
    private List<String> drain(String queue, int limit) {
        List<String> got = new ArrayList<>();
        while (got.size() < limit) {
            List<ReceivedMessage> batch = engine.receiveMessage(ReceiveMessageRequest.of(queue)
                    .withMax(Math.min(10, limit - got.size())).withWaitTimeSeconds(0));
            if (batch.isEmpty()) {
                break;
            }
            List<BatchEntry<String>> handles = new ArrayList<>();
            for (ReceivedMessage m : batch) {
                got.add(m.body());
                handles.add(new BatchEntry<>("h" + handles.size(), m.receiptHandle()));
            }
            assertThat(engine.deleteMessageBatch(queue, handles).failed()).isEmpty();
        }
        return got;
    }
}
