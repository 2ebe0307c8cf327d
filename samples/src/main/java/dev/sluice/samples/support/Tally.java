package dev.sluice.samples.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** What consumers recorded, shared across listener threads; the application waits on it for the work to be done. */
public final class Tally<T> {

    private final List<T> items = new ArrayList<>();

    public synchronized void add(T item) {
        items.add(item);
        notifyAll();
    }

    public synchronized List<T> items() {
        return List.copyOf(items);
    }

    public synchronized int size() {
        return items.size();
    }

    /** Waits until at least {@code count} items are recorded; false if the time ran out first. */
    public synchronized boolean awaitSize(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (items.size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
