package dev.sluice.engine.time;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that moves only when told to. Waiters blocked on it (long polls) are woken at every move and
 * re-check their deadlines against the new time.
 */
public final class ManualClock implements Clock {

    /** A safety net only: waiters are woken by {@link #advance}, never by this timeout in a correct test. */
    private static final long IDLE_WAIT_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final AtomicLong now;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public ManualClock(long startMillis) {
        this.now = new AtomicLong(startMillis);
    }

    public ManualClock() {
        this(1_700_000_000_000L);
    }

    @Override
    public long millis() {
        return now.get();
    }

    public void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("a clock does not go back: " + by);
        }
        now.addAndGet(by.toMillis());
        listeners.forEach(Runnable::run);
    }

    public void advanceSeconds(long seconds) {
        advance(Duration.ofSeconds(seconds));
    }

    @Override
    public long realNanosFor(long clockMillis) {
        return clockMillis <= 0 ? 0 : IDLE_WAIT_NANOS;
    }

    @Override
    public void onAdvance(Runnable listener) {
        listeners.add(listener);
    }
}
