package dev.sluice.engine.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Kills a JVM that is writing, mid-stream, with SIGKILL; every acknowledged insert and delete must hold. */
class CrashRecoveryTest {

    private static final int ACKS_BEFORE_KILL = 3_000;

    @TempDir
    Path dir;

    @Test
    void acknowledgedUnitsSurviveKillDashNine() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Writer.class.getName(), dir.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        Set<String> inserted = new HashSet<>();
        Set<String> deleted = new HashSet<>();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; inserted.size() + deleted.size() < ACKS_BEFORE_KILL && (line = out.readLine()) != null; ) {
                String id = line.substring(2);
                (line.startsWith("I ") ? inserted : deleted).add(id);
            }
            child.destroyForcibly(); // SIGKILL on POSIX
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(inserted.size() + deleted.size()).as("acks read before the kill").isEqualTo(ACKS_BEFORE_KILL);

        try (SqliteStore store = SqliteStore.open(dir)) {
            Set<String> stored = new HashSet<>();
            store.loadMessages("q", 0, Integer.MAX_VALUE).forEach(m -> stored.add(m.id()));
            // An even message's delete is submitted as soon as its insert is acknowledged, and each of thread c's
            // right after its insert, so only an acknowledged delete is certain; the others are never deleted
            // and must all be there.
            Set<String> lost = new HashSet<>(inserted);
            lost.removeIf(id -> isEven(id) || id.startsWith("c-") || stored.contains(id));
            Set<String> resurrected = new HashSet<>(deleted);
            resurrected.retainAll(stored);
            assertThat(lost).as("acknowledged inserts lost").isEmpty();
            assertThat(resurrected).as("acknowledged deletes resurrected").isEmpty();
            assertThat(deleted).isNotEmpty();
        }
    }

    private static boolean isEven(String id) {
        return Long.parseLong(id.substring(id.indexOf('-') + 1)) % 2 == 0;
    }

    /**
     * The child: inserts forever from two threads, deletes every even message once its insert is durable; a third
     * thread deletes each of its messages right after submitting it, so that insert and delete often share a
     * transaction (which then writes neither).
     */
    public static final class Writer {
        public static void main(String[] args) throws Exception {
            SqliteStore store = SqliteStore.open(Path.of(args[0]));
            Runnable writer = () -> {
                String prefix = Thread.currentThread().getName();
                for (long i = 1; ; i++) {
                    String id = prefix + "-" + i;
                    // engine-wide unique, as the engine numbers
                    long seq = 3 * i + (prefix.equals("a") ? 0 : prefix.equals("b") ? 1 : 2);
                    boolean delete = i % 2 == 0;
                    CompletableFuture<Void> insert = store.submit(new StoreOp.InsertMessage(new StoredMessage(id, "q",
                            seq, "x".repeat(512), Map.of(), null, null, null, 0, null, 0, 0, 0, 0, 0, null)));
                    if (prefix.equals("c")) {
                        insert.thenRun(() -> ack("I ", id));
                        store.submit(new StoreOp.DeleteMessage(id, seq, "q")).thenRun(() -> ack("D ", id));
                    } else {
                        insert.thenRun(() -> ack("I ", id))
                                .thenCompose(ignored -> delete
                                        ? store.submit(new StoreOp.DeleteMessage(id, seq, "q"))
                                                .thenRun(() -> ack("D ", id))
                                        : store.submit(List.of()));
                    }
                    if (i % 200 == 0) {
                        store.submit(List.of()).join(); // keep the backlog bounded
                    }
                }
            };
            new Thread(writer, "a").start();
            new Thread(writer, "b").start();
            new Thread(writer, "c").start();
        }

        private static void ack(String kind, String id) {
            System.out.println(kind + id);
        }
    }
}
