package dev.sluice.samples.quickstart;

import dev.sluice.engine.EngineOptions;
import dev.sluice.engine.SqsEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class OrderFlowQuickstartTest {

    @Test
    void everyGoodOrderIsProcessedAndThePoisonedOneEndsInTheDeadLetterQueue(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (SqsEngine engine = SqsEngine.open(EngineOptions.durable(dir))) {
            OrderFlowQuickstart.Result r = new OrderFlowQuickstart(engine,
                    new PrintStream(printed, true, StandardCharsets.UTF_8)).run(300, 2, 3);

            assertThat(r.sent()).isEqualTo(300);
            assertThat(r.processed()).isEqualTo(299);
            assertThat(r.deadLetters()).singleElement().satisfies(m -> {
                assertThat(m.messageAttributes().get("OrderId").stringValue()).isEqualTo("150");
                assertThat(m.attributes().get("DeadLetterQueueSourceArn")).endsWith(":" + OrderFlowQuickstart.ORDERS);
            });
        }
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("order 150 is malformed (receive #1)")
                .contains("order 150 is malformed (receive #3)")
                .contains("Dead-letter queue holds");
    }
}
