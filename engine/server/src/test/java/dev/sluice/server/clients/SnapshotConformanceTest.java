package dev.sluice.server.clients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static dev.sluice.server.clients.WireClient.in;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Replays the scenarios behind localstack's SQS snapshots (responses recorded against real AWS) against the endpoint
 * and compares every recorded response: error code, message, HTTP status, and output members. [sqs] entries use the
 * JSON protocol over raw HTTP, [sqs_query] entries the Query protocol over raw HTTP; entries without a protocol
 * parameter were recorded with the (JSON) default client.
 */
class SnapshotConformanceTest {

    /** Snapshot scenarios that do not apply to Sluice, by test name, with the reason. */
    static final Map<String, String> NOT_APPLICABLE = new LinkedHashMap<>();

    static {
        NOT_APPLICABLE.put("test_sqs_permission_lifecycle",
                "AddPermission/RemovePermission and the Policy document they build are not served (no IAM, no cross-account access)");
        NOT_APPLICABLE.put("test_sse_queue_attributes", "SSE-KMS attributes (KmsMasterKeyId, KmsDataKeyReusePeriodSeconds) are not supported: no KMS");
        NOT_APPLICABLE.put("test_sse_kms_and_sqs_are_mutually_exclusive", "SSE-KMS vs SSE-SQS validation: no KMS");
        NOT_APPLICABLE.put("test_set_queue_attributes_default_values",
                "the scenario's middle step sets KmsMasterKeyId/KmsDataKeyReusePeriodSeconds (SSE-KMS): no KMS");
        NOT_APPLICABLE.put("test_fair_queue_with_message_group_id", "fair queues (MessageGroupId on standard queues) are not implemented");
        NOT_APPLICABLE.put("test_fifo_delete_message_with_expired_receipt_handle",
                "xfail upstream; the snapshot records no response to compare");
        NOT_APPLICABLE.put("test_invalid_dead_letter_arn_rejected_before_lookup",
                "xfail upstream; the snapshot records no response to compare");
        NOT_APPLICABLE.put("test_fifo_change_to_high_throughput_after_creation",
                "steps are not in the available test source and the recorded outcome depends on how AWS's de-duplication "
                        + "cache behaves right after DeduplicationScope changes (duplicates still suppressed queue-wide)");
        NOT_APPLICABLE.put("test_fifo_change_to_regular_throughput_after_creation",
                "steps are not in the available test source and the recorded outcome depends on AWS's de-duplication "
                        + "cache across a DeduplicationScope change");
        NOT_APPLICABLE.put("test_move_task_cancel",
                "the recorded ApproximateNumberOfMessagesMoved values (2 while running, 8 after cancel) depend on AWS's timing");
        NOT_APPLICABLE.put("test_move_task_delete_destination_queue_while_running",
                "the recorded ApproximateNumberOfMessagesMoved (3 before FAILED) depends on AWS's timing");
    }

    private final Map<String, Consumer<Scenario>> scenarios = new LinkedHashMap<>();

    private void on(String test, Consumer<Scenario> body) {
        scenarios.put(test, body);
    }

    @TestFactory
    Stream<DynamicTest> snapshotEntries() {
        register();
        List<String> entries = new ArrayList<>(Snapshots.sqsEntries());
        entries.addAll(Snapshots.moveTaskEntries());
        // entries listed as not applicable (with their reasons) are checked by the coverage test below
        return entries.stream().filter(entry -> !NOT_APPLICABLE.containsKey(testName(entry)))
                .map(entry -> DynamicTest.dynamicTest(entry, () -> run(entry)));
    }

    @Test
    void everyEntryIsReproducedOrListedAsNotApplicable() {
        register();
        List<String> entries = new ArrayList<>(Snapshots.sqsEntries());
        entries.addAll(Snapshots.moveTaskEntries());
        assertThat(entries).hasSize(147 + 12);
        for (String entry : entries) {
            String test = testName(entry);
            assertThat(scenarios.containsKey(test) || NOT_APPLICABLE.containsKey(test))
                    .as("%s is neither reproduced nor listed as not applicable", entry).isTrue();
            assertThat(scenarios.containsKey(test) && NOT_APPLICABLE.containsKey(test)).as(entry).isFalse();
        }
    }

    static String testName(String entry) {
        int b = entry.indexOf('[');
        return b < 0 ? entry : entry.substring(0, b);
    }

    private void run(String entry) {
        String test = testName(entry);
        String param = entry.contains("[") ? entry.substring(entry.indexOf('[') + 1, entry.length() - 1) : "";
        WireClient.Protocol protocol = param.startsWith("sqs_query") ? WireClient.Protocol.QUERY : WireClient.Protocol.JSON;
        String variant = param.startsWith("sqs_query-") ? param.substring("sqs_query-".length())
                : param.startsWith("sqs-") ? param.substring("sqs-".length())
                : param.equals("sqs") || param.equals("sqs_query") ? "" : param;
        try (Endpoint endpoint = new Endpoint()) {
            Scenario s = new Scenario(endpoint, protocol, variant);
            scenarios.get(test).accept(s);
            assertThat(Snapshots.compare(entry, s.recorded)).as(entry).isEmpty();
        }
    }

    /** What a scenario works with: a client of the entry's protocol, a JSON client, and what it recorded. */
    static final class Scenario {
        final Endpoint endpoint;
        final WireClient c;
        final WireClient json;
        final String variant;
        final Map<String, JsonNode> recorded = new LinkedHashMap<>();
        private int queues;

        Scenario(Endpoint endpoint, WireClient.Protocol protocol, String variant) {
            this.endpoint = endpoint;
            this.c = new WireClient(protocol, endpoint.url());
            this.json = new WireClient(WireClient.Protocol.JSON, endpoint.url());
            this.variant = variant;
        }

        ObjectNode call(String action, Object... kv) {
            return c.call(action, in(kv));
        }

        ObjectNode jsonCall(String action, Object... kv) {
            return json.call(action, in(kv));
        }

        ObjectNode ok(String action, Object... kv) {
            ObjectNode r = call(action, kv);
            assertThat(status(r)).as("%s: %s", action, r).isEqualTo(200);
            return r;
        }

        static int status(JsonNode r) {
            return r.path("ResponseMetadata").path("HTTPStatusCode").asInt();
        }

        void record(String key, JsonNode value) {
            recorded.put(key, value);
        }

        String queue(Map<String, String> attributes) {
            return queue("queue-" + ++queues, attributes);
        }

        String queue(String name, Map<String, String> attributes) {
            return ok("CreateQueue", "QueueName", name, "Attributes", attributes).get("QueueUrl").asText();
        }

