package dev.sluice.jms.ack;

import jakarta.jms.JMSException;

import java.util.ArrayList;
import java.util.List;

/**
 * DUPS_OK_ACKNOWLEDGE: like AUTO, but deletes are gathered and sent ten at a time (one DeleteMessageBatch),
 * trading a possible duplicate after a crash for fewer calls.
 */
public final class DupsOkAcknowledger implements Acknowledger {

    private static final int BATCH = 10;

    private final Releaser releaser;
    private final List<Delivered> pending = new ArrayList<>();

    public DupsOkAcknowledger(Releaser releaser) {
        this.releaser = releaser;
    }

    @Override
    public synchronized void received(Delivered d) throws JMSException {
        pending.add(d);
        if (pending.size() >= BATCH) {
            flush();
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
            releaser.delete(batch);
        }
    }
}
