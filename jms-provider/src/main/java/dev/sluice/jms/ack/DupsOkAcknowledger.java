package dev.sluice.jms.ack;

import jakarta.jms.JMSException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * DUPS_OK_ACKNOWLEDGE: like AUTO, but deletes are gathered and sent ten at a time (one DeleteMessageBatch),
 * or after {@value #LINGER_MILLIS} ms at the latest, trading a possible duplicate after a crash for fewer calls.
 */
public final class DupsOkAcknowledger implements Acknowledger {

    private static final System.Logger LOG = System.getLogger(DupsOkAcknowledger.class.getName());
    private static final int BATCH = 10;
    static final long LINGER_MILLIS = 200;

    private final Releaser releaser;
    private final ScheduledExecutorService timer;
    private final List<Delivered> pending = new ArrayList<>();
    private boolean flushScheduled;

    public DupsOkAcknowledger(Releaser releaser, ScheduledExecutorService timer) {
        this.releaser = releaser;
        this.timer = timer;
    }

    @Override
    public synchronized void received(Delivered d) throws JMSException {
        pending.add(d);
        if (pending.size() >= BATCH) {
            flush();
        } else if (!flushScheduled) {
            // a quiet consumer must not leave its few messages to come back after their visibility timeout
            flushScheduled = true;
            timer.schedule(this::lingerFlush, LINGER_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private synchronized void lingerFlush() {
        flushScheduled = false;
        try {
            flush();
        } catch (JMSException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not acknowledge messages: " + e.getMessage()
                    + "; they will be delivered again");
        }
    }

    @Override
    public void listenerReturned(Delivered d) throws JMSException {
        received(d);
    }

    @Override
    public void listenerThrew(Delivered d) throws JMSException {
        releaser.release(d);
    }

    @Override
    public void acknowledge() {
        // nothing for the application to do in this mode
    }

    @Override
    public synchronized void recover() throws JMSException {
        flush();
    }

    @Override
    public synchronized void close() throws JMSException {
        flush();
    }

    private void flush() throws JMSException {
        if (!pending.isEmpty()) {
            List<Delivered> batch = new ArrayList<>(pending);
            pending.clear();
            releaser.acknowledgeQuickly(batch);
        }
    }
}
