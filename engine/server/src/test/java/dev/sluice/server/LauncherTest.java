package dev.sluice.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher as users run it, in its own JVM: it prints its endpoint once it serves, answers /health and
 * /metrics, stops cleanly on SIGTERM, and what it acknowledged is there after a restart.
 */
class LauncherTest {

    private static final Pattern ENDPOINT = Pattern.compile("Sluice SQS endpoint: (http://\\S+)");

    record Launched(Process process, String endpoint) {
    }

    static Launched launch(Path dataDir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--port", "0", "--data-dir", dataDir.toString()).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            Matcher m = ENDPOINT.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "launcher-output");
                drain.setDaemon(true);
                drain.start();
                return new Launched(p, m.group(1));
            }
        }
        throw new AssertionError("the launcher exited without printing its endpoint; exit " + p.waitFor());
    }

    static SqsClient client(String endpoint) {
        return SqsClient.builder().endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @Test
    void servesStopsOnSigtermAndKeepsWhatItAcknowledged(@TempDir Path dir) throws Exception {
        Launched first = launch(dir);
        String url;
        try (SqsClient sqs = client(first.endpoint())) {
            url = sqs.createQueue(b -> b.queueName("kept")).queueUrl();
            sqs.sendMessage(b -> b.queueUrl(url).messageBody("survives"));

            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(first.endpoint() + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create(first.endpoint() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.body()).contains("sluice_queue_messages_visible{queue=\"kept\"} 1")
                    .contains("sluice_requests_total{action=\"SendMessage\"} 1");
        }

        first.process().destroy(); // SIGTERM
        assertThat(first.process().waitFor(30, TimeUnit.SECONDS)).as("stops within 30 s of SIGTERM").isTrue();
        assertThat(first.process().exitValue()).isIn(0, 143);

        Launched second = launch(dir);
        try (SqsClient sqs = client(second.endpoint())) {
            String again = sqs.getQueueUrl(b -> b.queueName("kept")).queueUrl();
            assertThat(sqs.receiveMessage(b -> b.queueUrl(again).waitTimeSeconds(5)).messages())
                    .extracting(m -> m.body()).isEqualTo(List.of("survives"));
        } finally {
            second.process().destroy();
            second.process().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void refusesUnknownOptionsWithUsage() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--storage", "tape").redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(output).contains("--storage must be durable or memory, not tape").contains("usage:");
    }
}