        String fifo(Map<String, String> attributes) {
            Map<String, String> a = new LinkedHashMap<>(attributes);
            a.put("FifoQueue", "true");
            return queue("queue-" + ++queues + ".fifo", a);
        }

        String arn(String url) {
            return ok("GetQueueAttributes", "QueueUrl", url, "AttributeNames", List.of("QueueArn"))
                    .get("Attributes").get("QueueArn").asText();
        }

        ObjectNode receive(String url, Object... kv) {
            Object[] all = new Object[kv.length + 2];
            all[0] = "QueueUrl";
            all[1] = url;
            System.arraycopy(kv, 0, all, 2, kv.length);
            return ok("ReceiveMessage", all);
        }

        JsonNode messages(ObjectNode receive) {
            return receive.path("Messages");
        }

        void delete(String url, JsonNode message) {
            ok("DeleteMessage", "QueueUrl", url, "ReceiptHandle", message.get("ReceiptHandle").asText());
        }

        /** Waits, without sleeping the thread, until real time has moved past the given number of milliseconds. */
        static void elapse(long millis) {
            long until = System.currentTimeMillis() + millis;
            await().pollInterval(Duration.ofMillis(50)).atMost(Duration.ofMillis(millis + 5000))
                    .until(() -> System.currentTimeMillis() >= until);
        }
    }

    static Map<String, Object> attr(String type, String value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("DataType", type);
        m.put(type.startsWith("Binary") ? "BinaryValue" : "StringValue", value);
        return m;
    }

    static final Map<String, Object> K_X = Map.of("k", attr("String", "x"));
    static final int MAX = 1_048_576;

