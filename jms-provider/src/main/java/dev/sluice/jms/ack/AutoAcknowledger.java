package dev.sluice.jms.ack;

import jakarta.jms.JMSException;

import java.util.List;

/**
 * AUTO_ACKNOWLEDGE: a received message is deleted as {@code receive()} hands it over, and after a listener
 * returns; a listener that throws has its message released for immediate (or delayed) redelivery.
 */
public final class AutoAcknowledger implements Acknowledger {

    private final Releaser releaser;

    public AutoAcknowledger(Releaser releaser) {
        this.releaser = releaser;
    }

    @Override
    public void received(Delivered d) throws JMSException {
        releaser.acknowledgeQuickly(List.of(d));
    }

    @Override
    public void listenerReturned(Delivered d) throws JMSException {
        releaser.acknowledgeQuickly(List.of(d));
    }

    @Override
    public void listenerThrew(Delivered d) throws JMSException {
        releaser.release(d);
    }

    @Override
    public void acknowledge() {
        // nothing to do: every message is acknowledged as it is delivered
    }

    @Override
    public void recover() {
        // nothing unacknowledged to release
    }

    @Override
    public void close() {
    }
}
