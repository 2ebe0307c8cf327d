package dev.sluice.samples.orders;

import dev.sluice.samples.support.SampleContainer;
import jakarta.inject.Inject;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@EnableWeld
class OrderProcessingAppTest {

    @WeldSetup
    WeldInitiator weld = SampleContainer.of(OrderProcessingApp.class, OrderService.class, OrderProcessor.class);

    @Inject
    OrderProcessingApp app;

    @Test
    void ordersSubmittedBeforeAnyProcessorRunsAreEachProcessedOnceWithTheirAttributes() throws Exception {
        List<OrderProcessor.Processed> processed = app.run(20, 2);

        assertThat(processed).hasSize(20);
        assertThat(processed).extracting(OrderProcessor.Processed::orderId).doesNotHaveDuplicates();
        assertThat(processed).filteredOn(p -> p.orderId().equals("5")).singleElement().satisfies(p -> {
            assertThat(p.priority()).isEqualTo("high");
            assertThat(p.body()).isEqualTo("{\"order_id\":\"5\",\"priority\":\"high\",\"items\":3}");
        });
        assertThat(processed).filteredOn(p -> p.priority().equals("high")).hasSize(4);
    }
}
