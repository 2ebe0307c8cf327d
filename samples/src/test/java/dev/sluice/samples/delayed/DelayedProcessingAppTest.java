package dev.sluice.samples.delayed;

import dev.sluice.samples.support.SampleContainer;
import jakarta.inject.Inject;
import jakarta.jms.JMSRuntimeException;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@EnableWeld
class DelayedProcessingAppTest {

    @WeldSetup
    WeldInitiator weld = SampleContainer.of(DelayedProcessingApp.class, Scheduler.class);

    @Inject
    DelayedProcessingApp app;
    @Inject
    Scheduler scheduler;

    @Test
    void theMessageDueNowOvertakesTheDelayedOneWhichArrivesNotBeforeItsTime() throws Exception {
        long sentAt = System.currentTimeMillis();
        DelayedProcessingApp.Result r = app.run(Duration.ofSeconds(2));

        assertThat(r.reminderDue()).isBetween(sentAt + 2_000, System.currentTimeMillis());
        assertThat(r.arrivals()).extracting(DelayedProcessingApp.Arrival::body).containsExactly(
                "{\"type\":\"cleanup\",\"resource_id\":\"456\"}", "{\"type\":\"email_reminder\",\"user_id\":\"123\"}");
        assertThat(r.arrivals().get(0).receivedAt()).isLessThan(r.reminderDue());
        assertThat(r.arrivals().get(1).receivedAt()).isGreaterThanOrEqualTo(r.reminderDue());
    }

    @Test
    void aDelayOfADayIsRefusedAsSqsRefusesDelaySeconds86400() {
        assertThatThrownBy(() -> scheduler.schedule("{\"type\":\"cleanup\"}", Duration.ofDays(1)))
                .isInstanceOf(JMSRuntimeException.class).hasMessageContaining("900");
    }
}
