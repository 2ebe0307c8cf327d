package dev.sluice.server.guide;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the guide's client tools (python3 + boto3, the AWS CLI) as child processes against a Sluice endpoint:
 * fixed test credentials and region, no user AWS configuration, stdout and stderr captured for assertion messages.
 * A missing tool is a test failure with a clear message, never a skip: CI has both.
 */
final class GuideProcess {

    static final String ACCESS_KEY = "test";
    static final String SECRET_KEY = "test";
    static final String REGION = "us-east-1";

    /** What a finished process did. */
    record Result(List<String> command, int exitCode, String stdout, String stderr, Duration elapsed) {

        /** The whole story, for assertion messages. */
        String describe() {
            return "\n$ " + String.join(" ", command) + "\nexit code " + exitCode + " after " + elapsed.toMillis()
                    + " ms\n--- stdout ---\n" + stdout + "\n--- stderr ---\n" + stderr + "\n--------------";
        }
    }

    private final Path scratch;

    /** @param scratch a directory for captured output and the (absent) AWS config files */
    GuideProcess(Path scratch) {
        this.scratch = scratch;
    }

    /** The child environment: this JVM's minus every AWS_* setting, plus test credentials and region. */
    Map<String, String> environment() {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.keySet().removeIf(k -> k.startsWith("AWS_"));
        env.put("AWS_ACCESS_KEY_ID", ACCESS_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", SECRET_KEY);
        env.put("AWS_DEFAULT_REGION", REGION);
        // Hermetic: no ~/.aws profile, endpoint or retry settings of whoever runs the build
        env.put("AWS_CONFIG_FILE", scratch.resolve("no-aws-config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", scratch.resolve("no-aws-credentials").toString());
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("PYTHONDONTWRITEBYTECODE", "1");
        env.put("PYTHONUNBUFFERED", "1");
        return env;
    }

    Result run(Duration timeout, Path workDir, List<String> command) {
        return run(timeout, workDir, command, Map.of());
    }

    Result run(Duration timeout, Path workDir, List<String> command, Map<String, String> extraEnv) {
        Path out;
        Path err;
        try {
            out = Files.createTempFile(scratch, "out-", ".txt");
            err = Files.createTempFile(scratch, "err-", ".txt");
        } catch (IOException e) {
            throw new AssertionError("cannot create capture files in " + scratch, e);
        }
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        if (workDir != null) {
            pb.directory(workDir.toFile());
        }
        pb.environment().clear();
        pb.environment().putAll(environment());
        pb.environment().putAll(extraEnv);
        long start = System.nanoTime();
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new AssertionError("Cannot start '" + command.get(0) + "' (" + e.getMessage() + "). These tests need "
                    + "python3 with boto3 and the AWS CLI (awscli) on the PATH, as CI has them.", e);
        }
        boolean finished;
        try {
            finished = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + command, e);
        }
        if (!finished) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            try {
                p.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        Result r = new Result(List.copyOf(command), finished ? p.exitValue() : -1, read(out), read(err), elapsed);
        if (!finished) {
            throw new AssertionError("timed out after " + timeout.toSeconds() + " s, killed:" + r.describe());
        }
        return r;
    }

    /** Fails, with what was printed, unless {@code command} runs and exits 0: the tool-is-installed check. */
    void requireTool(String what, List<String> command) {
        Result r = run(Duration.ofSeconds(60), null, command);
        if (r.exitCode() != 0) {
            throw new AssertionError(what + " is required (CI installs it) but '" + String.join(" ", command)
                    + "' failed:" + r.describe());
        }
    }

    static List<String> list(String first, String... rest) {
        List<String> all = new ArrayList<>(rest.length + 1);
        all.add(first);
        all.addAll(List.of(rest));
        return all;
    }

    private static String read(Path p) {
        try {
            return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "<unreadable: " + e + ">";
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
