package dev.sluice.server.badinput;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** HTTP/1.1: the answers to pipelined requests come back in the order of the requests. */
class PipeliningTest {

    @Test
    void aPipelinedSendIsAnsweredAfterTheLongPollBeforeIt() throws Exception {
        try (BadInputServer server = new BadInputServer(Duration.ofSeconds(30));
             Wire.Raw raw = new Wire.Raw(server.port(), Duration.ofSeconds(30))) {
            String queue = server.queueUrl("pipelined");
            server.engine.createQueue("pipelined");
            Map<String, String> json = Map.of("Host", "127.0.0.1", "Content-Type", "application/x-amz-json-1.0",
                    "X-Amz-Target", "AmazonSQS.ReceiveMessage");
            byte[] receive = Wire.request("POST", "/", json, ("{\"QueueUrl\":\"" + queue
                    + "\",\"WaitTimeSeconds\":2}").getBytes(StandardCharsets.UTF_8));
            byte[] getUrl = Wire.request("POST", "/", Map.of("Host", "127.0.0.1", "Content-Type",
                    "application/x-amz-json-1.0", "X-Amz-Target", "AmazonSQS.GetQueueUrl"),
                    "{\"QueueName\":\"pipelined\"}".getBytes(StandardCharsets.UTF_8));
            byte[] both = new byte[receive.length + getUrl.length];
            System.arraycopy(receive, 0, both, 0, receive.length);
            System.arraycopy(getUrl, 0, both, receive.length, getUrl.length);
            raw.write(both);

            Wire.RawReply first = raw.read();
            Wire.RawReply second = raw.read();
            assertThat(first.status()).isEqualTo(200);
            assertThat(first.text()).doesNotContain("QueueUrl");
            assertThat(second.status()).isEqualTo(200);
            assertThat(second.text()).contains("\"QueueUrl\"");
        }
    }
}
