package dev.sluice.engine.semantics;

import dev.sluice.engine.EngineOptions;
import dev.sluice.engine.EngineOptions.Storage;
import dev.sluice.engine.SqsEngine;
import dev.sluice.engine.model.MessageAttribute;
import dev.sluice.engine.model.ReceiveMessageRequest;
import dev.sluice.engine.model.ReceivedMessage;
import dev.sluice.engine.model.SendMessageRequest;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** Long polls run on real threads; the test sees them parked, then wakes them by a send or a clock move. */
class LongPollingTest extends EngineSemanticsTest {

    private Background<List<ReceivedMessage>> longPoll(String queue, int waitSeconds) {
        return new Background<>(() -> engine.receiveMessage(
                ReceiveMessageRequest.all(queue, 10).withWaitTimeSeconds(waitSeconds)));
    }

    @BothStorages
    void aWaitingReceiveIsWokenByASendFromAnotherThread(Storage mode) throws Exception {
        open(mode);
        create("q", Map.of());
        var poll = longPoll("q", 20).awaitBlockedOrDone();
        assertThat(poll.isDone()).as("receive returned before any send").isFalse();

        send("q", "wake up");
        assertThat(bodies(poll.get())).containsExactly("wake up");
    }

    /** An embedder's own reason to stop waiting (a JMS session with a new listener) ends the poll, taking nothing. */
    @BothStorages
    void aWaitingReceiveToldToStopReturnsEmptyAndTheQueueKeepsWhatComesNext(Storage mode) throws Exception {
        open(mode);
        create("q", Map.of());
        AtomicBoolean stop = new AtomicBoolean();
        var poll = new Background<>(() -> engine.receiveMessage(
                ReceiveMessageRequest.all("q", 10).withWaitTimeSeconds(20), stop::get)).awaitBlockedOrDone();
        assertThat(poll.isDone()).as("receive returned before it was told to stop").isFalse();

        stop.set(true);
        engine.wakeReceivers("q");
        assertThat(poll.get()).isEmpty();

        send("q", "after");
        List<ReceivedMessage> next = engine.receiveMessage(ReceiveMessageRequest.all("q", 10));
        assertThat(bodies(next)).containsExactly("after");
        assertThat(receiveCount(next.get(0))).isEqualTo(1);
    }

    @BothStorages
    void aReceiveToldToStopStillTakesWhatIsReceivable(Storage mode) throws Exception {
        open(mode);
        create("q", Map.of());
        send("q", "already here");
        assertThat(bodies(engine.receiveMessage(ReceiveMessageRequest.all("q", 10).withWaitTimeSeconds(20),
                () -> true))).containsExactly("already here");
    }

    @BothStorages
    void eachSendWakesAWaitingReceiveSoEveryOneGetsAMessage(Storage mode) throws Exception {
        open(mode);
        create("q", Map.of());
        List<Background<List<ReceivedMessage>>> polls = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            polls.add(new Background<>(() -> engine.receiveMessage(
                    ReceiveMessageRequest.all("q", 1).withWaitTimeSeconds(20))).awaitBlockedOrDone());
        }

