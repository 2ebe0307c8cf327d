package dev.sluice.engine.semantics;

import dev.sluice.engine.EngineOptions.Storage;
import dev.sluice.engine.model.ReceiveMessageRequest;
import dev.sluice.engine.model.ReceivedMessage;
import dev.sluice.engine.model.SendMessageRequest;

import java.util.List;
import java.util.Map;

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
