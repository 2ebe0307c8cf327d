package dev.sluice.engine.semantics;

import dev.sluice.engine.EngineOptions.Storage;
import dev.sluice.engine.model.BatchEntry;
import dev.sluice.engine.model.BatchResult;
import dev.sluice.engine.model.ReceivedMessage;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The JMS acknowledgement extension: deletes that do not wait for the disk, but are applied and kept. */
class AcknowledgeBatchTest extends EngineSemanticsTest {

    @BothStorages
    void acknowledgedMessagesAreGoneAndStayGoneAcrossACleanRestart(Storage mode) {
        open(mode);
        create("q", Map.of("VisibilityTimeout", "5"));
        send("q", "a");
        send("q", "b");
        List<ReceivedMessage> got = receive("q", 10);
        BatchResult<Void> r = engine.acknowledgeBatch("q", List.of(new BatchEntry<>("1", got.get(0).receiptHandle()),
                new BatchEntry<>("2", got.get(1).receiptHandle())));
        assertThat(r.failed()).isEmpty();
        assertThat(counters("q")).containsExactly("0", "0", "0");
        clock.advanceSeconds(5);
        assertThat(receive("q", 10)).isEmpty();
        if (mode == Storage.DURABLE) {
            restart();
            clock.advanceSeconds(5);
            assertThat(receive("q", 10)).isEmpty();
        }
    }
}
