package dev.sluice.engine.time;

import java.util.concurrent.TimeUnit;

/** Real time. */
public final class SystemClock implements Clock {

    static final SystemClock INSTANCE = new SystemClock();

    private SystemClock() {
    }

    @Override
    public long millis() {
        return System.currentTimeMillis();
    }

    @Override
    public long realNanosFor(long clockMillis) {
        return TimeUnit.MILLISECONDS.toNanos(Math.max(0, clockMillis));
    }

    @Override
    public void onAdvance(Runnable listener) {
        // real time never jumps
    }
}
