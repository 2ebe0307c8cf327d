package dev.sluice.engine.semantics;

import dev.sluice.engine.EngineOptions.Storage;
import dev.sluice.engine.model.SendMessageRequest;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DelayTest extends EngineSemanticsTest {

    @BothStorages
    void queueDelayHoldsEveryMessageBack(Storage mode) {
        open(mode);
        create("q", Map.of("DelaySeconds", "10"));
        send("q", "hello");

        assertThat(counters("q")).containsExactly("0", "0", "1");
        assertThat(receive("q", 10)).isEmpty();
        clock.advanceSeconds(9);
        assertThat(receive("q", 10)).isEmpty();
        clock.advanceSeconds(1);
        assertThat(counters("q")).containsExactly("1", "0", "0");
        assertThat(bodies(receive("q", 10))).containsExactly("hello");
    }

    @BothStorages
    void perMessageDelayHoldsOnlyThatMessageBack(Storage mode) {
        open(mode);
        create("q", Map.of());
        engine.sendMessage(SendMessageRequest.of("q", "later").withDelaySeconds(5));
        send("q", "now");

        assertThat(counters("q")).containsExactly("1", "0", "1");
        assertThat(bodies(receive("q", 10))).containsExactly("now");
        clock.advanceSeconds(5);
        assertThat(counters("q")).containsExactly("1", "1", "0");
        assertThat(bodies(receive("q", 10))).containsExactly("later");
    }

    @BothStorages
    void perMessageDelayOverridesTheQueueDelay(Storage mode) {
        open(mode);
        create("q", Map.of("DelaySeconds", "60"));
        engine.sendMessage(SendMessageRequest.of("q", "short").withDelaySeconds(5));

        clock.advanceSeconds(5);
        assertThat(bodies(receive("q", 10))).containsExactly("short");
    }

    @BothStorages
    void anExplicitPerMessageDelayOfZeroOverridesTheQueueDelay(Storage mode) {
        open(mode);
        create("q", Map.of("DelaySeconds", "60"));
        engine.sendMessage(SendMessageRequest.of("q", "now").withDelaySeconds(0));
        send("q", "queue-delay");

        assertThat(counters("q")).containsExactly("1", "0", "1");
        assertThat(bodies(receive("q", 10))).containsExactly("now");
    }

    @BothStorages
    void fifoQueueDelayHoldsMessagesBackInOrder(Storage mode) {
        open(mode);
        createFifo("q.fifo", Map.of("DelaySeconds", "10"));
        sendFifo("q.fifo", "g", "one");
        sendFifo("q.fifo", "g", "two");

        assertThat(counters("q.fifo")).containsExactly("0", "0", "2");
        assertThat(receive("q.fifo", 10)).isEmpty();
        clock.advanceSeconds(10);
        assertThat(bodies(receive("q.fifo", 10))).containsExactly("one", "two");
    }

    @BothStorages
    void fifoQueueRejectsAPerMessageDelay(Storage mode) {
        open(mode);
        createFifo("q.fifo", Map.of());
        var e = sqsError(() -> engine.sendMessage(SendMessageRequest.of("q.fifo", "x").withGroupId("g")
                .withDeduplicationId("d").withDelaySeconds(5)));
        assertThat(e.getMessage()).contains("DelaySeconds");
        assertThat(counters("q.fifo")).containsExactly("0", "0", "0");
    }
}
