package dev.sluice.jms.spec.producer;

import dev.sluice.jms.spec.Sync;
import jakarta.jms.CompletionListener;
import jakarta.jms.Message;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import static org.awaitility.Awaitility.await;

/**
 * A CompletionListener that holds its session's completion thread until released, so the async sends after it
 * stay incomplete for as long as a test needs.
 */
final class Gate implements CompletionListener {

    private final CountDownLatch release = new CountDownLatch(1);
    private volatile boolean returned;

    @Override
    public void onCompletion(Message message) {
        hold();
    }

    @Override
    public void onException(Message message, Exception exception) {
        hold();
    }

    private void hold() {
        Sync.hold(release);
        returned = true;
    }

    /** True once the held callback has returned. */
    boolean returned() {
        return returned;
    }

    void release() {
        release.countDown();
    }

    /**
     * Opens the gate once {@code caller} blocks, i.e. waits inside the call under test. A call that returns
     * without waiting finds the gate still shut; one that waits is let through, so nothing hangs.
     */
    void releaseWhenBlocked(Thread caller) {
        Thread t = new Thread(() -> {
            await().atMost(Duration.ofSeconds(30)).until(() -> caller.getState() == Thread.State.WAITING
                    || caller.getState() == Thread.State.TIMED_WAITING);
            release();
        }, "gate-release");
        t.setDaemon(true);
        t.start();
    }
}
