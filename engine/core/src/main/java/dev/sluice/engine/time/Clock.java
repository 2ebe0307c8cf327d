package dev.sluice.engine.time;

/**
 * The engine's source of time. Visibility timeouts, delays, retention and de-duplication windows all read
 * it, so tests can move time forward instead of sleeping.
 */
public interface Clock {

    /** Milliseconds since the epoch. */
    long millis();

    /**
     * How long, in real nanoseconds, a waiter should block before it looks at this clock again when it wants
     * {@code clockMillis} of clock time to pass. A clock that does not follow real time answers with a long
     * wait and calls its listeners when it is moved.
     */
    long realNanosFor(long clockMillis);

    /** Registers a callback run whenever this clock jumps (never for a clock that follows real time). */
    void onAdvance(Runnable listener);

    static Clock system() {
        return SystemClock.INSTANCE;
    }
}
