package dev.sluice.samples.quickstart;

import dev.sluice.samples.support.SampleContainer;
import jakarta.inject.Inject;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

@EnableWeld
class OrderFlowQuickstartTest {

    /** Static, so it exists before the container below is configured; deleted after the container (and engine) closed. */
    @TempDir
    static Path dataDir;

    @WeldSetup
    WeldInitiator weld = SampleContainer.with("sluice:embedded?dataDir=" + dataDir + "&redeliveryDelay=1",
            OrderFlowQuickstart.class, OrderShop.class, Fulfilment.class, FlowStats.class);

    @Inject
    OrderFlowQuickstart quickstart;

    @Test
    void everyGoodOrderIsProcessedAndThePoisonedOneEndsInTheDeadLetterQueue() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        OrderFlowQuickstart.Result r = quickstart.run(300, 2, 3, new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(r.ok()).isTrue();
        assertThat(r.sent()).isEqualTo(300);
        assertThat(r.processed()).isEqualTo(299);
        assertThat(r.failedDeliveries()).isEqualTo(OrderFlowQuickstart.MAX_RECEIVES);
        assertThat(r.deadLetters()).singleElement().satisfies(d -> {
            assertThat(d.orderId()).isEqualTo("150");
            assertThat(d.body()).isEqualTo("{\"order_id\":\"150\",\"items\":");
            assertThat(d.deliveryCount()).isEqualTo(OrderFlowQuickstart.MAX_RECEIVES + 1);
        });
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("order 150 is malformed (delivery #1, JMSRedelivered=false)")
                .contains("order 150 is malformed (delivery #3, JMSRedelivered=true)")
                .containsPattern("\\[progress +[0-9.]+ s\\] sent 300 \\| processed 299 ")
                .contains("Dead-letter queue quickstart-orders-dlq held order 150");
    }
}
