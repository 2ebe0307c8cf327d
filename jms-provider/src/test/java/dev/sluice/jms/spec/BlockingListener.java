package dev.sluice.jms.spec;

import jakarta.jms.Message;
import jakarta.jms.MessageListener;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A MessageListener that tells the test when it runs, waits until the test releases it (30 s at most), then does
 * the work the test gave it and records whether that threw: for what may happen while a listener is still running.
 */
public final class BlockingListener implements MessageListener {

    private final CountDownLatch running = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final Sync.JmsRun afterRelease;
    private final CompletableFuture<Throwable> outcome = new CompletableFuture<>();

    public BlockingListener() {
        this(() -> { });
    }

    public BlockingListener(Sync.JmsRun afterRelease) {
        this.afterRelease = afterRelease;
    }

    @Override
    public void onMessage(Message message) {
        running.countDown();
        Sync.hold(release);
        try {
            afterRelease.run();
            outcome.complete(null);
        } catch (Throwable t) {
            outcome.complete(t);
        }
    }

    /** Fails the test unless a message reaches the listener within 5 s. */
    public void awaitRunning() throws InterruptedException {
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
    }

    public void release() {
        release.countDown();
    }

    /** What the work after the release threw, or null; waits for it up to 5 s. */
    public Throwable outcome() throws Exception {
        return outcome.get(5, TimeUnit.SECONDS);
    }
}
