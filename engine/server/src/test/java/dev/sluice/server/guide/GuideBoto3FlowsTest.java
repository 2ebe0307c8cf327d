package dev.sluice.server.guide;

import dev.sluice.engine.EngineOptions;
import dev.sluice.server.ServerOptions;
import dev.sluice.server.SluiceServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The boto3 code of the SQS guide (/work/shared/seed/sqs-guide.txt), run unchanged but for the endpoint URL:
 * one python3 script per flow under src/test/python, each asserting what it observes and exiting non-zero with a
 * FAIL line otherwise. The scripts get the endpoint as their argument and test credentials in the environment.
 */
class GuideBoto3FlowsTest {

    private static final Duration FLOW_TIMEOUT = Duration.ofSeconds(60);

    /** Every flow script; {@link #everyScriptIsRunByATest()} keeps this list and the directory in step. */
    private static final Set<String> FLOWS = Set.of(
            "decoupling_producer_consumer.py", "long_polling.py", "batch_operations.py", "delayed_processing.py",
            "dead_letter_queue.py", "fifo_content_dedup.py", "visibility_timeout.py", "purge_queue.py",
            "queue_metrics.py", "queue_configuration.py", "load_leveling.py", "common_patterns.py");

    @TempDir
    static Path scratch;

    static SluiceServer server;
    static GuideProcess processes;
    static Path scripts;

    @BeforeAll
    static void start() throws InterruptedException {
        scripts = scriptsDirectory();
        processes = new GuideProcess(scratch);
        processes.requireTool("python3 with boto3", List.of("python3", "-c",
                "import boto3, botocore; print('boto3', boto3.__version__, 'botocore', botocore.__version__)"));
        server = SluiceServer.start(ServerOptions.defaults().withPort(0).withStorage(EngineOptions.Storage.MEMORY));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** Use case 1 "Decoupling Microservices": producer/consumer with OrderId and Priority attributes. */
    @Test
    void decouplingProducerConsumerWithOrderAttributes() {
        flow("decoupling_producer_consumer.py");
    }

    /** Best practice 1 "Use Long Polling", Step 7: WaitTimeSeconds=20 woken by a send from another thread. */
    @Test
    void longPollingIsWokenBySendNotAfterTwentySeconds() {
        GuideProcess.Result r = flow("long_polling.py");
        // two 20 s long polls plus one 1 s poll: well under one 20 s timeout means both were woken by the send
        assertThat(r.elapsed()).as("long polling flow duration" + r.describe()).isLessThan(Duration.ofSeconds(20));
    }

    /** Step 6/8 and best practice 3: send_message_batch / delete_message_batch. */
    @Test
    void batchSendAndDelete() {
        flow("batch_operations.py");
    }

    /** Use case 5 "Delayed Processing": per-message and queue DelaySeconds. */
    @Test
    void delayedMessagesAreHiddenUntilTheirDelayPasses() {
        flow("delayed_processing.py");
    }

    /** Step 3 create_queue_with_dlq, use case 6 and best practice 4: RedrivePolicy with maxReceiveCount 2. */
    @Test
    void failingMessageEndsInTheDeadLetterQueue() {
        flow("dead_letter_queue.py");
    }

    /** FIFO queue with content-based deduplication: same MessageId for a duplicate body, order per group. */
    @Test
    void fifoContentBasedDeduplicationAndGroupOrder() {
        flow("fifo_content_dedup.py");
    }

    /** Best practice 2 "Set Appropriate Visibility Timeout" and change_message_visibility. */
    @Test
    void visibilityTimeoutExpiresAndCanBeExtended() {
        flow("visibility_timeout.py");
    }

    /** Step 8 purge_queue. */
    @Test
    void purgeQueueRemovesEverything() {
        flow("purge_queue.py");
    }

    /** Best practice 7 "Monitor Queue Metrics": queue depth through get_queue_attributes (and /metrics). */
    @Test
    void queueMetricsFromGetQueueAttributes() {
        flow("queue_metrics.py");
    }

    /** Steps 3-4: create_standard_queue, create_fifo_queue, configure_queue, get_queue_url, list_queues. */
    @Test
    void queueCreationAndConfiguration() {
        flow("queue_configuration.py");
    }

    /** Use cases 2 and 4: task submission and several long-polling workers on one queue. */
    @Test
    void loadLevelingAcrossWorkers() {
        flow("load_leveling.py");
    }

    /** Common patterns (fan-out, priority, request-reply) and use case 3 (event-driven). */
    @Test
    void commonPatterns() {
        flow("common_patterns.py");
    }

    @Test
    void everyScriptIsRunByATest() throws IOException {
        Set<String> present;
        try (Stream<Path> files = Files.list(scripts)) {
            present = files.filter(p -> p.getFileName().toString().endsWith(".py"))
                    .filter(GuideBoto3FlowsTest::isGuideFlow)
                    .map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
        assertThat(present).as("guide flow scripts (importing guide_common) in " + scripts
                        + " vs the flows this class runs")
                .containsExactlyInAnyOrderElementsOf(FLOWS);
    }

    private static boolean isGuideFlow(Path script) {
        try {
            return Files.readString(script).contains("import guide_common");
        } catch (IOException e) {
            throw new AssertionError("cannot read " + script, e);
        }
    }

    private static GuideProcess.Result flow(String script) {
        assertThat(FLOWS).as("flows known to this class").contains(script);
        GuideProcess.Result r = processes.run(FLOW_TIMEOUT, scripts,
                List.of("python3", scripts.resolve(script).toString(), server.endpointUrl()));
        assertThat(r.exitCode()).as(script + " against " + server.endpointUrl() + r.describe()).isZero();
        assertThat(r.stdout()).as(script + " reports success" + r.describe()).contains("OK: ");
        return r;
    }

    /** src/test/python of this module, whether tests run from the module (Maven) or from the repository root. */
    private static Path scriptsDirectory() {
        for (Path candidate : List.of(Path.of("src/test/python"), Path.of("engine/server/src/test/python"))) {
            if (Files.isRegularFile(candidate.resolve("guide_common.py"))) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new AssertionError("The guide's boto3 flow scripts (src/test/python/*.py of engine/server) were not "
                + "found from the working directory " + Path.of("").toAbsolutePath());
    }
}
