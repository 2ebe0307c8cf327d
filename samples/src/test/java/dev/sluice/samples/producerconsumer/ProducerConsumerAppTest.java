package dev.sluice.samples.producerconsumer;

import dev.sluice.samples.support.SampleContainer;
import jakarta.inject.Inject;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

@EnableWeld
class ProducerConsumerAppTest {

    @WeldSetup
    WeldInitiator weld = SampleContainer.of(ProducerConsumerApp.class);

    @Inject
    ProducerConsumerApp app;

    @Test
    void theConsumerReceivesEverythingTheProducerSentInOrder() throws Exception {
        List<String> consumed = app.run(100);

        assertThat(consumed).containsExactlyElementsOf(IntStream.range(0, 100).mapToObj(i -> "message " + i).toList());
    }
}
