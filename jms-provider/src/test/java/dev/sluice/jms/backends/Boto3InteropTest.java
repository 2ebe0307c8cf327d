package dev.sluice.jms.backends;

import jakarta.jms.BytesMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plain SQS client and a JMS client on the two sides of one queue: boto3 (python3, as CI has it) sends and
 * the provider's SQS backend receives, and the other way round, through each SQS endpoint of the suite.
 * A missing python3/boto3 is a failure with a clear message, never a skip.
 */
class Boto3InteropTest {

    private static final Path SCRIPT = Path.of("src/test/python/interop.py");

    @TempDir
    Path scratch;

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sluice.jms.backends.Backends#sqs")
    void boto3SendsAndAJmsConsumerReceives(TestBackend backend) throws Exception {
        try (Scenario s = Scenario.on(backend)) {
            String queue = s.createQueue("from-boto3", Map.of());
            assertThat(boto3(backend, "send", queue)).contains("SENT 4");

            Session session = s.started().createSession(Session.CLIENT_ACKNOWLEDGE);
            MessageConsumer c = session.createConsumer(session.createQueue(queue));
            Map<String, Message> byBody = new HashMap<>();
            for (int i = 0; i < 4; i++) {
                Message m = c.receive(10_000);
                assertThat(m).as("message %d of 4", i + 1).isInstanceOf(TextMessage.class);
                byBody.put(((TextMessage) m).getText(), m);
            }
            Message order = byBody.get("{\"order_id\":\"42\"}");
            assertThat(order.getStringProperty("OrderId")).isEqualTo("42");
            assertThat(order.getObjectProperty("Quantity")).isEqualTo(3L);
            assertThat(order.getObjectProperty("Price")).isEqualTo(9.5);
            assertThat(order.getJMSMessageID()).startsWith("ID:");
            assertThat(order.getJMSRedelivered()).isFalse();
            for (int i = 0; i < 3; i++) {
                assertThat(byBody.get("batch-" + i).getLongProperty("Index")).isEqualTo(i);
            }
            order.acknowledge();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sluice.jms.backends.Backends#sqs")
    void aJmsProducerSendsAndBoto3Receives(TestBackend backend) throws Exception {
        try (Scenario s = Scenario.on(backend)) {
            String queue = s.queue("to-boto3");
            Session session = s.connection().createSession(Session.AUTO_ACKNOWLEDGE);
            Queue q = session.createQueue(queue);
            MessageProducer p = session.createProducer(q);
            TextMessage text = session.createTextMessage("{\"order_id\":\"43\"}");
            text.setStringProperty("OrderId", "43");
            text.setIntProperty("Quantity", 2);
            text.setJMSCorrelationID("corr-43");
            p.send(text);
            BytesMessage bytes = session.createBytesMessage();
            bytes.writeBytes("raw".getBytes(StandardCharsets.UTF_8));
            p.send(bytes);

            String out = boto3(backend, "receive", queue, "2");
            List<String> lines = out.lines().filter(l -> l.startsWith("{")).toList();
            assertThat(lines).hasSize(2);
            String textLine = lines.stream().filter(l -> l.contains("order_id")).findFirst().orElseThrow();
            // the TextMessage body is the SQS body as-is; properties are typed attributes a plain client reads
            assertThat(textLine).contains("\"Body\": \"{\\\"order_id\\\":\\\"43\\\"}\"")
                    .contains("\"MessageId\": \"" + text.getJMSMessageID().substring(3) + "\"")
                    .contains("\"OrderId\": {\"DataType\": \"String\", \"Value\": \"43\"}")
                    .contains("\"Quantity\": {\"DataType\": \"Number.int\", \"Value\": \"2\"}")
                    .contains("\"JMS_SQSCorrelationID\": {\"DataType\": \"String\", \"Value\": \"corr-43\"}")
                    .contains("\"JMS_SQSMessageType\": {\"DataType\": \"String\", \"Value\": \"text\"}");
            String bytesLine = lines.stream().filter(l -> !l.contains("order_id")).findFirst().orElseThrow();
            assertThat(bytesLine).contains("\"JMS_SQSMessageType\": {\"DataType\": \"String\", \"Value\": \"byte\"}");
        }
    }

    private String boto3(TestBackend backend, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("python3", SCRIPT.toString(), args[0],
                ((SqsTestBackend) backend).endpoint()));
        command.addAll(List.of(args).subList(1, args.length));
        Path out = scratch.resolve("out-" + System.nanoTime() + ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_"));
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_CONFIG_FILE", scratch.resolve("no-config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", scratch.resolve("no-credentials").toString());
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new AssertionError("python3 with boto3 is needed for this test (CI has it): " + e.getMessage(), e);
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("boto3 " + command + " timed out:\n" + Files.readString(out));
        }
        String output = Files.readString(out);
        assertThat(process.exitValue()).as("boto3 %s exited with:%n%s", command, output).isZero();
        return output;
    }
}
