package dev.sluice.jms;

import jakarta.jms.JMSException;
import jakarta.jms.TemporaryQueue;

/** A queue with a generated name that lives as long as the connection that created it. */
public final class SluiceTemporaryQueue extends SluiceQueue implements TemporaryQueue {

    private static final long serialVersionUID = 1L;
    static final String PREFIX = "sluice-tmp-";

    private final transient SluiceConnection owner;

    SluiceTemporaryQueue(String name, SluiceConnection owner) {
        super(name);
        this.owner = owner;
    }

    @Override
    public void delete() throws JMSException {
        if (owner == null) {
            throw new jakarta.jms.IllegalStateException("Only the connection that created " + this + " can delete it.");
        }
        owner.deleteTemporaryQueue(this);
    }
}
