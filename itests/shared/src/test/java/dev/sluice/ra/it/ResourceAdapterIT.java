package dev.sluice.ra.it;

import dev.sluice.ra.it.app.AuditTopicMdb;
import dev.sluice.ra.it.app.ElsewhereMdb;
import dev.sluice.ra.it.app.GroupsMdb;
import dev.sluice.ra.it.app.OrdersMdb;
import dev.sluice.ra.it.app.PoisonMdb;
import dev.sluice.ra.it.app.SlowMdb;
import dev.sluice.ra.it.app.WatchTopicMdb;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.ResourceAdapterArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The adapter deployed in a real application server with an MDB application: outbound sends in container
 * transactions, inbound delivery with redelivery, dead-lettering, FIFO groups, long-running work, and the
 * in-server SQS endpoint fed by boto3. The same class runs on WildFly and on Payara.
 */
@ExtendWith(ArquillianExtension.class)
class ResourceAdapterIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @Deployment(name = "adapter", order = 1, testable = false)
    static ResourceAdapterArchive adapter() {
        return Deployments.adapter();
    }

    @Deployment(name = "app", order = 2, testable = false)
    static WebArchive application() {
        return Deployments.application("sluice-it", OrdersMdb.class, PoisonMdb.class, GroupsMdb.class, SlowMdb.class,
                AuditTopicMdb.class, WatchTopicMdb.class, ElsewhereMdb.class);
    }

    @ArquillianResource
    @OperateOnDeployment("app")
    private URL base;

    private Application app() {
        return new Application(base);
    }

    @Test
    void messagesSentThroughTheInjectedConnectionFactoryReachTheMdb() throws Exception {
        Application app = app();
        for (int i = 0; i < 10; i++) {
            app.send("it-orders", "resource-" + i, "resource", false);
            app.send("it-orders", "context-" + i, "context", false);
        }
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(app.seen("it-orders"))
                .containsAll(IntStream.range(0, 10).boxed().flatMap(i -> List.of("resource-" + i + "|1", "context-" + i + "|1")
                        .stream()).toList()));
    }

    @Test
    void anMdbReceivesThroughTheConnectionFactoryItsConnectionFactoryLookupNames() throws Exception {
        Application app = app();
        app.send("it-elsewhere", "on the adapter's engine", "resource", false);
        app.send("it-elsewhere", "on the named factory's engine", "elsewhere", false);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(app.seen("it-elsewhere")).isNotEmpty());
        assertThat(app.seen("it-elsewhere")).containsExactly("on the named factory's engine");
    }

    @Test
    void anMdbOnATopicWithADurableSubscriptionAndOneWithANonDurableOneEachGetEveryPublishedMessageOnce()
            throws Exception {
        Application app = app();
        // unique per run: the durable subscription lives in the server's persistent data directory
        String run = Long.toString(System.nanoTime());
        List<String> published = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            for (String via : List.of("resource", "context")) {
                String text = run + "-" + via + "-" + i;
                app.publish("it-prices", text, via);
                published.add(text);
            }
        }
        for (String subscriber : List.of("it-prices/audit", "it-prices/watch")) {
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(app.seen(subscriber)).containsAll(published));
            assertThat(app.seen(subscriber).stream().filter(published::contains)).as(subscriber)
                    .doesNotHaveDuplicates().hasSize(published.size());
        }
    }

    @Test
    void aSendInsideARolledBackTransactionIsNeverDelivered() throws Exception {
        Application app = app();
        app.send("it-orders", "doomed-resource", "resource", true);
        app.send("it-orders", "doomed-context", "context", true);
        app.send("it-orders", "committed-after", "resource", false);
        await().atMost(PATIENCE).until(() -> app.seen("it-orders").contains("committed-after|1"));
        try (SqsClient sqs = Endpoint.client()) {
            String url = Endpoint.queueUrl(sqs, "it-orders");
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(depth(sqs, url)).isZero());
        }
        assertThat(app.seen("it-orders")).noneMatch(s -> s.startsWith("doomed"));
    }

    @Test
    void anMdbThatThrowsGetsTheMessageAgainWithGrowingDeliveryCountThenItIsDeadLettered() throws Exception {
        Application app = app();
        try (SqsClient sqs = Endpoint.client()) {
            String dlq = sqs.createQueue(b -> b.queueName("it-poison-dlq")).queueUrl();
            String dlqArn = sqs.getQueueAttributes(b -> b.queueUrl(dlq).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes().get(QueueAttributeName.QUEUE_ARN);
            sqs.setQueueAttributes(b -> b.queueUrl(Endpoint.queueUrl(sqs, "it-poison")).attributesWithStrings(Map.of(
                    "RedrivePolicy", "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"3\"}")));

            app.send("it-poison", "poison-1", "resource", false);

            List<Message> dead = new ArrayList<>();
            await().atMost(PATIENCE).until(() -> {
                dead.addAll(sqs.receiveMessage(b -> b.queueUrl(dlq).waitTimeSeconds(1)).messages());
                return !dead.isEmpty();
            });
            assertThat(dead).extracting(Message::body).containsExactly("poison-1");
            assertThat(app.seen("it-poison")).containsExactly("poison-1|1|false", "poison-1|2|true", "poison-1|3|true");
        }
    }

    @Test
    void fifoOrderHoldsWithinEachGroupWhileFourSessionsConsume() throws Exception {
        Application app = app();
        int groups = 5;
        int perGroup = 20;
        // the data directory outlives a run: this run's groups (and de-duplication ids) are its own
        String run = Long.toString(System.currentTimeMillis(), 36);
        try (SqsClient sqs = Endpoint.client()) {
            String url = Endpoint.queueUrl(sqs, "it-groups.fifo");
            for (int i = 0; i < perGroup; i++) {
                int seq = i;
                List<SendMessageBatchRequestEntry> batch = IntStream.range(0, groups).mapToObj(g ->
                        SendMessageBatchRequestEntry.builder().id("g" + g).messageGroupId(run + "-group-" + g)
                                .messageDeduplicationId(run + "-" + g + "-" + seq).messageBody(Integer.toString(seq)).build()).toList();
                assertThat(sqs.sendMessageBatch(b -> b.queueUrl(url).entries(batch)).failed()).isEmpty();
            }
        }
        await().atMost(PATIENCE).until(() -> ofRun(app.seen("it-groups.fifo"), run).size() >= groups * perGroup);
        List<String> seen = ofRun(app.seen("it-groups.fifo"), run);
        assertThat(seen).hasSize(groups * perGroup);
        Map<String, List<Integer>> byGroup = new LinkedHashMap<>();
        Set<String> threads = new HashSet<>();
        for (String line : seen) {
            String[] f = line.split("\\|");
            byGroup.computeIfAbsent(f[0], g -> new ArrayList<>()).add(Integer.parseInt(f[1]));
            threads.add(f[2]);
        }
        List<Integer> inOrder = IntStream.range(0, perGroup).boxed().toList();
        assertThat(byGroup).hasSize(groups);
        byGroup.forEach((group, sequence) -> assertThat(sequence).as(group).isEqualTo(inOrder));
        assertThat(threads).as("sessions that delivered").hasSizeGreaterThan(1);
    }

    private static List<String> ofRun(List<String> seen, String run) {
        return seen.stream().filter(s -> s.startsWith(run + "-")).toList();
    }

    @Test
    void anMdbRunningLongerThanTheVisibilityTimeoutIsNotRedelivered() throws Exception {
        Application app = app();
        app.send("it-slow", "slow-1", "resource", false);
        await().atMost(PATIENCE).until(() -> app.seen("it-slow").contains("done|slow-1"));
        assertThat(app.seen("it-slow")).containsExactly("start|slow-1|1", "done|slow-1");
        try (SqsClient sqs = Endpoint.client()) {
            String url = Endpoint.queueUrl(sqs, "it-slow");
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(depth(sqs, url)).isZero());
        }
        assertThat(app.seen("it-slow")).containsExactly("start|slow-1|1", "done|slow-1");
    }

    @Test
    void aMessageSentWithBoto3ToTheInServerEndpointIsConsumedByAnMdb() throws Exception {
        Application app = app();
        String script = String.join("\n",
                "import boto3, sys",
                "sqs = boto3.client('sqs', endpoint_url=sys.argv[1], region_name='us-east-1',",
                "                   aws_access_key_id='it', aws_secret_access_key='it')",
                "url = sqs.get_queue_url(QueueName='it-orders')['QueueUrl']",
                "sqs.send_message(QueueUrl=url, MessageBody='from-boto3',",
                "                 MessageAttributes={'OrderId': {'DataType': 'String', 'StringValue': 'o-1'}})");
        Process p = new ProcessBuilder("python3", "-c", script, Endpoint.URL).redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("boto3 finished").isTrue();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.exitValue()).as(output).isZero();
        await().atMost(PATIENCE).until(() -> app.seen("it-orders").contains("from-boto3|1"));
    }

    /** Messages in the queue, visible or in flight. */
    private static int depth(SqsClient sqs, String url) {
        Map<QueueAttributeName, String> a = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributes();
        return Integer.parseInt(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }
}
