package dev.sluice.server.guide;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.engine.EngineOptions;
import dev.sluice.server.ServerOptions;
import dev.sluice.server.SluiceServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SQS guide's AWS CLI commands (Deployment Steps 3-8), run as {@code aws --endpoint-url <sluice> sqs ...}
 * with {@code --output json} and checked on their exit code and parsed output. Only the endpoint URL differs
 * from the guide; queue URLs come from create-queue instead of the guide's hard-coded AWS URL.
 */
class GuideAwsCliTest {

    private static final Duration CLI_TIMEOUT = Duration.ofSeconds(45);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path scratch;

    static SluiceServer server;
    static GuideProcess processes;

    @BeforeAll
    static void start() throws InterruptedException {
        processes = new GuideProcess(scratch);
        processes.requireTool("The AWS CLI", List.of("aws", "--version"));
        server = SluiceServer.start(ServerOptions.defaults().withPort(0).withStorage(EngineOptions.Storage.MEMORY));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** Step 3 "Standard Queue": create-queue, get-queue-url, list-queues. */
    @Test
    void createStandardQueueGetItsUrlAndListIt() {
        String url = sqs("create-queue", "--queue-name", "my-queue").path("QueueUrl").asText();
        assertThat(url).isEqualTo(server.endpointUrl() + "/000000000000/my-queue");

        assertThat(sqs("get-queue-url", "--queue-name", "my-queue").path("QueueUrl").asText()).isEqualTo(url);
        assertThat(texts(sqs("list-queues").path("QueueUrls"))).contains(url)
                .allMatch(u -> u.startsWith(server.endpointUrl() + "/000000000000/"));
    }

    /** Step 3 "FIFO Queue", shorthand and JSON attribute forms; content-based deduplication on send. */
    @Test
    void createFifoQueueWithContentBasedDeduplication() {
        String url = sqs("create-queue", "--queue-name", "my-queue.fifo",
                "--attributes", "FifoQueue=true,ContentBasedDeduplication=true").path("QueueUrl").asText();
        assertThat(url).isEqualTo(server.endpointUrl() + "/000000000000/my-queue.fifo");

        String jsonFormUrl = sqs("create-queue", "--queue-name", "json-form.fifo",
                "--attributes", "{\"FifoQueue\":\"true\",\"ContentBasedDeduplication\":\"true\"}")
                .path("QueueUrl").asText();
        JsonNode attributes = sqs("get-queue-attributes", "--queue-url", jsonFormUrl,
                "--attribute-names", "FifoQueue", "ContentBasedDeduplication").path("Attributes");
        assertThat(attributes.path("FifoQueue").asText()).isEqualTo("true");
        assertThat(attributes.path("ContentBasedDeduplication").asText()).isEqualTo("true");

        JsonNode first = sqs("send-message", "--queue-url", url, "--message-body", "Hello, SQS!",
                "--message-group-id", "orders");
        JsonNode duplicate = sqs("send-message", "--queue-url", url, "--message-body", "Hello, SQS!",
                "--message-group-id", "orders");
        assertThat(duplicate.path("MessageId").asText()).as("MessageId of the duplicate body")
                .isNotEmpty().isEqualTo(first.path("MessageId").asText());
        assertThat(duplicate.path("SequenceNumber").asText()).isEqualTo(first.path("SequenceNumber").asText());

        JsonNode messages = sqs("receive-message", "--queue-url", url, "--max-number-of-messages", "10",
                "--attribute-names", "All").path("Messages");
        assertThat(messages).as("one delivery of the deduplicated body").hasSize(1);
        assertThat(messages.get(0).path("MessageId").asText()).isEqualTo(first.path("MessageId").asText());
        assertThat(messages.get(0).path("Attributes").path("MessageGroupId").asText()).isEqualTo("orders");
    }

    /**
     * Steps 6-8: send-message (plain and with --message-attributes), receive-message with long polling and all
     * attributes, delete-message -- and the guide's literal placeholder receipt handle, which is refused.
     */
    @Test
    void sendReceiveWithAttributesAndDelete() {
        String url = sqs("create-queue", "--queue-name", "cli-messages").path("QueueUrl").asText();
        String plainId = sqs("send-message", "--queue-url", url, "--message-body", "Hello, SQS!")
                .path("MessageId").asText();
        JsonNode sent = sqs("send-message", "--queue-url", url, "--message-body", "Hello, SQS!",
                "--message-attributes", "Priority={DataType=String,StringValue=High}");
        String attributedId = sent.path("MessageId").asText();
        assertThat(sent.path("MD5OfMessageBody").asText()).isEqualTo(md5("Hello, SQS!"));
        assertThat(sent.path("MD5OfMessageAttributes").asText()).isNotEmpty();

        Map<String, JsonNode> received = new LinkedHashMap<>();
        for (int attempt = 0; attempt < 3 && received.size() < 2; attempt++) {
            GuideProcess.Result r = aws("receive-message", "--queue-url", url, "--wait-time-seconds", "20",
                    "--max-number-of-messages", "10", "--attribute-names", "All", "--message-attribute-names", "All");
            assertThat(r.exitCode()).as("receive-message" + r.describe()).isZero();
            assertThat(r.elapsed()).as("a long poll with messages waiting answers at once" + r.describe())
                    .isLessThan(Duration.ofSeconds(15));
            parse(r).path("Messages").forEach(m -> received.put(m.path("MessageId").asText(), m));
        }
        assertThat(received).containsOnlyKeys(plainId, attributedId);
        received.values().forEach(m -> {
            assertThat(m.path("Body").asText()).isEqualTo("Hello, SQS!");
            assertThat(m.path("MD5OfBody").asText()).isEqualTo(md5("Hello, SQS!"));
            assertThat(m.path("Attributes").path("ApproximateReceiveCount").asText()).isEqualTo("1");
            assertThat(m.path("Attributes").path("SentTimestamp").asLong()).isPositive();
            assertThat(m.path("ReceiptHandle").asText()).isNotEmpty();
        });
        JsonNode priority = received.get(attributedId).path("MessageAttributes").path("Priority");
        assertThat(priority.path("DataType").asText()).isEqualTo("String");
        assertThat(priority.path("StringValue").asText()).isEqualTo("High");
        assertThat(received.get(plainId).has("MessageAttributes")).as("plain message has no attributes").isFalse();

        for (JsonNode m : received.values()) {
            GuideProcess.Result r = aws("delete-message", "--queue-url", url,
                    "--receipt-handle", m.path("ReceiptHandle").asText());
            assertThat(r.exitCode()).as("delete-message" + r.describe()).isZero();
            assertThat(r.stdout()).as("delete-message prints nothing" + r.describe()).isBlank();
        }
        JsonNode counts = sqs("get-queue-attributes", "--queue-url", url, "--attribute-names",
                "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible").path("Attributes");
        assertThat(counts.path("ApproximateNumberOfMessages").asText()).isEqualTo("0");
        assertThat(counts.path("ApproximateNumberOfMessagesNotVisible").asText()).isEqualTo("0");

        // Step 8 verbatim: "receipt-handle-here" is a placeholder, and SQS refuses it
        GuideProcess.Result bad = aws("delete-message", "--queue-url", url, "--receipt-handle", "receipt-handle-here");
        assertThat(bad.exitCode()).as("delete-message with a placeholder handle" + bad.describe()).isIn(254, 255);
        assertThat(bad.stderr()).as(bad.describe()).contains("ReceiptHandleIsInvalid");
    }

    /** Step 6 "Send message with delay": hidden before the delay, delivered after it. */
    @Test
    void delaySecondsHidesTheMessageUntilItPasses() {
        String url = sqs("create-queue", "--queue-name", "cli-delayed").path("QueueUrl").asText();
        // the guide's 60 s: certainly still delayed during the next two commands
        sqs("send-message", "--queue-url", url, "--message-body", "Delayed message", "--delay-seconds", "60");
        GuideProcess.Result early = aws("receive-message", "--queue-url", url);
        assertThat(early.exitCode()).as(early.describe()).isZero();
        assertThat(parse(early).path("Messages").size()).as("messages visible during the delay" + early.describe())
                .isZero();
        assertThat(sqs("get-queue-attributes", "--queue-url", url, "--attribute-names", "ApproximateNumberOfMessagesDelayed")
                .path("Attributes").path("ApproximateNumberOfMessagesDelayed").asText()).isEqualTo("1");

        // a 2 s delay, waited out by a long poll
        String id = sqs("send-message", "--queue-url", url, "--message-body", "Delayed 2 s", "--delay-seconds", "2")
                .path("MessageId").asText();
        JsonNode messages = sqs("receive-message", "--queue-url", url, "--wait-time-seconds", "10",
                "--attribute-names", "All").path("Messages");
        assertThat(messages).hasSize(1);
        JsonNode m = messages.get(0);
        assertThat(m.path("MessageId").asText()).isEqualTo(id);
        assertThat(m.path("Body").asText()).isEqualTo("Delayed 2 s");
        long sentAt = m.path("Attributes").path("SentTimestamp").asLong();
        long firstReceivedAt = m.path("Attributes").path("ApproximateFirstReceiveTimestamp").asLong();
        assertThat(firstReceivedAt - sentAt).as("ms between send and first receive of a 2 s delayed message")
                .isGreaterThanOrEqualTo(1900);
    }

    /** Step 4 "Configure Queue Attributes" and a RedrivePolicy given as JSON (best practice 4). */
    @Test
    void setQueueAttributesAsInTheGuide() throws IOException {
        String url = sqs("create-queue", "--queue-name", "cli-configured").path("QueueUrl").asText();
        String dlqUrl = sqs("create-queue", "--queue-name", "cli-configured-dlq").path("QueueUrl").asText();
        String dlqArn = sqs("get-queue-attributes", "--queue-url", dlqUrl, "--attribute-names", "QueueArn")
                .path("Attributes").path("QueueArn").asText();
        assertThat(dlqArn).isEqualTo("arn:aws:sqs:us-east-1:000000000000:cli-configured-dlq");

        for (String attribute : List.of("VisibilityTimeout=60", "MessageRetentionPeriod=1209600",
                "ReceiveMessageWaitTimeSeconds=20")) {
            GuideProcess.Result r = aws("set-queue-attributes", "--queue-url", url, "--attributes", attribute);
            assertThat(r.exitCode()).as("set-queue-attributes " + attribute + r.describe()).isZero();
        }
        String redrive = JSON.writeValueAsString(Map.of("RedrivePolicy",
                JSON.writeValueAsString(Map.of("deadLetterTargetArn", dlqArn, "maxReceiveCount", "2"))));
        GuideProcess.Result r = aws("set-queue-attributes", "--queue-url", url, "--attributes", redrive);
        assertThat(r.exitCode()).as("set-queue-attributes RedrivePolicy" + r.describe()).isZero();

        JsonNode attributes = sqs("get-queue-attributes", "--queue-url", url, "--attribute-names", "All")
                .path("Attributes");
        assertThat(attributes.path("VisibilityTimeout").asText()).isEqualTo("60");
        assertThat(attributes.path("MessageRetentionPeriod").asText()).isEqualTo("1209600");
        assertThat(attributes.path("ReceiveMessageWaitTimeSeconds").asText()).isEqualTo("20");
        JsonNode policy = JSON.readTree(attributes.path("RedrivePolicy").asText());
        assertThat(policy.path("deadLetterTargetArn").asText()).isEqualTo(dlqArn);
        assertThat(policy.path("maxReceiveCount").asInt()).isEqualTo(2);
    }

    /**
     * Step 5 "Apply queue policy". The guide's {@code --attributes Policy=file://queue-policy.json} does not read
     * the file: the CLI only expands {@code file://} for a whole parameter, so the policy sent is the text
     * "file://queue-policy.json", which SQS (and Sluice) reject. A whole-parameter file works.
     */
    @Test
    void queuePolicyFromAFile() throws IOException {
        String url = sqs("create-queue", "--queue-name", "cli-policy").path("QueueUrl").asText();
        String policy = """
                {"Version":"2012-10-17","Statement":[{"Sid":"AllowCrossAccountAccess","Effect":"Allow",\
                "Principal":{"AWS":"arn:aws:iam::987654321098:root"},"Action":["sqs:SendMessage","sqs:ReceiveMessage"],\
                "Resource":"arn:aws:sqs:us-east-1:000000000000:cli-policy"}]}""";
        Path dir = Files.createDirectories(scratch.resolve("policy"));
        Files.writeString(dir.resolve("queue-policy.json"), policy);
        Files.writeString(dir.resolve("attributes.json"), JSON.writeValueAsString(Map.of("Policy", policy)));

        GuideProcess.Result literal = processes.run(CLI_TIMEOUT, dir, command("set-queue-attributes",
                "--queue-url", url, "--attributes", "Policy=file://queue-policy.json"));
        assertThat(literal.exitCode()).as("the guide's Policy=file:// shorthand" + literal.describe()).isIn(254, 255);
        assertThat(literal.stderr()).as(literal.describe()).contains("InvalidAttributeValue");

        GuideProcess.Result whole = processes.run(CLI_TIMEOUT, dir, command("set-queue-attributes",
                "--queue-url", url, "--attributes", "file://attributes.json"));
        assertThat(whole.exitCode()).as("--attributes file://attributes.json" + whole.describe()).isZero();
        JsonNode stored = JSON.readTree(sqs("get-queue-attributes", "--queue-url", url, "--attribute-names", "Policy")
                .path("Attributes").path("Policy").asText());
        assertThat(stored).isEqualTo(JSON.readTree(policy));
    }

    /** Step 8 "Purge all messages". */
    @Test
    void purgeQueueEmptiesIt() {
        String url = sqs("create-queue", "--queue-name", "cli-purge").path("QueueUrl").asText();
        sqs("send-message", "--queue-url", url, "--message-body", "to be purged");
        GuideProcess.Result r = aws("purge-queue", "--queue-url", url);
        assertThat(r.exitCode()).as("purge-queue" + r.describe()).isZero();
        JsonNode counts = sqs("get-queue-attributes", "--queue-url", url, "--attribute-names", "All").path("Attributes");
        assertThat(counts.path("ApproximateNumberOfMessages").asText()).isEqualTo("0");
        assertThat(counts.path("ApproximateNumberOfMessagesNotVisible").asText()).isEqualTo("0");
        assertThat(counts.path("ApproximateNumberOfMessagesDelayed").asText()).isEqualTo("0");
    }

    /** get-queue-url of a queue that does not exist: the CLI's error exit and SQS's error code. */
    @Test
    void missingQueueIsNonExistentQueue() {
        GuideProcess.Result r = aws("get-queue-url", "--queue-name", "no-such-queue");
        assertThat(r.exitCode()).as("get-queue-url of a missing queue" + r.describe()).isIn(254, 255);
        assertThat(r.stderr()).as(r.describe()).contains("AWS.SimpleQueueService.NonExistentQueue")
                .contains("The specified queue does not exist.");
        assertThat(r.stdout()).as(r.describe()).isBlank();
    }

    // ---------------------------------------------------------------------------------------------------------

    private static List<String> command(String... sqsArgs) {
        List<String> c = new ArrayList<>(List.of("aws", "--endpoint-url", server.endpointUrl(), "--output", "json",
                "sqs"));
        c.addAll(List.of(sqsArgs));
        return c;
    }

    private static GuideProcess.Result aws(String... sqsArgs) {
        return processes.run(CLI_TIMEOUT, scratch, command(sqsArgs));
    }

    /** Runs an {@code aws sqs} command that must succeed, and parses its JSON output (empty output → {}). */
    private static JsonNode sqs(String... sqsArgs) {
        GuideProcess.Result r = aws(sqsArgs);
        assertThat(r.exitCode()).as("aws sqs " + sqsArgs[0] + r.describe()).isZero();
        return parse(r);
    }

    private static JsonNode parse(GuideProcess.Result r) {
        if (r.stdout().isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(r.stdout());
        } catch (IOException e) {
            throw new AssertionError("output is not JSON: " + e.getMessage() + r.describe(), e);
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
