package dev.sluice.samples.fanout;

import dev.sluice.samples.support.SampleContainer;
import jakarta.inject.Inject;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@EnableWeld
class FanOutAppTest {

    @WeldSetup
    WeldInitiator weld = SampleContainer.of(FanOutApp.class);

    @Inject
    FanOutApp app;

    @Test
    void everyServiceGetsItsOwnCopyOfTheMessage() throws Exception {
        Map<String, FanOutApp.Copy> copies = app.run("{\"order_id\":\"42\"}", "42");

        assertThat(copies).containsOnlyKeys(FanOutApp.QUEUES);
        assertThat(copies.values()).allSatisfy(c -> {
            assertThat(c.body()).isEqualTo("{\"order_id\":\"42\"}");
            assertThat(c.orderId()).isEqualTo("42");
        });
        assertThat(copies.values()).extracting(FanOutApp.Copy::messageId).doesNotHaveDuplicates();
    }
}
