package dev.sluice.engine.semantics;

import dev.sluice.engine.EngineOptions.Storage;
import dev.sluice.engine.model.MessageAttribute;
import dev.sluice.engine.model.MessageView;
import dev.sluice.engine.model.ReceiveMessageRequest;
import dev.sluice.engine.model.ReceivedMessage;
import dev.sluice.engine.model.SendMessageRequest;
import dev.sluice.engine.queue.UnitOfWork;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Sluice's extensions for the JMS provider: selectors, browsing, priority and atomic units of work. */
class ExtensionsTest extends EngineSemanticsTest {

    private void sendColoured(String queue, String body, String colour) {
        engine.sendMessage(SendMessageRequest.of(queue, body)
                .withAttributes(Map.of("colour", MessageAttribute.string(colour))));
    }

    private static boolean isBlue(MessageView m) {
        MessageAttribute a = m.attributes().get("colour");
        return a != null && "blue".equals(a.stringValue());
    }

    @BothStorages
    void aFilteredReceiveLeavesNonMatchingMessagesToOthers(Storage mode) {
        open(mode);
        create("q", Map.of());
        sendColoured("q", "red-1", "red");
        sendColoured("q", "blue-1", "blue");
        sendColoured("q", "red-2", "red");

        List<ReceivedMessage> blue = engine.receiveMessage(ReceiveMessageRequest.all("q", 10)
                .withWaitTimeSeconds(0).withFilter(ExtensionsTest::isBlue));
        assertThat(bodies(blue)).containsExactly("blue-1");
        assertThat(counters("q")).containsExactly("2", "1", "0");

        List<ReceivedMessage> rest = receive("q", 10);
        assertThat(bodies(rest)).containsExactly("red-1", "red-2");
        assertThat(rest).allSatisfy(m -> assertThat(receiveCount(m)).isEqualTo(1));
    }

    @BothStorages
    void aFilteredFifoReceiveDoesNotSkipAheadInAGroup(Storage mode) {
        open(mode);
        createFifo("q.fifo", Map.of());
        engine.sendMessage(SendMessageRequest.of("q.fifo", "red").withGroupId("g").withDeduplicationId("1")
                .withAttributes(Map.of("colour", MessageAttribute.string("red"))));
        engine.sendMessage(SendMessageRequest.of("q.fifo", "blue").withGroupId("g").withDeduplicationId("2")
                .withAttributes(Map.of("colour", MessageAttribute.string("blue"))));

        assertThat(engine.receiveMessage(ReceiveMessageRequest.all("q.fifo", 10).withWaitTimeSeconds(0)
                .withFilter(ExtensionsTest::isBlue))).isEmpty();
        assertThat(bodies(receive("q.fifo", 10))).containsExactly("red", "blue");
    }

    @BothStorages
    void browsePeeksWithoutReceiving(Storage mode) {
        open(mode);
        create("q", Map.of());
        sendColoured("q", "a", "red");
        sendColoured("q", "b", "blue");
        sendColoured("q", "c", "red");

        List<MessageView> seen = engine.browse("q", null, 10);
        assertThat(seen).extracting(MessageView::body).containsExactly("a", "b", "c");
        assertThat(seen).allSatisfy(v -> assertThat(v.receiveCount()).isZero());
        assertThat(engine.browse("q", ExtensionsTest::isBlue, 10)).extracting(MessageView::body).containsExactly("b");
        assertThat(engine.browse("q", null, 2)).hasSize(2);
        assertThat(counters("q")).containsExactly("3", "0", "0");

        List<ReceivedMessage> got = receive("q", 10);
        assertThat(got).allSatisfy(m -> assertThat(receiveCount(m)).isEqualTo(1));
        assertThat(engine.browse("q", null, 10)).as("in-flight messages are not browsed").isEmpty();
    }

