package dev.sluice.ra.inflow;

import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * Enlisted in the transaction the container starts around each MDB delivery, only to learn how it ended: the
 * message is deleted if it committed, released for redelivery if it rolled back — whether the bean threw or
 * called setRollbackOnly. It holds no work of its own, so there is nothing to prepare or recover.
 */
final class DeliveryOutcome implements XAResource {

    private volatile Boolean committed;
    private int timeout;

    /** Before each delivery: the poller's endpoint (and so this resource) serves one delivery after another. */
    void reset() {
        committed = null;
    }

    /** Whether the delivery's transaction committed (false if it rolled back or has not ended). */
    boolean committed() {
        return Boolean.TRUE.equals(committed);
    }

    @Override
    public void commit(Xid xid, boolean onePhase) {
        committed = true;
    }

    @Override
    public void rollback(Xid xid) {
        committed = false;
    }

    @Override
    public int prepare(Xid xid) {
        return XA_OK;
    }

    @Override
    public void start(Xid xid, int flags) {
    }

    @Override
    public void end(Xid xid, int flags) {
    }

    @Override
    public void forget(Xid xid) {
    }

    @Override
    public Xid[] recover(int flag) {
        return new Xid[0];
    }

    @Override
    public boolean isSameRM(XAResource other) throws XAException {
        return other == this;
    }

    @Override
    public int getTransactionTimeout() {
        return timeout;
    }

    @Override
    public boolean setTransactionTimeout(int seconds) {
        this.timeout = seconds;
        return true;
    }
}
