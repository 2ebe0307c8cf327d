package dev.sluice.jms.spec;

import jakarta.jms.JMSException;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Small helpers for listeners and background calls in tests. */
public final class Sync {

    private Sync() {
    }

    /** Blocks a listener until the test releases the latch (30 s at most, so a failed test cannot hang). */
    public static void hold(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @FunctionalInterface
    public interface JmsRun {
        void run() throws JMSException;
    }

    /** Runs JMS code where only unchecked exceptions may leave (lambdas for executors). */
    public static void run(JmsRun r) {
        try {
            r.run();
        } catch (JMSException e) {
            throw new RuntimeException(e);
        }
    }
}