    @BothStorages
    void higherPriorityMessagesAreReceivedFirstOnAStandardQueue(Storage mode) {
        open(mode);
        create("q", Map.of());
        engine.sendMessage(SendMessageRequest.of("q", "low").withPriority(1));
        engine.sendMessage(SendMessageRequest.of("q", "default-1"));
        engine.sendMessage(SendMessageRequest.of("q", "high").withPriority(9));
        engine.sendMessage(SendMessageRequest.of("q", "default-2"));

        assertThat(bodies(receive("q", 10))).containsExactly("high", "default-1", "default-2", "low");
    }

    @BothStorages
    void aUnitOfWorkAppliesSendsAndDeletesOnTwoQueuesTogether(Storage mode) {
        open(mode);
        create("in", Map.of());
        create("out", Map.of());
        send("in", "request");
        ReceivedMessage request = receiveOne("in");

        engine.commit(new UnitOfWork(
                List.of(SendMessageRequest.of("out", "reply"), SendMessageRequest.of("in", "follow-up")),
                List.of(new UnitOfWork.Delete("in", request.receiptHandle())),
                List.of()));

        assertThat(bodies(receive("out", 10))).containsExactly("reply");
        clock.advanceSeconds(30);
        assertThat(bodies(receive("in", 10))).containsExactly("follow-up");
    }

    @BothStorages
    void aUnitOfWorkWithAStaleHandleAppliesNothing(Storage mode) {
        open(mode);
        create("in", Map.of("VisibilityTimeout", "10"));
        create("out", Map.of());
        send("in", "first");
        send("in", "second");
        List<ReceivedMessage> both = receive("in", 10);
        assertThat(both).hasSize(2);
        ReceivedMessage held = both.get(0);
        ReceivedMessage stale = both.get(1);
        engine.changeMessageVisibility("in", held.receiptHandle(), 100);
        clock.advanceSeconds(10); // "stale"'s timeout ended: its handle no longer holds it

        var e = sqsError(() -> engine.commit(new UnitOfWork(
                List.of(SendMessageRequest.of("out", "must not appear")),
                List.of(new UnitOfWork.Delete("in", held.receiptHandle()),
                        new UnitOfWork.Delete("in", stale.receiptHandle())),
                List.of())));
        assertThat(e.getMessage()).endsWith("The receipt handle has expired.");

        assertThat(receive("out", 10)).isEmpty();
        assertThat(counters("in")).as("the held message was not deleted").containsExactly("1", "1", "0");
        engine.deleteMessage("in", held.receiptHandle());
    }

    @BothStorages
    void aUnitOfWorkThatReusesAMessageIdIsRefusedWhole(Storage mode) {
        open(mode);
        create("q", Map.of());
        String id = dev.sluice.engine.model.MessageIds.next();
        engine.commit(new UnitOfWork(List.of(SendMessageRequest.of("q", "first").withMessageId(id)), List.of(),
                List.of()));

        String other = dev.sluice.engine.model.MessageIds.next();
        var twiceInOneUnit = sqsError(() -> engine.commit(new UnitOfWork(List.of(
                SendMessageRequest.of("q", "a").withMessageId(other),
                SendMessageRequest.of("q", "b").withMessageId(other)), List.of(), List.of())));
        assertThat(twiceInOneUnit.getMessage()).contains(other).endsWith("Another message already has this MessageId.");
        var alreadyQueued = sqsError(() -> engine.commit(new UnitOfWork(List.of(
                SendMessageRequest.of("q", "c"), SendMessageRequest.of("q", "again").withMessageId(id)),
                List.of(), List.of())));
        assertThat(alreadyQueued.getMessage()).contains(id).endsWith("Another message already has this MessageId.");
        var sentAgain = sqsError(() -> engine.sendMessage(SendMessageRequest.of("q", "again").withMessageId(id)));
        assertThat(sentAgain.getMessage()).contains(id).endsWith("Another message already has this MessageId.");

        List<ReceivedMessage> left = receive("q", 10);
        assertThat(bodies(left)).containsExactly("first");
        assertThat(left.get(0).messageId()).isEqualTo(id);
    }
}
