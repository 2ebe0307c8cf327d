package dev.sluice.samples.tasks;

import dev.sluice.samples.support.QueueAdmin;
import dev.sluice.samples.support.SampleContainer;
import jakarta.inject.Inject;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@EnableWeld
class TaskProcessingAppTest {

    @WeldSetup
    WeldInitiator weld = SampleContainer.of(TaskProcessingApp.class, TaskSubmitter.class, TaskWorker.class);

    @Inject
    TaskProcessingApp app;
    @Inject
    QueueAdmin admin;

    @Test
    void workLongerThanTheVisibilityTimeoutIsDoneOnceAlthoughIdleWorkersPollTheQueue() throws Exception {
        // well past the 2 s visibility timeout; the provider extends it every second while onMessage runs
        Duration work = Duration.ofMillis(3_500);
        List<TaskWorker.Delivery> deliveries = app.run(List.of("image_process", "send_email"), work, 4);

        assertThat(deliveries).extracting(TaskWorker.Delivery::taskType)
                .containsExactlyInAnyOrder("image_process", "send_email");
        assertThat(deliveries).allSatisfy(d -> {
            assertThat(d.redelivered()).isFalse();
            assertThat(d.deliveryCount()).isEqualTo(1);
        });
        assertThat(admin.waiting(TaskSubmitter.QUEUE) + admin.inFlight(TaskSubmitter.QUEUE)).isZero();
    }
}
