package dev.sluice.engine.semantics;

import dev.sluice.engine.EngineOptions.Storage;
import dev.sluice.engine.error.SqsError;
import dev.sluice.engine.model.ListQueuesResult;
import dev.sluice.engine.model.SendMessageRequest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class QueueAttributesTest extends EngineSemanticsTest {

    /** test_set_queue_attributes_default_values[sqs], get-queue-attributes-initial-values. */
    private static final Map<String, String> STANDARD_DEFAULTS = Map.of(
            "ApproximateNumberOfMessages", "0",
            "ApproximateNumberOfMessagesDelayed", "0",
            "ApproximateNumberOfMessagesNotVisible", "0",
            "DelaySeconds", "0",
            "MaximumMessageSize", "1048576",
            "MessageRetentionPeriod", "345600",
            "ReceiveMessageWaitTimeSeconds", "0",
            "SqsManagedSseEnabled", "true",
            "VisibilityTimeout", "30");

    @BothStorages
    void aNewStandardQueueHasAwsDefaults(Storage mode) {
        open(mode);
        long createdSeconds = clock.millis() / 1000;
        create("q", Map.of());

        Map<String, String> expected = new LinkedHashMap<>(STANDARD_DEFAULTS);
        expected.put("CreatedTimestamp", Long.toString(createdSeconds));
        expected.put("LastModifiedTimestamp", Long.toString(createdSeconds));
        expected.put("QueueArn", "arn:aws:sqs:us-east-1:000000000000:q");
        assertThat(engine.getQueueAttributes("q", List.of("All"))).isEqualTo(expected);
    }

    /** test_fifo_set_content_based_deduplication_strategy[sqs] shows the FIFO-only defaults. */
    @BothStorages
    void aNewFifoQueueHasAwsDefaults(Storage mode) {
        open(mode);
        long createdSeconds = clock.millis() / 1000;
        createFifo("q.fifo", Map.of());

        Map<String, String> expected = new LinkedHashMap<>(STANDARD_DEFAULTS);
        expected.put("CreatedTimestamp", Long.toString(createdSeconds));
        expected.put("LastModifiedTimestamp", Long.toString(createdSeconds));
        expected.put("QueueArn", "arn:aws:sqs:us-east-1:000000000000:q.fifo");
        expected.put("FifoQueue", "true");
        expected.put("ContentBasedDeduplication", "false");
        expected.put("DeduplicationScope", "queue");
        expected.put("FifoThroughputLimit", "perQueue");
        assertThat(engine.getQueueAttributes("q.fifo", List.of("All"))).isEqualTo(expected);
    }

    @BothStorages
    void onlyTheNamedAttributesAreReturned(Storage mode) {
        open(mode);
        create("q", Map.of("VisibilityTimeout", "45"));
        assertThat(engine.getQueueAttributes("q", List.of("VisibilityTimeout", "DelaySeconds")))
                .containsExactly(Map.entry("VisibilityTimeout", "45"), Map.entry("DelaySeconds", "0"));
    }

    @BothStorages
    void countersFollowVisibleInFlightAndDelayedMessages(Storage mode) {
        open(mode);
        create("q", Map.of());
        send("q", "a");
        send("q", "b");
        engine.sendMessage(SendMessageRequest.of("q", "c").withDelaySeconds(10));
        assertThat(counters("q")).containsExactly("2", "0", "1");

        receiveOne("q");
        assertThat(counters("q")).containsExactly("1", "1", "1");
        clock.advanceSeconds(10);
        assertThat(counters("q")).containsExactly("2", "1", "0");
        clock.advanceSeconds(20);
        assertThat(counters("q")).containsExactly("3", "0", "0");
    }

    @BothStorages
    void createQueueIsIdempotentWithTheSameAttributes(Storage mode) {
        open(mode);
        String url = create("q", Map.of("VisibilityTimeout", "10"));
        send("q", "kept");
        assertThat(create("q", Map.of("VisibilityTimeout", "10"))).isEqualTo(url);
        assertThat(create("q", Map.of())).isEqualTo(url);
        assertThat(counters("q")).containsExactly("1", "0", "0");

        var e = sqsError(() -> create("q", Map.of("VisibilityTimeout", "11")));
        assertThat(e.error()).isEqualTo(SqsError.QUEUE_ALREADY_EXISTS);
        assertThat(engine.getQueueAttributes("q", List.of("VisibilityTimeout"))).containsEntry("VisibilityTimeout", "10");
    }

    @BothStorages
    void setQueueAttributesChangesWhatGetReturns(Storage mode) {
        open(mode);
        create("q", Map.of());
        clock.advanceSeconds(5);
        engine.setQueueAttributes("q", Map.of("VisibilityTimeout", "60", "DelaySeconds", "2"));
        Map<String, String> a = engine.getQueueAttributes("q", List.of("All"));
        assertThat(a).containsEntry("VisibilityTimeout", "60").containsEntry("DelaySeconds", "2");
        assertThat(Long.parseLong(a.get("LastModifiedTimestamp"))).isEqualTo(clock.millis() / 1000);
    }

    @BothStorages
    void tagsRoundTrip(Storage mode) {
        open(mode);
        engine.createQueue("q", Map.of(), Map.of("team", "core", "env", "test"));
        assertThat(engine.listQueueTags("q")).isEqualTo(Map.of("team", "core", "env", "test"));

        engine.tagQueue("q", Map.of("env", "prod", "cost", "42"));
        assertThat(engine.listQueueTags("q")).isEqualTo(Map.of("team", "core", "env", "prod", "cost", "42"));
        engine.untagQueue("q", List.of("team", "absent"));
        assertThat(engine.listQueueTags("q")).isEqualTo(Map.of("env", "prod", "cost", "42"));
    }

    @BothStorages
    void listQueuesFiltersByPrefixAndPages(Storage mode) {
        open(mode);
        for (int i = 1; i <= 5; i++) {
            create("alpha-" + i, Map.of());
        }
        create("beta-1", Map.of());

        assertThat(engine.listQueues("alpha", null, null).queueNames())
                .containsExactly("alpha-1", "alpha-2", "alpha-3", "alpha-4", "alpha-5");
        assertThat(engine.listQueues("alpha", null, null).nextToken()).isNull();

        List<String> paged = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            ListQueuesResult page = engine.listQueues("alpha", 2, token);
            assertThat(page.queueNames()).hasSizeLessThanOrEqualTo(2);
            paged.addAll(page.queueNames());
            token = page.nextToken();
            pages++;
        } while (token != null && pages < 10);
        assertThat(paged).containsExactly("alpha-1", "alpha-2", "alpha-3", "alpha-4", "alpha-5");
        assertThat(pages).isEqualTo(3);
        assertThat(engine.listQueues(null, null, null).queueNames()).hasSize(6);
    }

    @BothStorages
    void listDeadLetterSourceQueuesNamesTheQueuesThatRedriveToIt(Storage mode) {
        open(mode);
        create("dlq", Map.of());
        create("other", Map.of());
        String policy = "{\"deadLetterTargetArn\":\"" + arn("dlq") + "\",\"maxReceiveCount\":\"3\"}";
        create("src-1", Map.of("RedrivePolicy", policy));
        create("src-2", Map.of("RedrivePolicy", policy));

        assertThat(engine.listDeadLetterSourceQueues("dlq", null, null).queueNames())
                .containsExactlyInAnyOrder("src-1", "src-2");
        assertThat(engine.listDeadLetterSourceQueues("other", null, null).queueNames()).isEmpty();
    }

    @BothStorages
    void purgeQueueEmptiesVisibleInFlightAndDelayedMessages(Storage mode) {
        open(mode);
        create("q", Map.of());
        send("q", "a");
        send("q", "b");
        engine.sendMessage(SendMessageRequest.of("q", "c").withDelaySeconds(10));
        receiveOne("q");

        engine.purgeQueue("q");
        assertThat(counters("q")).containsExactly("0", "0", "0");
        clock.advanceSeconds(60);
        assertThat(receive("q", 10)).isEmpty();
        send("q", "after");
        assertThat(bodies(receive("q", 10))).containsExactly("after");
    }
}
