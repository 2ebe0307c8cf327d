package dev.sluice.ra.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.ResourceAdapterArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The application-server samples (module samples-ee) deployed as they are: order processing, the
 * dead-letter-queue pattern and request–reply over MDBs, on both servers.
 */
@ExtendWith(ArquillianExtension.class)
class SamplesIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private final String run = Long.toString(System.currentTimeMillis(), 36);

    @Deployment(name = "adapter", order = 1, testable = false)
    static ResourceAdapterArchive adapter() {
        return Deployments.adapter();
    }

    @Deployment(name = "samples", order = 2, testable = false)
    static WebArchive samples() {
        return Deployments.dependentWar("sluice-samples").addPackages(true, "dev.sluice.samples.ee");
    }

    @ArquillianResource
    @OperateOnDeployment("samples")
    private URL base;

    private HttpResponse<String> call(String method, String path) throws Exception {
        return new Application(base).call(method, path);
    }

    private List<String> lines(String path) {
        return new Application(base).lines(path);
    }

    @Test
    void ordersPlacedOnThePageAreProcessedByTheMdb() throws Exception {
        for (int i = 0; i < 10; i++) {
            assertThat(call("POST", "orders?id=" + run + "-" + i + "&priority=" + (i % 3) + "&items=widget").statusCode())
                    .isEqualTo(202);
        }
        List<String> expected = IntStream.range(0, 10).mapToObj(i -> run + "-" + i + "|" + (i % 3) + "|widget").toList();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(lines("orders")).containsAll(expected));
    }

    @Test
    void aPoisonedPaymentFailsTwiceThenTheDeadLetterInspectorSeesIt() throws Exception {
        try (SqsClient sqs = Endpoint.client()) {
            String dlqArn = sqs.getQueueAttributes(b -> b.queueUrl(Endpoint.queueUrl(sqs, "payments-dlq"))
                    .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
            sqs.setQueueAttributes(b -> b.queueUrl(Endpoint.queueUrl(sqs, "payments")).attributesWithStrings(Map.of(
                    "RedrivePolicy", "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"2\"}")));
        }
        assertThat(call("POST", "payments?id=" + run + "-ok&cents=1250").statusCode()).isEqualTo(202);
        assertThat(call("POST", "payments?id=" + run + "-bad&cents=-5").statusCode()).isEqualTo(202);

        await().atMost(PATIENCE).until(() -> lines("payments").stream().anyMatch(l -> l.startsWith("dead|" + run)));
        List<String> ledger = lines("payments").stream().filter(l -> l.contains(run)).toList();
        assertThat(ledger).contains("settled|" + run + "-ok|1250")
                .containsSubsequence("failed|" + run + "-bad|1", "failed|" + run + "-bad|2", "dead|" + run + "-bad|-5|3")
                .noneMatch(l -> l.startsWith("failed|" + run + "-ok"));
    }

    @Test
    void aQuoteRequestGetsItsReplyOnATemporaryQueueWithTheCorrelationId() throws Exception {
        HttpResponse<String> r = call("GET", "quotes?item=widget-" + run);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body().strip()).matches("widget-" + run + "\\|\\d{3}\\|true");
    }
}
