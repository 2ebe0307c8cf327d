package dev.sluice.server.badinput;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Bad input, one kind at a time, on both protocols: each is refused with the right status, error code and a
 * message naming what was wrong, and none of it disturbs a producer and consumer working alongside.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputTest {

    static final Duration DEADLINE = Duration.ofSeconds(2);
    static BadInputServer server;
    static Traffic traffic;
    static String queueUrl;

    @BeforeAll
    static void start() throws InterruptedException {
        server = new BadInputServer(DEADLINE);
        queueUrl = Wire.json(server, "AmazonSQS.CreateQueue", "{\"QueueName\":\"target\"}").json().get("QueueUrl").asText();
        traffic = new Traffic(server, "traffic").start();
    }

    @AfterAll
    static void stop() {
        traffic.close();
        server.close();
    }

    // ---- JSON protocol -------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"{\"QueueName\": ", "{QueueName: \"q\"}", "{\"QueueName\":\"q\",}", "{\"QueueName\":\"q\"}}",
            "nope", "{\"QueueName\":'q'}", "\u0000"})
    void malformedJsonIsASerializationError(String body) {
        Wire.Reply r = Wire.json(server, "AmazonSQS.CreateQueue", body);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.queryError()).isEqualTo("MalformedInput");
        assertThat(r.json().get("__type").asText()).isEqualTo("com.amazon.coral.service#SerializationException");
        assertThat(r.jsonMessage()).isEqualTo("The request body is not valid JSON.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "[{\"QueueName\":\"q\"}]", "\"QueueName\"", "42", "true"})
    void jsonThatIsNotAnObjectIsRefused(String body) {
        Wire.Reply r = Wire.json(server, "AmazonSQS.CreateQueue", body);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.queryError()).isEqualTo("MalformedInput");
        assertThat(r.jsonMessage()).isEqualTo("The request body must be a JSON object.");
    }

    @Test
    void aListWhereAStringIsExpectedNamesTheParameter() {
        Wire.Reply r = Wire.json(server, "AmazonSQS.CreateQueue", "{\"QueueName\":[\"q\"]}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.queryError()).isEqualTo("MalformedInput");
        assertThat(r.jsonMessage()).contains("QueueName");

        Wire.Reply body = Wire.json(server, "AmazonSQS.SendMessage",
                "{\"QueueUrl\":\"" + queueUrl + "\",\"MessageBody\":{\"a\":1}}");
        assertThat(body.status()).isEqualTo(400);
        assertThat(body.queryError()).isEqualTo("MalformedInput");
        assertThat(body.jsonMessage()).contains("MessageBody");
    }

    @Test
    void aStringWhereANumberIsExpectedNamesTheParameter() {
        Wire.Reply r = Wire.json(server, "AmazonSQS.ReceiveMessage",
                "{\"QueueUrl\":\"" + queueUrl + "\",\"MaxNumberOfMessages\":\"ten\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.queryError()).isEqualTo("InvalidParameterValue");
        assertThat(r.jsonMessage()).contains("MaxNumberOfMessages").contains("ten");

        Wire.Reply huge = Wire.json(server, "AmazonSQS.SendMessage",
                "{\"QueueUrl\":\"" + queueUrl + "\",\"MessageBody\":\"x\",\"DelaySeconds\":123456789012345678901234567890}");
        assertThat(huge.status()).isEqualTo(400);
        assertThat(huge.queryError()).isEqualTo("InvalidParameterValue");
        assertThat(huge.jsonMessage()).contains("DelaySeconds");

        Wire.Reply list = Wire.json(server, "AmazonSQS.ReceiveMessage",
                "{\"QueueUrl\":\"" + queueUrl + "\",\"AttributeNames\":\"All\"}");
        assertThat(list.status()).isEqualTo(400);
        assertThat(list.queryError()).isEqualTo("MalformedInput");
        assertThat(list.jsonMessage()).contains("AttributeNames");
    }

    @Test
    void unknownOperationInTheTarget() {
        Wire.Reply r = Wire.json(server, "AmazonSQS.SendMessages", "{}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.queryError()).isEqualTo("UnknownOperationException");
        assertThat(r.json().get("__type").asText()).isEqualTo("com.amazon.coral.service#UnknownOperationException");
        assertThat(r.jsonMessage()).contains("SendMessages");

        Wire.Reply empty = Wire.json(server, "AmazonSQS.", "{}");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.queryError()).isEqualTo("UnknownOperationException");
    }

    @Test
    void targetOfAnotherServiceOrNoTargetAtAll() {
        Wire.Reply other = Wire.json(server, "DynamoDB_20120810.GetItem", "{}");
        assertThat(other.status()).isEqualTo(400);
        assertThat(other.queryError()).isEqualTo("UnknownOperationException");
        assertThat(other.jsonMessage()).contains("DynamoDB_20120810.GetItem");

        Wire.Reply none = Wire.json(server, null, "{\"QueueName\":\"q\"}");
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.queryError()).isEqualTo("UnknownOperationException");
        assertThat(none.jsonMessage()).contains("X-Amz-Target");
    }

    static Stream<Arguments> missingJson() {
        return Stream.of(
                Arguments.of("CreateQueue", "{}", "MissingParameter", "QueueName"),
                Arguments.of("GetQueueUrl", "{}", "MissingParameter", "QueueName"),
                Arguments.of("SendMessage", "{\"MessageBody\":\"x\"}", "MissingParameter", "QueueUrl"),
                Arguments.of("ReceiveMessage", "{}", "MissingParameter", "QueueUrl"),
                Arguments.of("SendMessage", "{\"QueueUrl\":\"%s\"}", "MissingParameter", "MessageBody"),
                Arguments.of("DeleteMessage", "{\"QueueUrl\":\"%s\"}", "MissingParameter", "ReceiptHandle"),
                Arguments.of("ChangeMessageVisibility", "{\"QueueUrl\":\"%s\",\"VisibilityTimeout\":1}",
                        "MissingParameter", "ReceiptHandle"),
                Arguments.of("SendMessageBatch", "{\"QueueUrl\":\"%s\"}", "AWS.SimpleQueueService.EmptyBatchRequest",
                        "SendMessageBatchRequestEntry"),
                Arguments.of("DeleteMessageBatch", "{\"QueueUrl\":\"%s\"}", "AWS.SimpleQueueService.EmptyBatchRequest",
                        "DeleteMessageBatchRequestEntry"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("missingJson")
    void missingRequiredParameterOverJson(String action, String body, String code, String named) {
        Wire.Reply r = Wire.json(server, "AmazonSQS." + action, body.replace("%s", queueUrl));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.queryError()).isEqualTo(code);
        assertThat(r.jsonMessage()).contains(named);
    }

    @Test
    void invalidUtf8InJson() {
        byte[] body = concat("{\"QueueName\":\"q".getBytes(StandardCharsets.UTF_8), new byte[]{(byte) 0xC3, 0x28},
                "\"}".getBytes(StandardCharsets.UTF_8));
        Wire.Reply r = Wire.json(server, "AmazonSQS.CreateQueue", body);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.queryError()).isEqualTo("MalformedInput");
        assertThat(r.jsonMessage()).isEqualTo("The request body is not valid UTF-8.");

        byte[] surrogate = concat("{\"QueueUrl\":\"".getBytes(StandardCharsets.UTF_8), queueUrl.getBytes(StandardCharsets.UTF_8),
                "\",\"MessageBody\":\"".getBytes(StandardCharsets.UTF_8), new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                "\"}".getBytes(StandardCharsets.UTF_8));
        Wire.Reply s = Wire.json(server, "AmazonSQS.SendMessage", surrogate);
        assertThat(s.status()).isEqualTo(400);
        assertThat(s.jsonMessage()).isEqualTo("The request body is not valid UTF-8.");
    }

    @Test
    void escapedLoneSurrogateInAMessageBodyIsAnInvalidMessage() {
        Wire.Reply r = Wire.json(server, "AmazonSQS.SendMessage",
                "{\"QueueUrl\":\"" + queueUrl + "\",\"MessageBody\":\"a\\uD800b\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.queryError()).isIn("InvalidMessageContents", "InvalidParameterValue");
        assertThat(r.jsonMessage()).containsIgnoringCase("invalid");
    }

    @Test
    void deepNestingIsRefusedWithoutBlowingTheStack() {
        String deep = "{\"QueueName\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        Wire.Reply r = Wire.json(server, "AmazonSQS.CreateQueue", deep);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.queryError()).isEqualTo("MalformedInput");
        assertThat(r.jsonMessage()).contains("nested too deeply");

        Wire.Reply q = Wire.query(server, "Action=CreateQueue&QueueName=q&" + "a.".repeat(10_000) + "b=1");
        assertThat(q.status()).isEqualTo(400);
        assertThat(q.xmlCode()).isEqualTo("MalformedInput");
        assertThat(q.xmlMessage()).contains("nested too deeply");
    }

    // ---- Query protocol ------------------------------------------------------------------------------

    @Test
    void unknownAction() {
        Wire.Reply r = Wire.query(server, "Action=SendMessages&Version=2012-11-05");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.xmlCode()).isEqualTo("InvalidAction");
        assertThat(r.xmlMessage()).contains("SendMessages");
        assertThat(r.body()).startsWith("<?xml").contains("<ErrorResponse");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Version=2012-11-05&QueueName=q", "", "Action=&Version=2012-11-05", "Action"})
    void missingAction(String form) {
        Wire.Reply r = Wire.query(server, form);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.xmlCode()).isEqualTo("MissingAction");
        assertThat(r.xmlMessage()).contains("Action");
    }

    static Stream<Arguments> missingQuery() {
        return Stream.of(
                Arguments.of("Action=CreateQueue", "MissingParameter", "QueueName"),
                Arguments.of("Action=GetQueueUrl", "MissingParameter", "QueueName"),
                Arguments.of("Action=SendMessage&MessageBody=x", "MissingParameter", "QueueUrl"),
                Arguments.of("Action=SendMessage&QueueUrl=%s", "MissingParameter", "MessageBody"),
                Arguments.of("Action=DeleteMessage&QueueUrl=%s", "MissingParameter", "ReceiptHandle"),
                Arguments.of("Action=SendMessageBatch&QueueUrl=%s", "AWS.SimpleQueueService.EmptyBatchRequest",
                        "SendMessageBatchRequestEntry"),
                Arguments.of("Action=ChangeMessageVisibilityBatch&QueueUrl=%s",
                        "AWS.SimpleQueueService.EmptyBatchRequest", "ChangeMessageVisibilityBatchRequestEntry"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("missingQuery")
    void missingRequiredParameterOverQuery(String form, String code, String named) {
        Wire.Reply r = Wire.query(server, form.replace("%s", encode(queueUrl)) + "&Version=2012-11-05");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.xmlCode()).isEqualTo(code);
        assertThat(r.xmlMessage()).contains(named);
    }

    @Test
    void invalidUtf8InAForm() {
        Wire.Reply escaped = Wire.query(server, "Action=CreateQueue&Version=2012-11-05&QueueName=q%C3%28");
        assertThat(escaped.status()).isEqualTo(400);
        assertThat(escaped.xmlCode()).isEqualTo("MalformedInput");
        assertThat(escaped.xmlMessage()).contains("not valid UTF-8");

        byte[] raw = concat("Action=SendMessage&Version=2012-11-05&QueueUrl=".getBytes(StandardCharsets.US_ASCII),
                encode(queueUrl).getBytes(StandardCharsets.US_ASCII), "&MessageBody=a".getBytes(StandardCharsets.US_ASCII),
                new byte[]{(byte) 0xFF, (byte) 0xFE});
        Wire.Reply r = Wire.query(server, raw);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.xmlCode()).isEqualTo("MalformedInput");
        assertThat(r.xmlMessage()).contains("not valid UTF-8");
    }

    @ParameterizedTest
    @ValueSource(strings = {"QueueName=q%", "QueueName=q%2", "QueueName=q%ZZ", "QueueName=%G0q", "Queue%Name=q"})
    void brokenPercentEncoding(String param) {
        Wire.Reply r = Wire.query(server, "Action=CreateQueue&Version=2012-11-05&" + param);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.xmlCode()).isEqualTo("MalformedInput");
        assertThat(r.xmlMessage()).isEqualTo("Broken percent-encoding in the request.");
    }

    @Test
    void queryWrongTypesAndBrokenStructure() {
        Wire.Reply notNumber = Wire.query(server, "Action=ReceiveMessage&Version=2012-11-05&QueueUrl=" + encode(queueUrl)
                + "&WaitTimeSeconds=soon");
        assertThat(notNumber.status()).isEqualTo(400);
        assertThat(notNumber.xmlCode()).isEqualTo("InvalidParameterValue");
        assertThat(notNumber.xmlMessage()).contains("WaitTimeSeconds");

        Wire.Reply index = Wire.query(server, "Action=DeleteMessageBatch&Version=2012-11-05&QueueUrl=" + encode(queueUrl)
                + "&DeleteMessageBatchRequestEntry.one.Id=a");
        assertThat(index.status()).isEqualTo(400);
        assertThat(index.xmlCode()).isEqualTo("MalformedInput");
        assertThat(index.xmlMessage()).contains("Invalid index one");

        Wire.Reply both = Wire.query(server, "Action=CreateQueue&Version=2012-11-05&QueueName=q&Attribute.1=x&Attribute.1.Name=y");
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.xmlCode()).isEqualTo("MalformedInput");
        assertThat(both.xmlMessage()).contains("Attribute.1");
    }

    @Test
    void unsupportedMethod() {
        Wire.Reply r = Wire.send(HttpRequest.newBuilder(server.uri("/")).method("DELETE", HttpRequest.BodyPublishers.noBody())
                .header("X-Amz-Target", "AmazonSQS.ListQueues").build());
        assertThat(r.status()).isEqualTo(405);
        assertThat(r.queryError()).isEqualTo("UnsupportedHttpVerb");
        assertThat(r.jsonMessage()).contains("DELETE");
    }

    // ---- HTTP framing: sizes and slowness ------------------------------------------------------------

    @Test
    void hundredMegabyteBodyIsRefusedFromItsContentLengthAndTheConnectionClosed() throws Exception {
        try (Wire.Raw raw = new Wire.Raw(server.port(), Duration.ofSeconds(10))) {
            long start = System.nanoTime();
            raw.write("POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: AmazonSQS.SendMessage\r\nContent-Type: "
                    + Wire.JSON_TYPE + "\r\nContent-Length: " + (100L * 1024 * 1024) + "\r\n\r\n{\"QueueUrl\":");
            Wire.RawReply reply = raw.read();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(reply).isNotNull();
            assertThat(reply.status()).isEqualTo(413);
            assertThat(reply.closes()).isTrue();
            assertThat(reply.text()).contains("larger than");
            await().atMost(Duration.ofSeconds(5)).until(raw::closedByServer);
            // The server stopped reading: the rest of the announced 100 MB cannot be delivered.
            byte[] chunk = new byte[64 * 1024];
            assertThatThrownBy(() -> {
                for (int sent = 0; sent < 100 * 1024 * 1024; sent += chunk.length) {
                    raw.write(chunk);
                }
            }).isInstanceOf(IOException.class);
        }
        assertServing();
    }

    @Test
    void chunkedBodyGrowingPastTheLimitIsRefusedAndTheConnectionClosed() throws Exception {
        try (Wire.Raw raw = new Wire.Raw(server.port(), Duration.ofSeconds(10))) {
            raw.write("POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: AmazonSQS.SendMessage\r\nContent-Type: "
                    + Wire.JSON_TYPE + "\r\nTransfer-Encoding: chunked\r\n\r\n");
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong written = new AtomicLong();
            CompletableFuture<Throwable> writer = CompletableFuture.supplyAsync(() -> {
                byte[] data = "x".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
                byte[] chunk = concat("10000\r\n".getBytes(StandardCharsets.US_ASCII), data, "\r\n".getBytes(StandardCharsets.US_ASCII));
                try {
                    while (!stop.get() && written.get() < 64L * 1024 * 1024) {
                        raw.write(chunk);
                        written.addAndGet(data.length);
                    }
                    return null;
                } catch (IOException e) {
                    return e;
                }
            });
            Wire.RawReply reply = raw.read();
            stop.set(true);
            assertThat(reply).isNotNull();
            assertThat(reply.status()).isEqualTo(413);
            assertThat(reply.closes()).isTrue();
            await().atMost(Duration.ofSeconds(5)).until(raw::closedByServer);
            writer.get(10, TimeUnit.SECONDS);
            assertThat(written.get()).isLessThan(32L * 1024 * 1024);
        }
        assertServing();
    }

    @Test
    void hugeHeaderIs431AndOtherConnectionsCarryOn() throws Exception {
        try (Wire.Raw other = new Wire.Raw(server.port(), Duration.ofSeconds(10));
             Wire.Raw raw = new Wire.Raw(server.port(), Duration.ofSeconds(10))) {
            other.write(listQueues());
            assertThat(other.read().status()).isEqualTo(200);

            raw.write("POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: AmazonSQS.ListQueues\r\nX-Big: " + "a".repeat(64 * 1024)
                    + "\r\nContent-Length: 2\r\n\r\n{}");
            Wire.RawReply reply = raw.read();
            assertThat(reply).isNotNull();
            assertThat(reply.status()).isEqualTo(431);
            assertThat(reply.text()).contains("headers are larger than");
            await().atMost(Duration.ofSeconds(5)).until(raw::closedByServer);

            other.write(listQueues()); // the keep-alive connection next to it is unaffected
            assertThat(other.read().status()).isEqualTo(200);
        }
        assertServing();
    }

    @Test
    void hugeRequestLineIs414AndOtherConnectionsCarryOn() throws Exception {
        try (Wire.Raw other = new Wire.Raw(server.port(), Duration.ofSeconds(10));
             Wire.Raw raw = new Wire.Raw(server.port(), Duration.ofSeconds(10))) {
            other.write(listQueues());
            assertThat(other.read().status()).isEqualTo(200);

            raw.write("POST /" + "a".repeat(20 * 1024) + " HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n");
            Wire.RawReply reply = raw.read();
            assertThat(reply).isNotNull();
            assertThat(reply.status()).isEqualTo(414);
            assertThat(reply.text()).contains("request line is longer than");
            await().atMost(Duration.ofSeconds(5)).until(raw::closedByServer);

            other.write(listQueues());
            assertThat(other.read().status()).isEqualTo(200);
        }
        assertServing();
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET / HTTP/1.1 extra\r\n\r\n", "\u0001\u0002\u0003 / HTTP/1.1\r\n\r\n",
"POST / HTTP/1.1\r\nBad Header\r\n\r\n",
            "POST / HTTP/1.1\r\nContent-Length: -5\r\n\r\n", "POST / HTTP/1.1\r\nContent-Length: 12abc\r\n\r\n",
            "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n"})
    void garbledHttpIs400AndTheConnectionClosed(String request) throws Exception {
        try (Wire.Raw raw = new Wire.Raw(server.port(), Duration.ofSeconds(10))) {
            raw.write(request);
            Wire.RawReply reply = raw.read();
            assertThat(reply).isNotNull();
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.text()).contains("Malformed HTTP request");
            await().atMost(Duration.ofSeconds(5)).until(raw::closedByServer);
        }
        assertServing();
    }

    @Test
    void slowlorisHeadersAreCutOffAtTheRequestDeadline() throws Exception {
        slowClient("POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: AmazonSQS.ListQueues\r\nX-Slow: " + "z".repeat(100));
    }

    @Test
    void slowBodyIsCutOffAtTheRequestDeadline() throws Exception {
        slowClient("POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: AmazonSQS.ListQueues\r\nContent-Type: " + Wire.JSON_TYPE
                + "\r\nContent-Length: 200\r\n\r\n{" + " ".repeat(200));
    }

    /** Sends {@code text} at one byte per second and expects the server to close at the deadline. */
    private void slowClient(String text) throws Exception {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        ScheduledExecutorService pace = Executors.newSingleThreadScheduledExecutor();
        try (Wire.Raw raw = new Wire.Raw(server.port(), Duration.ofMillis(200))) {
            AtomicInteger at = new AtomicInteger();
            AtomicBoolean writeFailed = new AtomicBoolean();
            long start = System.nanoTime();
            ScheduledFuture<?> dribble = pace.scheduleAtFixedRate(() -> {
                int i = at.getAndIncrement();
                if (i < bytes.length) {
                    try {
                        raw.write(new byte[]{bytes[i]});
                    } catch (IOException e) {
                        writeFailed.set(true);
                    }
                }
            }, 0, 1, TimeUnit.SECONDS);
            await().atMost(DEADLINE.plusSeconds(4)).pollDelay(Duration.ZERO).until(raw::closedByServer);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            dribble.cancel(false);
            assertThat(took).isGreaterThanOrEqualTo(DEADLINE.minusMillis(300));
            assertThat(at.get()).isLessThan(bytes.length); // it was cut off, not finished
        } finally {
            pace.shutdownNow();
        }
        assertServing();
    }

    // ---- and through all of that ---------------------------------------------------------------------

    @Test
    @Order(Integer.MAX_VALUE)
    void theConcurrentProducerAndConsumerWereNeverDisturbed() {
        traffic.finish();
        assertThat(traffic.errors).isEmpty();
        assertThat(traffic.sent).hasSizeGreaterThan(20);
        assertThat(traffic.received).containsExactlyInAnyOrderElementsOf(traffic.sent);
    }

    // ---- helpers -------------------------------------------------------------------------------------

    private static void assertServing() {
        Wire.Reply r = Wire.json(server, "AmazonSQS.GetQueueUrl", "{\"QueueName\":\"target\"}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("QueueUrl").asText()).isEqualTo(queueUrl);
    }

    private static byte[] listQueues() {
        return Wire.request("POST", "/", Map.of("X-Amz-Target", "AmazonSQS.ListQueues", "Content-Type", Wire.JSON_TYPE),
                "{}".getBytes(StandardCharsets.UTF_8));
    }

    static String encode(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
