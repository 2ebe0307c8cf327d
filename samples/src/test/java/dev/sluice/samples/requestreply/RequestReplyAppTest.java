package dev.sluice.samples.requestreply;

import dev.sluice.samples.support.SampleContainer;
import jakarta.inject.Inject;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@EnableWeld
class RequestReplyAppTest {

    @WeldSetup
    WeldInitiator weld = SampleContainer.of(RequestReplyApp.class, PriceClient.class, PriceResponder.class);

    @Inject
    RequestReplyApp app;

    @Test
    void eachRequestGetsItsOwnReplyCorrelatedByTheRequestsMessageId() throws Exception {
        List<PriceClient.Reply> replies = app.run(List.of("apple", "banana", "cherry"));

        assertThat(replies).extracting(PriceClient.Reply::body).containsExactly(
                "{\"sku\":\"apple\",\"price\":599}", "{\"sku\":\"banana\",\"price\":699}", "{\"sku\":\"cherry\",\"price\":699}");
        assertThat(replies).allSatisfy(r -> assertThat(r.correlationId()).isEqualTo(r.requestId()).startsWith("ID:"));
        assertThat(replies).extracting(PriceClient.Reply::requestId).doesNotHaveDuplicates();
    }
}