    private void register() {
        if (!scenarios.isEmpty()) {
            return;
        }
        on("test_send_receive_max_number_of_messages", s -> {
            String q = s.queue(Map.of());
            s.ok("SendMessage", "QueueUrl", q, "MessageBody", "message");
            s.record("send_max_number_of_messages", s.call("ReceiveMessage", "QueueUrl", q, "MaxNumberOfMessages", 11));
        });
        on("test_send_oversized_message", s -> {
            String q = s.queue(Map.of());
            s.record("send_oversized_message", s.call("SendMessage", "QueueUrl", q,
                    "MessageBody", "a".repeat(MAX - 8 + 1), "MessageAttributes", K_X));
        });
        on("test_send_message_with_updated_maximum_message_size", s -> {
            String q = s.queue(Map.of());
            s.ok("SetQueueAttributes", "QueueUrl", q, "Attributes", Map.of("MaximumMessageSize", "1024"));
            s.ok("SendMessage", "QueueUrl", q, "MessageBody", "a".repeat(1024));
            s.record("send_oversized_message", s.call("SendMessage", "QueueUrl", q,
                    "MessageBody", "a".repeat(1024 - 8 + 1), "MessageAttributes", K_X));
        });
        on("test_send_message_batch_with_oversized_contents", s -> {
            String q = s.queue(Map.of());
            s.record("send_oversized_message_batch", s.call("SendMessageBatch", "QueueUrl", q, "Entries", List.of(
                    Map.of("Id", "1", "MessageBody", "a".repeat(MAX - 8), "MessageAttributes", K_X),
                    Map.of("Id", "2", "MessageBody", "a"))));
        });
        on("test_send_message_batch_with_oversized_contents_with_updated_maximum_message_size", s -> {
            String q = s.queue(Map.of());
            s.ok("SetQueueAttributes", "QueueUrl", q, "Attributes", Map.of("MaximumMessageSize", "2048"));
            s.record("send_oversized_message_batch", s.call("SendMessageBatch", "QueueUrl", q, "Entries", List.of(
                    Map.of("Id", "1", "MessageBody", "a".repeat(2048 - 8), "MessageAttributes", K_X),
                    Map.of("Id", "2", "MessageBody", "a"))));
        });
        on("test_send_batch_message_size", s -> {
            String q = s.queue(Map.of("MaximumMessageSize", "1024"));
            s.record("send-message-batch-result", s.call("SendMessageBatch", "QueueUrl", q, "Entries", List.of(
                    Map.of("Id", "e0f4ad03-2d9e-4b34-9d5b-0d8b0a4b0c11", "MessageBody", "a".repeat(1025)),
                    Map.of("Id", "e0f4ad03-2d9e-4b34-9d5b-0d8b0a4b0c12", "MessageBody", "a".repeat(1024)))));
        });
        on("test_tag_untag_queue", s -> {
            String q = s.queue(Map.of());
            Map<String, String> tags = new LinkedHashMap<>();
            tags.put("tag1", "value1");
            tags.put("tag2", "value2");
            tags.put("tag3", "");
            s.ok("TagQueue", "QueueUrl", q, "Tags", tags);
            s.record("get-tag-1", s.ok("ListQueueTags", "QueueUrl", q));
            s.ok("UntagQueue", "QueueUrl", q, "TagKeys", List.of("tag1", "tag3"));
            s.record("get-tag-2", s.ok("ListQueueTags", "QueueUrl", q));
            s.ok("UntagQueue", "QueueUrl", q, "TagKeys", List.of("tag2"));
            s.record("get-tag-after-untag", s.ok("ListQueueTags", "QueueUrl", q));
        });
        on("test_create_fifo_queue_with_different_attributes_raises_error", s -> {
            s.ok("CreateQueue", "QueueName", "q.fifo", "Attributes", Map.of("FifoQueue", "true", "ContentBasedDeduplication", "true"));
            s.record("queue-already-exists", s.jsonCall("CreateQueue", "QueueName", "q.fifo",
                    "Attributes", Map.of("FifoQueue", "true", "ContentBasedDeduplication", "false")));
        });
        on("test_create_queue_with_different_attributes_raises_exception", s -> {
            String q = s.queue("q", Map.of("ReceiveMessageWaitTimeSeconds", "1", "DelaySeconds", "1"));
            assertThat(s.queue("q", Map.of())).isEqualTo(q);
            assertThat(s.queue("q", Map.of("DelaySeconds", "1"))).isEqualTo(q);
            s.record("create_queue_01", s.jsonCall("CreateQueue", "QueueName", "q",
                    "Attributes", Map.of("ReceiveMessageWaitTimeSeconds", "1", "DelaySeconds", "2")));
            s.ok("SetQueueAttributes", "QueueUrl", q, "Attributes", Map.of("DelaySeconds", "2"));
            assertThat(s.queue("q", Map.of("ReceiveMessageWaitTimeSeconds", "1", "DelaySeconds", "2"))).isEqualTo(q);
            s.record("create_queue_02", s.jsonCall("CreateQueue", "QueueName", "q",
                    "Attributes", Map.of("ReceiveMessageWaitTimeSeconds", "1", "DelaySeconds", "1")));
        });
        on("test_create_and_update_queue_attributes", s -> {
            String q = s.queue(Map.of("MessageRetentionPeriod", "604800", "ReceiveMessageWaitTimeSeconds", "10",
                    "VisibilityTimeout", "20"));
            s.record("get_queue_attributes", s.ok("GetQueueAttributes", "QueueUrl", q, "AttributeNames", List.of("All")));
            s.ok("SetQueueAttributes", "QueueUrl", q, "Attributes",
                    Map.of("MaximumMessageSize", "2048", "VisibilityTimeout", "69", "DelaySeconds", "420"));
            s.record("get_updated_queue_attributes", s.ok("GetQueueAttributes", "QueueUrl", q, "AttributeNames", List.of("All")));
        });
        on("test_change_message_visibility_after_visibility_timeout_expiration", s -> {
            String q = s.queue(Map.of());
            s.ok("SendMessage", "QueueUrl", q, "MessageBody", "foobar");
            JsonNode m = s.messages(s.receive(q, "VisibilityTimeout", 1)).get(0);
            Scenario.elapse(1500);
            s.record("visibility_timeout_expired", s.call("ChangeMessageVisibility", "QueueUrl", q,
                    "ReceiptHandle", m.get("ReceiptHandle").asText(), "VisibilityTimeout", 1));
        });
        on("test_fifo_empty_message_groups_added_back_to_queue", s -> {
            String q = s.fifo(Map.of("ContentBasedDeduplication", "true"));
            s.ok("SendMessage", "QueueUrl", q, "MessageBody", "Message 1", "MessageGroupId", "group-1");
            ObjectNode first = s.receive(q);
            s.record("inital-fifo-receive", first);
            s.delete(q, s.messages(first).get(0));
            s.record("empty-fifo-receive", s.receive(q));
            s.ok("SendMessage", "QueueUrl", q, "MessageBody", "Message 2", "MessageGroupId", "group-1");
            s.record("final-fifo-receive", s.receive(q));
        });
        on("test_fifo_queue_send_message_with_delay_seconds_fails", s -> {
            String q = s.fifo(Map.of("ContentBasedDeduplication", "true"));
            s.record("send_message", s.call("SendMessage", "QueueUrl", q, "MessageBody", "message-1",
                    "MessageGroupId", "1", "DelaySeconds", 2));
        });
        on("test_fifo_message_attributes", s -> {
            String q = s.fifo(Map.of("ContentBasedDeduplication", "true", "VisibilityTimeout", "0",
                    "DeduplicationScope", "messageGroup", "FifoThroughputLimit", "perMessageGroupId"));
            s.record("send_message", s.ok("SendMessage", "QueueUrl", q, "MessageBody", "message-body-1",
                    "MessageGroupId", "group-1", "MessageDeduplicationId", "dedup-1"));
            s.record("receive_message_0", s.receive(q, "AttributeNames", List.of("All"), "WaitTimeSeconds", 10));
            s.record("receive_message_1", s.receive(q, "AttributeNames", List.of("All"), "WaitTimeSeconds", 10));
        });
        on("test_fifo_set_content_based_deduplication_strategy", s -> {
            String q = s.fifo(Map.of("SqsManagedSseEnabled", "true", "ContentBasedDeduplication", "true"));
            s.record("before-update", s.ok("GetQueueAttributes", "QueueUrl", q, "AttributeNames", List.of("All")));
            s.ok("SetQueueAttributes", "QueueUrl", q, "Attributes", Map.of("ContentBasedDeduplication", "false"));
            s.record("after-update", s.ok("GetQueueAttributes", "QueueUrl", q, "AttributeNames", List.of("All")));
        });
        on("test_too_many_entries_in_batch_request", s -> {
            String q = s.queue(Map.of());
            List<Object> entries = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                entries.add(Map.of("Id", "message-" + i, "MessageBody", "messageBody-" + i));
            }
            s.record("test_too_many_entries_in_batch_request", s.call("SendMessageBatch", "QueueUrl", q, "Entries", entries));
        });
        on("test_invalid_batch_id", s -> {
            String q = s.queue(Map.of());
            s.record("test_invalid_batch_id", s.call("SendMessageBatch", "QueueUrl", q, "Entries",
                    List.of(Map.of("Id", "message:abc123", "MessageBody", "messageBody-abc123"))));
        });
        on("test_send_batch_missing_deduplication_id_for_fifo_queue", s -> {
            String q = s.fifo(Map.of("ContentBasedDeduplication", "false"));
            s.record("test_missing_deduplication_id_for_fifo_queue", s.call("SendMessageBatch", "QueueUrl", q, "Entries", List.of(
                    Map.of("Id", "message-1", "MessageBody", "messageBody", "MessageGroupId", "test-group",
                            "MessageDeduplicationId", "dedup-1"),
                    Map.of("Id", "message-2", "MessageBody", "messageBody", "MessageGroupId", "test-group"))));
        });
        on("test_send_batch_missing_message_group_id_for_fifo_queue", s -> {
            String q = s.fifo(Map.of("ContentBasedDeduplication", "false"));
            s.record("test_missing_message_group_id_for_fifo_queue", s.call("SendMessageBatch", "QueueUrl", q, "Entries", List.of(
                    Map.of("Id", "message-1", "MessageBody", "messageBody", "MessageGroupId", "test-group",
                            "MessageDeduplicationId", "dedup-1"),
                    Map.of("Id", "message-2", "MessageBody", "messageBody", "MessageDeduplicationId", "dedup-2"))));
        });
        on("test_delete_message_batch_invalid_msg_id", s -> {
            String q = s.queue(Map.of());
            s.record("error_response", s.call("DeleteMessageBatch", "QueueUrl", q, "Entries",
                    List.of(Map.of("Id", s.variant, "ReceiptHandle", "testHandle1"))));
        });
        on("test_delete_message_batch_with_too_large_batch", s -> {
            String q = s.queue(Map.of());
            List<JsonNode> received = sendAndReceive20(s, q);
            List<Object> entries = new ArrayList<>();
            for (int i = 0; i < received.size(); i++) {
                entries.add(Map.of("Id", String.valueOf(i), "ReceiptHandle", received.get(i).get("ReceiptHandle").asText()));
            }
            s.record("error_response", s.call("DeleteMessageBatch", "QueueUrl", q, "Entries", entries));
        });
        on("test_change_message_visibility_batch_with_too_large_batch", s -> {
            String q = s.queue(Map.of());
            List<JsonNode> received = sendAndReceive20(s, q);
            List<Object> entries = new ArrayList<>();
            for (int i = 0; i < received.size(); i++) {
                entries.add(Map.of("Id", String.valueOf(i), "ReceiptHandle", received.get(i).get("ReceiptHandle").asText(),
                        "VisibilityTimeout", 123));
            }
            s.record("error_response", s.call("ChangeMessageVisibilityBatch", "QueueUrl", q, "Entries", entries));
        });
        on("test_send_message_with_binary_attributes", s -> {
            String q = s.queue(Map.of());
            byte[] value = "traceparent\u001e00-774062d6c37081a5a0b9b5b88e30627c-2d2482211f6489da-01".getBytes(StandardCharsets.UTF_8);
            s.ok("SendMessage", "QueueUrl", q, "MessageBody", "test", "MessageAttributes",
                    Map.of("attr1", attr("Binary", Base64.getEncoder().encodeToString(value))));
            s.record("binary-attrs-msg", s.receive(q, "MessageAttributeNames", List.of("All")));
        });
        on("test_send_message_with_empty_string_attribute", s -> {
            String q = s.queue(Map.of());
            s.record("empty-string-attr", s.call("SendMessage", "QueueUrl", q, "MessageBody", "test",
                    "MessageAttributes", Map.of("ErrorDetails", attr("String", ""))));
        });
        on("test_dead_letter_queue_message_attributes", s -> {
            String dlq = s.queue(Map.of());
            String dlqArn = s.arn(dlq);
            String source = s.queue(Map.of("VisibilityTimeout", "0", "RedrivePolicy",
                    "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":1}"));
            s.record("dlq-arn", TextNode.valueOf(dlqArn));
            s.record("sourcen-arn", TextNode.valueOf(s.arn(source)));
            s.ok("SendMessage", "QueueUrl", source, "MessageBody", "message-1",
                    "MessageAttributes", Map.of("MyAttribute", attr("String", "foobar")),
                    "MessageSystemAttributes", Map.of("AWSTraceHeader",
                            attr("String", "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1")));
            s.ok("SendMessage", "QueueUrl", source, "MessageBody", "message-2");
            List<String> names = List.of("ApproximateFirstReceiveTimestamp", "ApproximateReceiveCount", "SentTimestamp",
                    "AWSTraceHeader", "DeadLetterQueueSourceArn");
            s.record("rec-pre-dlq", collect(s, source, 2, names, 0));
            // receiving again moves them (maxReceiveCount 1) to the DLQ
            await().atMost(Duration.ofSeconds(10)).until(() -> s.messages(s.receive(source, "MaxNumberOfMessages", 10))
                    .isMissingNode() && approximate(s, source) == 0 && approximate(s, dlq) == 2);
            s.record("dlq-messages", collect(s, dlq, 2, names, 30));
        });
        on("test_set_unsupported_attribute_fifo", s -> {
            String q = s.queue(Map.of());
            s.record("invalid-attr-name-1", s.call("SetQueueAttributes", "QueueUrl", q, "Attributes", Map.of("FifoQueue", "true")));
            String f = s.fifo(Map.of());
            s.ok("SetQueueAttributes", "QueueUrl", f, "Attributes", Map.of("FifoQueue", "true"));
            s.record("invalid-attr-name-2", s.call("SetQueueAttributes", "QueueUrl", f, "Attributes", Map.of("FifoQueue", "false")));
        });
        on("test_set_unsupported_attribute_standard", s -> {
            String q = s.queue(Map.of());
            s.record("invalid-attr-name-1", s.call("SetQueueAttributes", "QueueUrl", q, "Attributes", Map.of("FifoQueue", "true")));
            s.record("invalid-attr-name-2", s.call("SetQueueAttributes", "QueueUrl", q, "Attributes", Map.of("FifoQueue", "false")));
        });
        on("test_create_standard_queue_with_fifo_attribute_raises_error", s -> {
            // recorded with the default (JSON) client in both parametrisations: the entries carry QueryErrorCode
            s.record("invalid-attribute-fifo-queue", s.jsonCall("CreateQueue", "QueueName", "q1", "Attributes", Map.of("FifoQueue", "false")));
            s.record("invalid-attribute-content-based-deduplication", s.jsonCall("CreateQueue", "QueueName", "q2",
                    "Attributes", Map.of("ContentBasedDeduplication", "false")));
            s.record("invalid-attribute-deduplication-scope", s.jsonCall("CreateQueue", "QueueName", "q3",
                    "Attributes", Map.of("DeduplicationScope", "queue")));
            s.record("invalid-attribute-throughput-limit", s.jsonCall("CreateQueue", "QueueName", "q4",
                    "Attributes", Map.of("FifoThroughputLimit", "perQueue")));
        });
        on("test_fifo_deduplication_arrives_once_after_delete", s -> {
            boolean cbd = s.variant.equals("True");
            String q = s.fifo(cbd ? Map.of("ContentBasedDeduplication", "true") : Map.of());
            String item = "{\"foo\": \"bar\"}";
            Object[] send = cbd ? new Object[] {"QueueUrl", q, "MessageBody", item, "MessageGroupId", "group-1"}
                    : new Object[] {"QueueUrl", q, "MessageBody", item, "MessageGroupId", "group-1", "MessageDeduplicationId", "dedup1"};
            s.ok("SendMessage", send);
            ObjectNode r = s.receive(q, "WaitTimeSeconds", 3);
            s.record("get-messages", r);
            s.delete(q, s.messages(r).get(0));
            s.ok("SendMessage", send);
            s.record("get-messages-duplicate", s.receive(q, "WaitTimeSeconds", 1));
        });
        on("test_fifo_deduplication_not_on_message_group_id", s -> {
            boolean cbd = s.variant.equals("True");
            String q = s.fifo(cbd ? Map.of("ContentBasedDeduplication", "true") : Map.of());
            String item = "{\"foo\": \"bar\"}";
            for (String group : List.of("group-1", "group-2")) {
                if (cbd) {
                    s.ok("SendMessage", "QueueUrl", q, "MessageBody", item, "MessageGroupId", group);
                } else {
                    s.ok("SendMessage", "QueueUrl", q, "MessageBody", item, "MessageGroupId", group, "MessageDeduplicationId", "dedup1");
                }
            }
            s.record("get-messages", s.receive(q, "MaxNumberOfMessages", 1, "WaitTimeSeconds", 2));
            s.record("get-dedup-messages", s.receive(q, "MaxNumberOfMessages", 1, "WaitTimeSeconds", 1));
        });
        on("test_posting_to_fifo_requires_deduplicationid_group_id", s -> {
            String q = s.fifo(Map.of());
            s.record("invalid-parameter-value", s.call("SendMessage", "QueueUrl", q, "MessageBody", "test", "MessageGroupId", "g"));
            s.record("missing-parameter", s.call("SendMessage", "QueueUrl", q, "MessageBody", "test", "MessageDeduplicationId", "d"));
            s.record("invalid-parameter-value-query", s.json.call("SendMessage", in("QueueUrl", q, "MessageBody", "test", "MessageGroupId", "g")));
            s.record("missing-parameter-query", s.json.call("SendMessage", in("QueueUrl", q, "MessageBody", "test", "MessageDeduplicationId", "d")));
        });
        on("test_successive_purge_calls_fail", s -> {
            String q = s.queue(Map.of());
            s.ok("PurgeQueue", "QueueUrl", q);
            s.record("purge_queue_error", s.call("PurgeQueue", "QueueUrl", q));
        });
        on("test_sqs_fifo_same_dedup_id_different_message_groups", s -> {
            String q = s.fifo(Map.of());
            s.ok("SendMessage", "QueueUrl", q, "MessageBody", "Test", "MessageGroupId", "g1", "MessageDeduplicationId", "d");
            s.ok("SendMessage", "QueueUrl", q, "MessageBody", "Test", "MessageGroupId", "g2", "MessageDeduplicationId", "d");
            ObjectNode r = s.receive(q, "MaxNumberOfMessages", 10);
            s.record("same-dedup-different-grp-1", r);
            s.delete(q, s.messages(r).get(0));
            s.record("same-dedup-different-grp-2", s.receive(q, "MaxNumberOfMessages", 10));
        });
        on("test_fifo_high_throughput_ordering", s -> {
            String q = s.fifo(Map.of("DeduplicationScope", "messageGroup", "FifoThroughputLimit", "perMessageGroupId"));
            s.ok("SendMessage", "QueueUrl", q, "MessageBody", "Test1", "MessageGroupId", "g1", "MessageDeduplicationId", "d");
            s.ok("SendMessage", "QueueUrl", q, "MessageBody", "Test2", "MessageGroupId", "g2", "MessageDeduplicationId", "d");
            s.record("same-dedup-different-grp-1", s.receive(q, "MaxNumberOfMessages", 1));
            s.record("same-dedup-different-grp-2", s.receive(q, "MaxNumberOfMessages", 1));
        });
        on("test_sqs_fifo_message_group_scope_no_throughput_setting", s -> {
            String q = s.fifo(Map.of("DeduplicationScope", "messageGroup"));
            s.ok("SendMessage", "QueueUrl", q, "MessageBody", "Test", "MessageGroupId", "g1", "MessageDeduplicationId", "d");
            s.ok("SendMessage", "QueueUrl", q, "MessageBody", "Test", "MessageGroupId", "g2", "MessageDeduplicationId", "d");
            s.record("same-dedup-different-grp-1", s.receive(q, "MaxNumberOfMessages", 1));
            s.record("same-dedup-different-grp-2", s.receive(q, "MaxNumberOfMessages", 1));
        });
        on("test_receive_message_message_attribute_names_filters", s -> {
            String q = s.queue(Map.of("VisibilityTimeout", "0"));
            Map<String, Object> attrs = new LinkedHashMap<>();
            attrs.put("Help.Me", attr("String", "Me"));
            attrs.put("Hello", attr("String", "There"));
            attrs.put("General", attr("String", "Kenobi"));
            s.record("send_message_response", s.ok("SendMessage", "QueueUrl", q, "MessageBody", "msg", "MessageAttributes", attrs));
            s.record("empty_filter", s.receive(q, "WaitTimeSeconds", 5, "MessageAttributeNames", List.of()));
            s.record("all_name", s.receive(q, "WaitTimeSeconds", 5, "MessageAttributeNames", List.of("All")));
            s.record("all_wildcard_asterisk", first(s.receive(q, "WaitTimeSeconds", 5, "MessageAttributeNames", List.of("*"))));
            s.record("all_wildcard", first(s.receive(q, "WaitTimeSeconds", 5, "MessageAttributeNames", List.of(".*"))));
            s.record("only_non_existing_names", first(s.receive(q, "WaitTimeSeconds", 5, "MessageAttributeNames", List.of("Foo", "Help"))));
            s.record("only_existing", first(s.receive(q, "WaitTimeSeconds", 5, "MessageAttributeNames", List.of("Hello", "General"))));
            s.record("existing_and_non_existing", first(s.receive(q, "WaitTimeSeconds", 5, "MessageAttributeNames", List.of("Foo", "Hello"))));
            s.record("prefix_filter", first(s.receive(q, "WaitTimeSeconds", 5, "MessageAttributeNames", List.of("Hel.*"))));
            s.record("illegal_name_1", s.receive(q, "WaitTimeSeconds", 5, "MessageAttributeNames", List.of("AWS.")));
            s.record("illegal_name_2", s.receive(q, "WaitTimeSeconds", 5, "MessageAttributeNames", List.of("..foo")));
        });
        on("test_receive_message_attribute_names_filters", s -> attributeNameFilters(s, "AttributeNames", null));
        on("test_receive_message_message_system_attribute_names_filters",
                s -> attributeNameFilters(s, "MessageSystemAttributeNames", null));
        on("test_message_system_attribute_names_with_attribute_names", s -> {
            String q = s.queue(Map.of("VisibilityTimeout", "0"));
            s.ok("SendMessage", "QueueUrl", q, "MessageBody", "msg");
            s.record("same_values", s.receive(q, "WaitTimeSeconds", 5, "AttributeNames", List.of("All"),
                    "MessageSystemAttributeNames", List.of("All")));
            s.record("different_values", s.receive(q, "WaitTimeSeconds", 5, "AttributeNames", List.of("SenderId"),
                    "MessageSystemAttributeNames", List.of("All")));
        });
        on("test_non_existent_queue", s -> {
            s.record("queue-does-not-exist", s.json.call("GetQueueUrl", in("QueueName", "does-not-exist")));
            s.record("queue-does-not-exist-url", s.json.call("GetQueueAttributes",
                    in("QueueUrl", s.endpoint.url() + "/000000000000/does-not-exist", "AttributeNames", List.of("All"))));
            WireClient query = new WireClient(WireClient.Protocol.QUERY, s.endpoint.url());
            s.record("queue-does-not-exist-query", query.call("GetQueueUrl", in("QueueName", "does-not-exist")));
        });
        on("test_send_message_via_queue_url_with_json_protocol", s -> {
            String q = s.queue(Map.of());
            WireClient atQueueUrl = new WireClient(WireClient.Protocol.JSON, q.substring(0, q.lastIndexOf('/')) + "/" + q.substring(q.lastIndexOf('/') + 1));
            ObjectNode sent = atQueueUrl.call("SendMessage", in("QueueUrl", q, "MessageBody", "foobar"));
            assertThat(Scenario.status(sent)).isEqualTo(200);
            JsonNode m = s.messages(s.receive(q)).get(0);
            assertThat(m.get("Body").asText()).isEqualTo("foobar");
            s.record("receive-json-on-queue-url", atQueueUrl.call("ReceiveMessage", in("QueueUrl", q)));
        });
        on("test_dead_letter_queue_with_fifo_and_content_based_deduplication", s -> {
            String dlq = s.fifo(Map.of("ContentBasedDeduplication", "true", "MessageRetentionPeriod", "1209600"));
            String q = s.fifo(Map.of("ContentBasedDeduplication", "true", "VisibilityTimeout", "60",
                    "RedrivePolicy", "{\"deadLetterTargetArn\":\"" + s.arn(dlq) + "\",\"maxReceiveCount\":2}"));
            String id = s.ok("SendMessage", "QueueUrl", q, "MessageBody", "foobar", "MessageGroupId", "1").get("MessageId").asText();
            for (int i = 0; i < 3; i++) {
                s.receive(q, "WaitTimeSeconds", 1, "VisibilityTimeout", 0);
            }
            JsonNode messages = s.messages(s.receive(dlq, "WaitTimeSeconds", 10));
            assertThat(messages).hasSize(1);
            assertThat(messages.get(0).get("MessageId").asText()).isEqualTo(id);
            assertThat(messages.get(0).get("Body").asText()).isEqualTo("foobar");
        });
        on("test_set_empty_redrive_policy", s -> {
            String dlq = s.queue(Map.of());
            String q = s.queue(Map.of("RedrivePolicy", "{\"deadLetterTargetArn\":\"" + s.arn(dlq) + "\",\"maxReceiveCount\":2}"));
            s.ok("SetQueueAttributes", "QueueUrl", q, "Attributes", Map.of("RedrivePolicy", ""));
            assertThat(s.ok("GetQueueAttributes", "QueueUrl", q, "AttributeNames", List.of("All")).get("Attributes").has("RedrivePolicy")).isFalse();
        });
        on("test_send_receive_wait_time_seconds", s -> {
            String q = s.queue(Map.of());
            s.record("recieve_message_error_too_large", s.call("ReceiveMessage", "QueueUrl", q, "WaitTimeSeconds", 21));
            s.record("recieve_message_error_too_small", s.call("ReceiveMessage", "QueueUrl", q, "WaitTimeSeconds", -1));
            s.ok("SendMessage", "QueueUrl", q, "MessageBody", "message");
            ObjectNode r = s.receive(q);
            s.record("empty_short_poll_by_default_resp", r);
            s.delete(q, s.messages(r).get(0));
            s.ok("SendMessage", "QueueUrl", q, "MessageBody", "message");
            s.record("empty_short_poll_explicit_resp", s.receive(q, "WaitTimeSeconds", 0));
        });
        on("test_receive_empty_queue", s -> {
            String q = s.queue(Map.of());
            s.record("empty_short_poll_resp_no_param", s.receive(q));
            s.record("empty_short_poll_resp", s.receive(q, "WaitTimeSeconds", 0));
            s.record("empty_long_poll_resp", s.receive(q, "WaitTimeSeconds", 1));
        });
        on("test_send_empty_message", s -> {
            String q = s.queue(Map.of());
            s.record("send_empty_message", s.call("SendMessage", "QueueUrl", q, "MessageBody", ""));
        });
        on("test_list_queues_pagination", s -> {
            for (int i = 0; i < 10; i++) {
                s.queue("7f7df0f5-test-queue-" + i, Map.of());
            }
            String expectedToken = Snapshots.recorded("test_list_queues_pagination").get("list_two_max").get("NextToken").asText();
            s.record("list_all", localstackUrls(s, s.ok("ListQueues", "QueueNamePrefix", "7f7df0f5"), null));
            ObjectNode two = s.ok("ListQueues", "QueueNamePrefix", "7f7df0f5", "MaxResults", 2);
            String token = two.path("NextToken").asText();
            assertThat(token).isNotEmpty();
            s.record("list_two_max", localstackUrls(s, two, expectedToken));
            s.record("list_remaining", localstackUrls(s, s.ok("ListQueues", "QueueNamePrefix", "7f7df0f5", "NextToken", token), null));
        });
        on("test_delete_after_visibility_timeout", s -> {
            String q = s.queue(Map.of());
            s.ok("SendMessage", "QueueUrl", q, "MessageBody", "foobar");
            JsonNode m = s.messages(s.receive(q, "VisibilityTimeout", 1)).get(0);
            Scenario.elapse(1500);
            s.delete(q, m);
            s.record("delete_after_timeout_queue_empty", s.receive(q));
        });
        on("test_fifo_delete_after_visibility_timeout", s -> {
            String q = s.fifo(Map.of("ContentBasedDeduplication", "true"));
            s.ok("SendMessage", "QueueUrl", q, "MessageBody", "foobar", "MessageGroupId", "1");
            ObjectNode r = s.receive(q, "VisibilityTimeout", 1);
            s.record("received_sqs_message", r);
            Scenario.elapse(1500);
            s.record("delete_after_timeout_fifo", s.call("DeleteMessage", "QueueUrl", q,
                    "ReceiptHandle", s.messages(r).get(0).get("ReceiptHandle").asText()));
        });
        on("test_fifo_delete_after_visibility_timeout_extended", s -> {
            String q = s.fifo(Map.of("ContentBasedDeduplication", "true"));
            s.ok("SendMessage", "QueueUrl", q, "MessageBody", "foobar", "MessageGroupId", "1");
            ObjectNode r = s.receive(q, "VisibilityTimeout", 1);
            s.record("received_sqs_message", r);
            String handle = s.messages(r).get(0).get("ReceiptHandle").asText();
            s.ok("ChangeMessageVisibility", "QueueUrl", q, "ReceiptHandle", handle, "VisibilityTimeout", 30);
            Scenario.elapse(1500);
            s.record("delete_after_timeout_fifo_extended", s.call("DeleteMessage", "QueueUrl", q, "ReceiptHandle", handle));
        });
        on("test_aws_trace_header_propagation", s -> {
            String q = s.queue(Map.of());
            s.ok("SendMessage", "QueueUrl", q, "MessageBody", "test",
                    "MessageAttributes", Map.of("timestamp", attr("Number", "1493147359900")),
                    "MessageSystemAttributes", Map.of("AWSTraceHeader",
                            attr("String", "Root=1-3152b799-8954dae64eda91bc9a23a7e8;Parent=7fa8c0f79203be72;Sampled=1")));
            ObjectNode m = (ObjectNode) first(s.receive(q, "AttributeNames", List.of("AWSTraceHeader", "SentTimestamp"),
                    "MessageAttributeNames", List.of("All")));
            // the snapshot's timestamp transformer shows the attribute as its value
            ((ObjectNode) m.get("MessageAttributes")).put("timestamp", m.get("MessageAttributes").get("timestamp").get("StringValue").asText());
            s.record("xray-msg", m);
        });
        on("test_send_message_to_standard_queue_with_invalid_message_group_id", s -> {
            String q = s.queue(Map.of());
            s.record("error-response", s.call("SendMessage", "QueueUrl", q, "MessageBody", "test",
                    "MessageGroupId", invalidId(s.variant)));
        });
        on("test_message_deduplication_id_invalid", s -> {
            String q = s.fifo(Map.of());
            s.record("error-response", s.call("SendMessage", "QueueUrl", q, "MessageBody", "test",
                    "MessageGroupId", "g", "MessageDeduplicationId", invalidId(s.variant)));
        });
        on("test_message_deduplication_id_success", s -> {
            String q = s.fifo(Map.of());
            for (String id : List.of("a", "a".repeat(128), "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", "dedup-1_2.3")) {
                s.ok("SendMessage", "QueueUrl", q, "MessageBody", "test", "MessageGroupId", "g", "MessageDeduplicationId", id);
            }
        });
        on("test_fifo_queue_send_message_with_zero_delay_defaults_to_queue_delay", s -> {
            String q = s.fifo(Map.of("ContentBasedDeduplication", "true", "DelaySeconds", "1"));
            s.record("send_message_result", s.ok("SendMessage", "QueueUrl", q, "MessageBody", "message-1",
                    "MessageGroupId", "1", "DelaySeconds", 0));
            s.record("receive_message_initial_result", s.receive(q));
            s.record("receive_message_after_delay_result", s.receive(q, "WaitTimeSeconds", 5));
        });
        on("test_approximate_number_of_messages_not_visible", s -> notVisible(s, s.queue(Map.of()), null));
        on("test_fifo_approximate_number_of_messages_not_visible",
                s -> notVisible(s, s.fifo(Map.of("ContentBasedDeduplication", "true")), "g"));
        on("test_fifo_group_visibility_extends_with_change_message_visibility", s -> {
            String q = s.fifo(Map.of("ContentBasedDeduplication", "true"));
            for (String body : List.of("foo", "bar", "baz")) {
                s.ok("SendMessage", "QueueUrl", q, "MessageBody", body, "MessageGroupId", "g");
            }
            ObjectNode all = s.receive(q, "MaxNumberOfMessages", 10);
            s.record("receive_all_messages", all);
            List<Integer> visible = switch (s.variant) {
                case "all-invisible", "0-visible" -> List.of();
                case "1-invisible" -> List.of(0, 2);
                case "no-invisible" -> List.of(0, 1, 2);
                case "1-visible" -> List.of(0);
                case "2-visible" -> List.of(0, 1);
                default -> throw new IllegalArgumentException(s.variant);
            };
            for (int i : visible) {
                s.ok("ChangeMessageVisibility", "QueueUrl", q, "ReceiptHandle",
                        s.messages(all).get(i).get("ReceiptHandle").asText(), "VisibilityTimeout", 0);
            }
            s.record("some-messages-invisible", s.receive(q, "MaxNumberOfMessages", 2));
        });

        // ---------------------------------------------------------------- move tasks
        on("test_basic_move_task_workflow", s -> {
            String[] q = redrivenToDlq(s, 2);
            s.record("start-message-move-task-response", s.ok("StartMessageMoveTask", "SourceArn", q[1], "DestinationArn", q[0]));
            s.record("list-message-move-task-response", completed(s, q[1]));
        });
        on("test_source_needs_redrive_policy", s -> {
            String a = s.arn(s.queue(Map.of()));
            String b = s.arn(s.queue(Map.of()));
            s.record("error", s.call("StartMessageMoveTask", "SourceArn", a, "DestinationArn", b));
        });
        on("test_cancel_with_invalid_task_handle", s ->
                s.record("error", s.call("CancelMessageMoveTask", "TaskHandle", "foobared")));
        on("test_cancel_with_invalid_source_arn_in_task_handle", s -> s.record("error", s.call("CancelMessageMoveTask",
                "TaskHandle", handle("a1b2c3", "arn:aws:sqs:us-east-1:000000000000:does-not-exist"))));
        on("test_cancel_with_invalid_task_id_in_task_handle", s -> {
            String[] q = redrivenToDlq(s, 0);
            s.record("error", s.call("CancelMessageMoveTask", "TaskHandle", handle("not-a-task", q[1])));
        });
        on("test_move_task_with_throughput_limit", s -> {
            String[] q = redrivenToDlq(s, 2);
            s.record("start-message-move-task-response", s.ok("StartMessageMoveTask", "SourceArn", q[1],
                    "DestinationArn", q[0], "MaxNumberOfMessagesPerSecond", 1));
        });
        on("test_destination_needs_to_exist", s -> {
            String[] q = redrivenToDlq(s, 0);
            s.record("error", s.call("StartMessageMoveTask", "SourceArn", q[1],
                    "DestinationArn", "arn:aws:sqs:us-east-1:000000000000:does-not-exist"));
        });
        on("test_start_multiple_move_tasks", s -> {
            String[] q = redrivenToDlq(s, 4);
            s.ok("StartMessageMoveTask", "SourceArn", q[1], "DestinationArn", q[0], "MaxNumberOfMessagesPerSecond", 1);
            s.record("error", s.call("StartMessageMoveTask", "SourceArn", q[1], "DestinationArn", q[0]));
        });
        on("test_move_task_workflow_with_default_destination", s -> {
            String[] q = redrivenToDlq(s, 2);
            s.record("source-arn", TextNode.valueOf(q[1]));
            s.record("original-source", TextNode.valueOf(q[0]));
            s.record("start-message-move-task-response", s.ok("StartMessageMoveTask", "SourceArn", q[1]));
            s.record("list-message-move-task-response", completed(s, q[1]));
            assertThat(s.ok("GetQueueAttributes", "QueueUrl", s.json.endpoint + "/000000000000/" + q[0].substring(q[0].lastIndexOf(':') + 1),
                    "AttributeNames", List.of("ApproximateNumberOfMessages")).get("Attributes").get("ApproximateNumberOfMessages").asText())
                    .isEqualTo("2");
        });
        on("test_move_task_workflow_with_multiple_sources_as_default_destination", s -> {
            String dlq = s.queue(Map.of());
            String dlqArn = s.arn(dlq);
            s.record("source-arn", TextNode.valueOf(dlqArn));
            String[] sources = new String[2];
            for (int i = 0; i < 2; i++) {
                sources[i] = s.queue(Map.of("VisibilityTimeout", "0", "RedrivePolicy",
                        "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":1}"));
                s.record("original-source-" + (i + 1), TextNode.valueOf(s.arn(sources[i])));
                moveToDlq(s, sources[i], 2);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> approximate(s, dlq) == 4);
            s.record("start-message-move-task-response", s.ok("StartMessageMoveTask", "SourceArn", dlqArn));
            s.record("list-message-move-task-response", completed(s, dlqArn));
            await().atMost(Duration.ofSeconds(10)).until(() -> approximate(s, sources[0]) == 2 && approximate(s, sources[1]) == 2);
        });
    }

    // ---------------------------------------------------------------- helpers

    private static String handle(String taskId, String sourceArn) {
        return Base64.getEncoder().encodeToString((taskId + "\n" + sourceArn).getBytes(StandardCharsets.UTF_8));
    }

    private static int approximate(Scenario s, String url) {
        return s.ok("GetQueueAttributes", "QueueUrl", url, "AttributeNames", List.of("ApproximateNumberOfMessages"))
                .get("Attributes").get("ApproximateNumberOfMessages").asInt();
    }

    /** A source queue whose messages have gone to its DLQ; returns {sourceArn, dlqArn}. */
    private static String[] redrivenToDlq(Scenario s, int messages) {
        String dlq = s.queue(Map.of());
        String dlqArn = s.arn(dlq);
        String source = s.queue(Map.of("VisibilityTimeout", "0", "RedrivePolicy",
                "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":1}"));
        moveToDlq(s, source, messages);
        await().atMost(Duration.ofSeconds(10)).until(() -> approximate(s, dlq) == messages);
        return new String[] {s.arn(source), dlqArn};
    }

    private static void moveToDlq(Scenario s, String source, int messages) {
        for (int i = 0; i < messages; i++) {
            s.ok("SendMessage", "QueueUrl", source, "MessageBody", "message-" + i);
        }
        int received = 0;
        while (received < messages) {
            received += Math.max(0, s.messages(s.receive(source, "MaxNumberOfMessages", 10)).size());
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> s.messages(s.receive(source, "MaxNumberOfMessages", 10)).isMissingNode()
                && approximate(s, source) == 0);
    }

    private static ObjectNode completed(Scenario s, String sourceArn) {
        AtomicReference<ObjectNode> last = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            ObjectNode r = s.ok("ListMessageMoveTasks", "SourceArn", sourceArn);
            last.set(r);
            return r.path("Results").path(0).path("Status").asText().equals("COMPLETED");
        });
        return last.get();
    }

