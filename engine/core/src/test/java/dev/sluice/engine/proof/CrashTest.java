package dev.sluice.engine.proof;

import dev.sluice.engine.EngineOptions;
import dev.sluice.engine.SqsEngine;
import dev.sluice.engine.model.BatchEntry;
import dev.sluice.engine.model.MessageView;
import dev.sluice.engine.model.ReceiveMessageRequest;
import dev.sluice.engine.model.ReceivedMessage;
import dev.sluice.engine.queue.QueueAttributeNames;
import dev.sluice.engine.time.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Proof: a JVM running a mixed load on a durable data directory can be killed with SIGKILL at any moment
 * and, after a restart, no acknowledged send is lost, no acknowledged delete comes back, and the surviving
 * messages of each FIFO group are still in send order. Six rounds of: start {@link CrashLoad} on the same
 * directory, let it acknowledge a random number (200–2,000) of calls, kill -9 it, check the directory.
 *
 * <h2>How the checker sees every message, in flight or not</h2>
 * At the kill some messages are in flight: their visibility deadline (receive time + {@value
 * CrashLoad#VISIBILITY_SECONDS} s) is persisted, and receive and browse skip them until then. The checker
 * opens the engine with a {@link ManualClock} 60 s past the wall clock: every deadline has then passed, so
 * every stored message is visible, and {@link SqsEngine#browse} lists them all (a FIFO queue in sequence
 * order) without changing anything on disk: browse records no receive and persists nothing. The only write
 * of opening is the expiry of de-duplication entries older than that clock, which the load does not rely on
 * (its de-duplication ids are unique). The browse is checked against ApproximateNumberOfMessages (which
 * counts messages waiting on disk too), so nothing escapes the listing.
 *
 * <p>To check FIFO delivery as a consumer sees it, the checker also drains a copy of the directory (taken
 * while no process has it open, so it is exactly the crashed state) with ReceiveMessage and DeleteMessage,
 * group by group in order, and compares it with the browse.
 *
 * <p>A kill loses calls that were in progress: a send may or may not have happened, a delete announced by
 * DELETING may or may not have. Only the acknowledged lines bind: SENT without DELETING must be present,
 * DELETED must be absent, and messages the checker finds but never saw acknowledged must at least be
 * well-formed and, on the FIFO queue, in order with the rest of their group.
 */
class CrashTest {

    private static final int ROUNDS = 6;
    private static final int MIN_ACKS = 200;
    private static final int MAX_ACKS = 2_000;

    @TempDir
    Path tmp;

    private record Sent(String queue, String id, String group, long seq) {
    }

    private final Map<String, Sent> sent = new HashMap<>();
    private final Set<String> deleting = new HashSet<>();
    private final Set<String> deleted = new HashSet<>();

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void acknowledgedWorkSurvivesKillDashNineUnderLoad() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        System.out.println("CrashTest seed " + seed);
        Path data = tmp.resolve("data");
        long started = System.nanoTime();
        long nextBodySeq = 1;
        for (int round = 1; round <= ROUNDS; round++) {
            int killAfter = MIN_ACKS + random.nextInt(MAX_ACKS - MIN_ACKS + 1);
            int acks = runAndKill(data, nextBodySeq, killAfter, round);
            nextBodySeq += 10_000_000L;
            long checked = check(data, round);
            System.out.printf("CrashTest round %d: killed after %d acks (target %d); %d sent, %d deleted so far; "
                            + "%d messages stored%n", round, acks, killAfter, sent.size(), deleted.size(), checked);
        }
        assertThat(deleted).as("deletes acknowledged over all rounds").isNotEmpty();
        assertThat(sent.values().stream().filter(s -> s.queue.equals(CrashLoad.FIFO))).isNotEmpty();
        System.out.printf("CrashTest: %d rounds in %,d ms%n", ROUNDS,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    /** Starts the load, reads acknowledgements, kills it with SIGKILL after {@code killAfter} of them. */
    private int runAndKill(Path data, long firstBodySeq, int killAfter, int round) throws Exception {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Path stderr = tmp.resolve("child-" + round + ".err");
        Process child = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                CrashLoad.class.getName(), data.toString(), Long.toString(firstBodySeq))
                .redirectError(stderr.toFile())
                .start();
        int acks = 0;
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (acks < killAfter && (line = out.readLine()) != null) {
                acks += record(line, stderr);
            }
            if (acks < killAfter) {
                child.waitFor(10, TimeUnit.SECONDS);
                fail("the load ended by itself after " + acks + " acks (exit " + child.exitValue() + "):\n"
                        + Files.readString(stderr));
            }
            assertThat(child.isAlive()).as("load still running when killed").isTrue();
            // SIGKILL on Linux. Through the ProcessHandle, because Process.destroyForcibly() also closes our end
            // of the pipe, and the lines still in it must be read: a DELETING line there may announce a delete
            // that happened, and without it the checker would expect that message to be present.
            assertThat(child.toHandle().destroyForcibly()).as("SIGKILL sent").isTrue();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("killed load exited").isTrue();
            // Whatever the load wrote before it died acknowledges a completed call too.
            while ((line = out.readLine()) != null) {
                acks += record(line, stderr);
            }
        }
        assertThat(child.exitValue()).as("exit status of a SIGKILLed JVM").isEqualTo(137);
        return acks;
    }

    /** Takes in one line of the load; returns 1 for an acknowledgement that counts towards the kill. */
    private int record(String line, Path stderr) throws IOException {
        String[] f = line.split(" ");
        switch (f[0]) {
            case "READY":
                return 0;
            case "SENT":
                assertThat(sent.put(f[2], new Sent(f[1], f[2], f[3], Long.parseLong(f[4])))).as("reused id " + f[2])
                        .isNull();
                return 1;
            case "DELETING":
                deleting.add(f[2]);
                return 0;
            case "DELETED":
                assertThat(deleting).as("DELETED without DELETING").contains(f[2]);
                deleted.add(f[2]);
                return 1;
            default:
                fail("unexpected line from the load: " + line + "\n" + Files.readString(stderr));
                return 0;
        }
    }

    /** Opens the crashed directory in this JVM and checks it; returns the number of messages stored. */
    private long check(Path data, int round) throws IOException {
        Path copy = tmp.resolve("copy-" + round);
        copyDirectory(data, copy);
        Map<String, List<MessageView>> stored = new HashMap<>();
        try (SqsEngine engine = SqsEngine.open(EngineOptions.durable(data).withClock(pastEveryDeadline()))) {
            for (String queue : List.of(CrashLoad.STANDARD, CrashLoad.FIFO)) {
                List<MessageView> all = engine.browse(queue, null, Integer.MAX_VALUE);
                Map<String, String> counters = engine.getQueueAttributes(queue, List.of(
                        QueueAttributeNames.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeNames.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                        QueueAttributeNames.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED));
                assertThat(counters).as("round %d, %s: every message visible and browsed", round, queue)
                        .containsEntry(QueueAttributeNames.APPROXIMATE_NUMBER_OF_MESSAGES, Integer.toString(all.size()))
                        .containsEntry(QueueAttributeNames.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "0")
                        .containsEntry(QueueAttributeNames.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED, "0");
                stored.put(queue, all);
            }
        }

        Map<String, MessageView> byId = new HashMap<>();
        Map<String, String> queueOf = new HashMap<>();
        stored.forEach((queue, list) -> list.forEach(m -> {
            assertThat(byId.put(m.messageId(), m)).as("round %d: listed twice: %s", round, m.messageId()).isNull();
            queueOf.put(m.messageId(), queue);
        }));
        List<String> lost = new ArrayList<>();
        for (Sent s : sent.values()) {
            if (deleting.contains(s.id)) {
                continue;
            }
            MessageView m = byId.get(s.id);
            if (m == null || !s.queue.equals(queueOf.get(s.id))) {
                lost.add(s.queue + " " + s.id + " seq " + s.seq);
            } else {
                assertThat(m.body()).as("body of " + s.id).isEqualTo(CrashLoad.body(s.queue, s.group, s.seq));
            }
        }
        assertThat(lost).as("round %d: acknowledged sends missing", round).isEmpty();
        Set<String> resurrected = new HashSet<>(deleted);
        resurrected.retainAll(byId.keySet());
        assertThat(resurrected).as("round %d: acknowledged deletes back", round).isEmpty();

        // Every message, acknowledged or not, is one the load wrote, in its queue, in order within its group.
        Map<String, Long> lastSeqOfGroup = new HashMap<>();
        for (Map.Entry<String, List<MessageView>> q : stored.entrySet()) {
            for (MessageView m : q.getValue()) {
                String[] parts = m.body().split("\\|");
                assertThat(parts[0]).as("queue named in the body of " + m.messageId()).isEqualTo(q.getKey());
                assertThat(m.body()).isEqualTo(CrashLoad.body(parts[0], parts[1], Long.parseLong(parts[2])));
                if (q.getKey().equals(CrashLoad.FIFO)) {
                    assertThat(m.groupId()).isEqualTo(parts[1]);
                    long seq = Long.parseLong(parts[2]);
                    Long before = lastSeqOfGroup.put(parts[1], seq);
                    assertThat(before == null || before < seq)
                            .as("round %d: group %s lists seq %d after %d", round, parts[1], seq, before).isTrue();
                }
            }
        }
        assertThat(drainFifo(copy, round)).as("round %d: FIFO messages received from the crashed state", round)
                .isEqualTo(stored.get(CrashLoad.FIFO).stream().map(MessageView::messageId)
                        .collect(Collectors.toSet()));
        return byId.size();
    }

    /**
     * Drains the FIFO queue of a copy of the crashed directory through ReceiveMessage: within each group the
     * messages must arrive in send order. Returns the ids received.
     */
    private Set<String> drainFifo(Path copy, int round) {
        Set<String> ids = new HashSet<>();
        Map<String, Long> lastSeqOfGroup = new LinkedHashMap<>();
        try (SqsEngine engine = SqsEngine.open(EngineOptions.durable(copy).withClock(pastEveryDeadline()))) {
            ReceiveMessageRequest receive = ReceiveMessageRequest.all(CrashLoad.FIFO, 10)
                    .withVisibilityTimeout(600).withWaitTimeSeconds(0);
            for (List<ReceivedMessage> batch = engine.receiveMessage(receive); !batch.isEmpty();
                 batch = engine.receiveMessage(receive)) {
                List<BatchEntry<String>> entries = new ArrayList<>();
                for (ReceivedMessage m : batch) {
                    String group = m.attributes().get("MessageGroupId");
                    long seq = Long.parseLong(m.body().split("\\|")[2]);
                    Long before = lastSeqOfGroup.put(group, seq);
                    assertThat(before == null || before < seq)
                            .as("round %d: group %s delivered seq %d after %d", round, group, seq, before).isTrue();
                    assertThat(ids.add(m.messageId())).as("received twice: " + m.messageId()).isTrue();
                    entries.add(new BatchEntry<>(Integer.toString(entries.size()), m.receiptHandle()));
                }
                assertThat(engine.deleteMessageBatch(CrashLoad.FIFO, entries).failed()).isEmpty();
            }
        }
        return ids;
    }

    /** A clock 60 s past now: every visibility deadline the load set (at most 2 s after its death) has passed. */
    private static ManualClock pastEveryDeadline() {
        return new ManualClock(System.currentTimeMillis() + 60_000);
    }

    private static void copyDirectory(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }
}
