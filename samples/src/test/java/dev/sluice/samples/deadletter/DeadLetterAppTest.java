package dev.sluice.samples.deadletter;

import dev.sluice.samples.support.QueueAdmin;
import dev.sluice.samples.support.SampleContainer;
import jakarta.inject.Inject;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@EnableWeld
class DeadLetterAppTest {

    @WeldSetup
    WeldInitiator weld = SampleContainer.of(DeadLetterApp.class, PaymentProcessor.class, DeadLetterDesk.class);

    @Inject
    DeadLetterApp app;
    @Inject
    QueueAdmin admin;

    @ParameterizedTest
    @EnumSource(DeadLetterDesk.Redrive.class)
    void aPaymentThatFailsThreeTimesIsInspectedInTheDeadLetterQueueAndPaidAfterTheFixAndRedrive(
            DeadLetterDesk.Redrive redrive) throws Exception {
        DeadLetterApp.Result r = app.run(List.of("10.00", "12,50", "7.25"), redrive);

        assertThat(r.failures()).containsExactly("p1 (delivery #1)", "p1 (delivery #2)", "p1 (delivery #3)");
        assertThat(r.deadLetter().paymentId()).isEqualTo("p1");
        assertThat(r.deadLetter().amount()).isEqualTo("12,50");
        assertThat(r.deadLetter().deliveryCount()).isEqualTo(DeadLetterApp.MAX_RECEIVES + 1);
        assertThat(r.deadLetter().body()).isEqualTo("{\"payment_id\":\"p1\",\"amount\":\"12,50\"}");
        assertThat(r.paid()).containsExactlyInAnyOrder("p0", "p1", "p2");
        assertThat(admin.waiting(DeadLetterApp.DLQ) + admin.inFlight(DeadLetterApp.DLQ)).isZero();
    }
}
