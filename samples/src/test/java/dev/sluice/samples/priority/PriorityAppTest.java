package dev.sluice.samples.priority;

import dev.sluice.samples.support.SampleContainer;
import jakarta.inject.Inject;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@EnableWeld
class PriorityAppTest {

    @WeldSetup
    WeldInitiator weld = SampleContainer.of(PriorityApp.class);

    @Inject
    PriorityApp app;

    @Test
    void aBacklogIsConsumedHighestPriorityFirstAndInSendOrderWithinAPriority() throws Exception {
        List<PriorityApp.Received> received = app.run(List.of("low", "normal", "low", "high", "normal", "high"));

        assertThat(received).extracting(PriorityApp.Received::label)
                .containsExactly("high", "high", "normal", "normal", "low", "low");
        assertThat(received).extracting(PriorityApp.Received::jmsPriority).containsExactly(9, 9, 4, 4, 0, 0);
        assertThat(received).extracting(PriorityApp.Received::body).containsExactly(
                "{\"task\":3}", "{\"task\":5}", "{\"task\":1}", "{\"task\":4}", "{\"task\":0}", "{\"task\":2}");
    }

    @Test
    void anUnknownLabelIsRefused() {
        assertThatThrownBy(() -> app.send("{}", "urgent")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("urgent");
    }
}
