package dev.sluice.engine.proof;

import dev.sluice.engine.EngineOptions;
import dev.sluice.engine.SqsEngine;
import dev.sluice.engine.model.ReceiveMessageRequest;
import dev.sluice.engine.queue.QueueAttributeNames;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proof: a backlog of 2,000,000 messages of 1 KiB (about 2 GiB, eight times the heap) is sent and drained on
 * durable storage by a JVM limited to 256 MiB of heap ({@code -Xmx256m}, in a child process so the limit is
 * real and not the test JVM's): every message is received and deleted exactly once and the queue ends empty,
 * also after a restart. The work and its checks run in {@link BacklogLoad}; this test reads its report.
 *
 * <p>Heavy (minutes): tagged so it can be selected or excluded with {@code -Dgroups=heavy} /
 * {@code -DexcludedGroups=heavy}; it runs in the default build.
 */
@Tag("heavy")
class BacklogTest {

    private static final int TOTAL = 2_000_000;
    private static final int THREADS = 8;

    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 30, unit = TimeUnit.MINUTES)
    void twoMillionMessagesOfOneKibThroughA256MibHeap() throws Exception {
        Path data = tmp.resolve("data");
        Path stderr = tmp.resolve("child.err");
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        long started = System.nanoTime();
        Process child = new ProcessBuilder(java, "-Xmx256m", "-XX:+ExitOnOutOfMemoryError",
                "-cp", System.getProperty("java.class.path"), BacklogLoad.class.getName(),
                data.toString(), Integer.toString(TOTAL), Integer.toString(THREADS))
                .redirectError(stderr.toFile())
                .start();
        String resultLine = null;
        String heapLine = null;
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                System.out.println("BacklogLoad: " + line);
                if (line.startsWith("RESULT ")) {
                    resultLine = line;
                } else if (line.startsWith("HEAP ")) {
                    heapLine = line;
                }
            }
        }
        assertThat(child.waitFor(5, TimeUnit.MINUTES)).as("child exited").isTrue();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        System.out.printf("BacklogTest: %,d messages sent and drained in %,d ms (child JVM, -Xmx256m)%n", TOTAL, millis);
        String errors = Files.readString(stderr);
        assertThat(child.exitValue()).as("exit status; stderr:\n%s\nresult: %s", errors, resultLine).isZero();
        assertThat(heapLine).isEqualTo("HEAP max=256 MiB");

        Map<String, String> result = parse(resultLine);
        assertThat(result).containsEntry("sent", "2000000").containsEntry("sendFailures", "0")
                .containsEntry("received", "2000000").containsEntry("distinctReceived", "2000000")
                .containsEntry("deleted", "2000000").containsEntry("distinctDeleted", "2000000")
                .containsEntry("duplicates", "0").containsEntry("deleteFailures", "0").containsEntry("corrupt", "0")
                .containsEntry("visible", "0").containsEntry("notVisible", "0").containsEntry("delayed", "0")
                .containsEntry("leftOver", "0");

        // The deletes were durable: reopened, the queue is still empty (ApproximateNumberOfMessages counts the
        // messages waiting on disk, not only those in memory).
        try (SqsEngine engine = SqsEngine.open(EngineOptions.durable(data))) {
            assertThat(engine.getQueueAttributes(BacklogLoad.QUEUE, List.of(
                    QueueAttributeNames.APPROXIMATE_NUMBER_OF_MESSAGES,
                    QueueAttributeNames.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                    QueueAttributeNames.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)))
                    .allSatisfy((name, value) -> assertThat(value).as(name).isEqualTo("0"));
            assertThat(engine.receiveMessage(ReceiveMessageRequest.of(BacklogLoad.QUEUE).withMax(10)
                    .withVisibilityTimeout(0).withWaitTimeSeconds(0))).isEmpty();
        }
    }

    private static Map<String, String> parse(String resultLine) {
        assertThat(resultLine).as("RESULT line of the child").isNotNull();
        Map<String, String> out = new HashMap<>();
        for (String field : resultLine.substring("RESULT ".length()).split(" ")) {
            int eq = field.indexOf('=');
            out.put(field.substring(0, eq), field.substring(eq + 1));
        }
        return out;
    }
}