    private static JsonNode first(ObjectNode receive) {
        return receive.path("Messages").path(0);
    }

    private static String invalidId(String variant) {
        return switch (variant) {
            case "empty" -> "";
            case "too_long" -> "a".repeat(129);
            case "spaces" -> "group 123";
            default -> throw new IllegalArgumentException(variant);
        };
    }

    private static List<JsonNode> sendAndReceive20(Scenario s, String q) {
        for (int round = 0; round < 2; round++) {
            List<Object> entries = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                entries.add(Map.of("Id", "message-" + i, "MessageBody", "messageBody-" + i));
            }
            assertThat(s.ok("SendMessageBatch", "QueueUrl", q, "Entries", entries).get("Successful")).hasSize(10);
        }
        List<JsonNode> received = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            s.messages(s.receive(q, "MaxNumberOfMessages", Math.min(10, 20 - received.size()))).forEach(received::add);
            return received.size() == 20;
        });
        return received;
    }

    /** Receives until {@code count} messages arrived; returns them sorted by body, as the snapshot lists them. */
    private static ArrayNode collect(Scenario s, String q, int count, List<String> names, int visibility) {
        List<JsonNode> got = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            s.messages(s.receive(q, "MaxNumberOfMessages", 10, "AttributeNames", names,
                    "MessageAttributeNames", List.of("All"), "VisibilityTimeout", visibility)).forEach(got::add);
            return got.size() >= count;
        });
        got.sort(Comparator.comparing(m -> m.get("Body").asText()));
        ArrayNode out = WireClient.MAPPER.createArrayNode();
        got.forEach(out::add);
        return out;
    }

    private static void attributeNameFilters(Scenario s, String parameter, Object unused) {
        String q = s.queue(Map.of("VisibilityTimeout", "0"));
        s.ok("SendMessage", "QueueUrl", q, "MessageBody", "msg", "MessageAttributes", Map.of("Foo", attr("String", "Bar")));
        s.record("all_attributes", s.receive(q, "WaitTimeSeconds", 5, parameter, List.of("All"), "MessageAttributeNames", List.of()));
        s.record("all_system_and_message_attributes", s.receive(q, "WaitTimeSeconds", 5, parameter, List.of("All"),
                "MessageAttributeNames", List.of("All")));
        s.record("single_attribute", s.receive(q, "WaitTimeSeconds", 5, parameter, List.of("SenderId"), "MessageAttributeNames", List.of()));
        s.record("multiple_attributes", s.receive(q, "WaitTimeSeconds", 5, parameter, List.of("SenderId", "SequenceNumber"),
                "MessageAttributeNames", List.of()));
    }

    private static void notVisible(Scenario s, String q, String group) {
        for (int i = 0; i < 3; i++) {
            if (group == null) {
                s.ok("SendMessage", "QueueUrl", q, "MessageBody", "message-" + i);
            } else {
                s.ok("SendMessage", "QueueUrl", q, "MessageBody", "message-" + i, "MessageGroupId", group);
            }
        }
        JsonNode got = s.messages(s.receive(q, "MaxNumberOfMessages", 2));
        assertThat(got).hasSize(2);
        ObjectNode attrs = (ObjectNode) s.ok("GetQueueAttributes", "QueueUrl", q, "AttributeNames",
                List.of("ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible")).get("Attributes");
        assertThat(attrs.get("ApproximateNumberOfMessagesNotVisible").asText()).isEqualTo("2");
        assertThat(attrs.get("ApproximateNumberOfMessages").asText()).isEqualTo("1");
        s.delete(q, got.get(0));
        assertThat(s.ok("GetQueueAttributes", "QueueUrl", q, "AttributeNames",
                List.of("ApproximateNumberOfMessagesNotVisible")).get("Attributes").get("ApproximateNumberOfMessagesNotVisible").asText())
                .isEqualTo("1");
    }

    /** Rewrites our queue URLs into the localstack form the snapshot recorded (host, account), and the page token. */
    private static ObjectNode localstackUrls(Scenario s, ObjectNode list, String token) {
        ObjectNode copy = list.deepCopy();
        ArrayNode urls = WireClient.MAPPER.createArrayNode();
        list.path("QueueUrls").forEach(u -> urls.add(u.asText().replace(s.endpoint.url(),
                "http://sqs.us-east-1.localhost.localstack.cloud:4566")));
        copy.set("QueueUrls", urls);
        if (token != null && copy.has("NextToken")) {
            copy.put("NextToken", token);
        }
        return copy;
    }
}