        for (String body : List.of("one", "two", "three")) {
            send("q", body);
        }
        List<String> got = new ArrayList<>();
        for (var poll : polls) {
            got.addAll(bodies(poll.get()));
        }
        assertThat(got).containsExactlyInAnyOrder("one", "two", "three");
    }

    @Test
    void aWaitingReceiveTakesAMessageWhoseShortVisibilityTimeoutEndsDuringItsWait() throws Exception {
        // On the real clock: a manual clock's advance wakes every waiting receive, which would hide a receive
        // sleeping past the moment the message comes back.
        try (var real = SqsEngine.open(EngineOptions.memory())) {
            real.createQueue("q", Map.of(), Map.of());
            var brief = new Background<>(() -> real.receiveMessage(ReceiveMessageRequest.all("q", 1)
                    .withWaitTimeSeconds(20).withVisibilityTimeout(1))).awaitBlockedOrDone();
            var patient = new Background<>(() -> real.receiveMessage(ReceiveMessageRequest.all("q", 1)
                    .withWaitTimeSeconds(20))).awaitBlockedOrDone();

            real.sendMessage(SendMessageRequest.of("q", "back in a second"));
            assertThat(bodies(brief.get())).containsExactly("back in a second");
            // not deleted: one second later it is visible again, and the receive still waiting takes it
            List<ReceivedMessage> again = patient.get();
            assertThat(bodies(again)).containsExactly("back in a second");
            assertThat(receiveCount(again.get(0))).isEqualTo(2);
        }
    }

    @BothStorages
    void aSendWakesTheWaitingReceiveWhoseFilterTakesIt(Storage mode) throws Exception {
        open(mode);
        create("q", Map.of());
        // the first to wait passes over "blue": waking only it would leave the blue poll asleep
        var red = colourPoll("red");
        var blue = colourPoll("blue");

        sendColoured("blue");
        assertThat(bodies(blue.get())).containsExactly("blue");
        red.awaitBlockedOrDone();
        assertThat(red.isDone()).as("the red poll took nothing").isFalse();
        sendColoured("red");
        assertThat(bodies(red.get())).containsExactly("red");
    }

    private Background<List<ReceivedMessage>> colourPoll(String colour) {
        return new Background<>(() -> engine.receiveMessage(ReceiveMessageRequest.all("q", 1).withWaitTimeSeconds(20)
                .withFilter(v -> MessageAttribute.string(colour).equals(v.attributes().get("colour")))))
                .awaitBlockedOrDone();
    }

    private void sendColoured(String colour) {
        engine.sendMessage(SendMessageRequest.of("q", colour)
                .withAttributes(Map.of("colour", MessageAttribute.string(colour))));
    }

    @BothStorages
    void aWaitingReceiveReturnsEmptyOnceTheWaitTimeHasPassed(Storage mode) throws Exception {
        open(mode);
        create("q", Map.of());
        var poll = longPoll("q", 20).awaitBlockedOrDone();

        clock.advanceSeconds(19);
        poll.awaitBlockedOrDone();
        assertThat(poll.isDone()).as("receive returned before its wait time").isFalse();
        clock.advanceSeconds(1);
        assertThat(poll.get()).isEmpty();
    }

    @BothStorages
    void theQueueReceiveWaitTimeAppliesWhenTheRequestHasNone(Storage mode) throws Exception {
        open(mode);
        create("q", Map.of("ReceiveMessageWaitTimeSeconds", "5"));
        var poll = new Background<>(() -> engine.receiveMessage(ReceiveMessageRequest.all("q", 1)))
                .awaitBlockedOrDone();
        assertThat(poll.isDone()).isFalse();

        clock.advanceSeconds(5);
        assertThat(poll.get()).isEmpty();
    }

    @BothStorages
    void aWaitingReceiveIsWokenWhenADelayedMessageBecomesVisible(Storage mode) throws Exception {
        open(mode);
        create("q", Map.of());
        engine.sendMessage(SendMessageRequest.of("q", "delayed").withDelaySeconds(10));
        var poll = longPoll("q", 20).awaitBlockedOrDone();
        assertThat(poll.isDone()).isFalse();

        clock.advanceSeconds(10);
        assertThat(bodies(poll.get())).containsExactly("delayed");
    }

    @BothStorages
    void aWaitingReceiveIsWokenWhenAnInFlightMessageTimesOut(Storage mode) throws Exception {
        open(mode);
        create("q", Map.of("VisibilityTimeout", "10"));
        send("q", "again");
        receiveOne("q");
        var poll = longPoll("q", 20).awaitBlockedOrDone();
        assertThat(poll.isDone()).isFalse();

        clock.advanceSeconds(10);
        List<ReceivedMessage> got = poll.get();
        assertThat(bodies(got)).containsExactly("again");
        assertThat(receiveCount(got.get(0))).isEqualTo(2);
    }

    @BothStorages
    void aFifoLongPollIsWokenWhenItsGroupIsReleasedByADelete(Storage mode) throws Exception {
        open(mode);
        createFifo("q.fifo", Map.of());
        sendFifo("q.fifo", "g", "one");
        sendFifo("q.fifo", "g", "two");
        ReceivedMessage one = receiveOne("q.fifo");
        var poll = longPoll("q.fifo", 20).awaitBlockedOrDone();
        assertThat(poll.isDone()).isFalse();

        engine.deleteMessage("q.fifo", one.receiptHandle());
        assertThat(bodies(poll.get())).containsExactly("two");
    }

    @BothStorages
    void aWaitingReceiveFailsWhenItsQueueIsDeleted(Storage mode) throws Exception {
        open(mode);
        create("q", Map.of());
        var poll = longPoll("q", 20).awaitBlockedOrDone();
        assertThat(poll.isDone()).isFalse();

        engine.deleteQueue("q");
        var e = org.assertj.core.api.Assertions.catchThrowable(poll::get);
        assertThat(e).isInstanceOf(java.util.concurrent.ExecutionException.class)
                .hasCauseInstanceOf(dev.sluice.engine.error.SqsException.class)
                .hasRootCauseMessage("The specified queue does not exist.");
    }
}
