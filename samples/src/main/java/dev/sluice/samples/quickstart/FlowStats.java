package dev.sluice.samples.quickstart;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.atomic.AtomicLong;

/** The counters the progress line shows, shared by the producers and the listeners. */
@ApplicationScoped
public class FlowStats {

    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong processed = new AtomicLong();
    private final AtomicLong failedDeliveries = new AtomicLong();
    private volatile long lastProcessedNanos;

    public void sent() {
        sent.incrementAndGet();
    }

    public void processed() {
        processed.incrementAndGet();
        lastProcessedNanos = System.nanoTime();
    }

    public void failed() {
        failedDeliveries.incrementAndGet();
    }

    public long sentCount() {
        return sent.get();
    }

    public long processedCount() {
        return processed.get();
    }

    /** System.nanoTime() of the latest processed order: the end of the throughput measurement. */
    public long lastProcessedNanos() {
        return lastProcessedNanos;
    }

    public long failedCount() {
        return failedDeliveries.get();
    }
}
