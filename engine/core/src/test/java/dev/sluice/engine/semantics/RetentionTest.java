package dev.sluice.engine.semantics;

import dev.sluice.engine.EngineOptions.Storage;
import dev.sluice.engine.model.ReceivedMessage;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RetentionTest extends EngineSemanticsTest {

    @BothStorages
    void aMessageOlderThanTheRetentionPeriodIsNeverDelivered(Storage mode) {
        open(mode);
        create("q", Map.of("MessageRetentionPeriod", "60"));
        send("q", "old");
        clock.advanceSeconds(30);
        send("q", "young");

        clock.advanceSeconds(31);
        assertThat(bodies(receive("q", 10))).containsExactly("young");
        clock.advanceSeconds(60);
        assertThat(receive("q", 10)).isEmpty();
    }

    @BothStorages
    void anInFlightMessageThatExpiresDoesNotReturn(Storage mode) {
        open(mode);
        create("q", Map.of("MessageRetentionPeriod", "60", "VisibilityTimeout", "100"));
        send("q", "m");
        ReceivedMessage m = receiveOne("q");
        assertThat(m.body()).isEqualTo("m");

        clock.advanceSeconds(100);
        assertThat(receive("q", 10)).isEmpty();
        assertThat(receive("q", 10)).isEmpty();
    }

    @BothStorages
    void fifoMessageOlderThanTheRetentionPeriodIsSkipped(Storage mode) {
        open(mode);
        createFifo("q.fifo", Map.of("MessageRetentionPeriod", "60"));
        sendFifo("q.fifo", "g", "old");
        clock.advanceSeconds(30);
        sendFifo("q.fifo", "g", "young");

        clock.advanceSeconds(31);
        assertThat(bodies(receive("q.fifo", 10))).containsExactly("young");
    }
}
