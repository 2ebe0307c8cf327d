package dev.sluice.jms.ack;

import jakarta.jms.JMSException;

import java.util.ArrayList;
import java.util.List;

/**
 * CLIENT_ACKNOWLEDGE: the session remembers every message it delivered; {@code acknowledge()} on any of
 * them deletes them all. Unacknowledged messages stay invisible until their visibility timeout ends and
 * then come back with JMSRedelivered set; {@code recover()} releases them at once (after the redelivery
 * delay).
 */
public final class ClientAcknowledger implements Acknowledger {

    private final Releaser releaser;
    private final List<Delivered> unacknowledged = new ArrayList<>();

    public ClientAcknowledger(Releaser releaser) {
        this.releaser = releaser;
    }

    @Override
    public synchronized void received(Delivered d) {
        unacknowledged.add(d);
    }

    @Override
    public void handedToListener(Delivered d) {
        received(d);
    }

    @Override
    public void listenerReturned(Delivered d) {
        // counted when handed over; the application acknowledges (or commits) it
    }

    @Override
    public void listenerThrew(Delivered d) {
        // stays unacknowledged: recover/rollback or the visibility timeout brings it back
    }

    @Override
    public synchronized void acknowledge() throws JMSException {
        if (!unacknowledged.isEmpty()) {
            List<Delivered> all = new ArrayList<>(unacknowledged);
            releaser.delete(all);
            unacknowledged.clear();
        }
    }

    @Override
    public synchronized void recover() throws JMSException {
        List<Delivered> all = new ArrayList<>(unacknowledged);
        unacknowledged.clear();
        releaser.releaseAll(all);
    }

    @Override
    public void close() throws JMSException {
        recover();
    }
}
