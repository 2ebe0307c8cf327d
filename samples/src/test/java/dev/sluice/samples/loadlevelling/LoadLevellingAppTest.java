package dev.sluice.samples.loadlevelling;

import dev.sluice.samples.support.SampleContainer;
import jakarta.inject.Inject;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@EnableWeld
class LoadLevellingAppTest {

    @WeldSetup
    WeldInitiator weld = SampleContainer.of(LoadLevellingApp.class, WorkItemProcessor.class);

    @Inject
    LoadLevellingApp app;
    @Inject
    WorkItemProcessor processor;

    @Test
    void aBurstIsDrainedOnceBySeveralWorkersNeverMoreAtOnceThanThePool() throws Exception {
        Map<String, Integer> perWorker = app.run(300, 4);

        assertThat(processor.done().items()).extracting(WorkItemProcessor.Done::item).hasSize(300).doesNotHaveDuplicates();
        assertThat(perWorker.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(300);
        assertThat(perWorker).hasSizeGreaterThan(1).hasSizeLessThanOrEqualTo(4);
        assertThat(processor.mostBusy()).isBetween(2, 4);
    }
}
