package dev.sluice.jms;

import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.TemporaryTopic;

/** A topic with a generated name that only its connection may subscribe to, usable until the connection closes. */
public final class SluiceTemporaryTopic extends SluiceTopic implements TemporaryTopic {

    private static final long serialVersionUID = 1L;
    static final String PREFIX = "sluice-tmptopic-";

    private final transient SluiceConnection owner;
    /** Set when deleted or when its connection closes: the engine keeps no record of a topic to refuse it by. */
    private transient volatile boolean deleted;

    SluiceTemporaryTopic(String name, SluiceConnection owner) {
        super(name);
        this.owner = owner;
    }

    SluiceConnection owner() {
        return owner;
    }

    void markDeleted() {
        deleted = true;
    }

    /** A deleted temporary topic cannot be used (the spec's rule for temporary destinations). */
    void checkUsable() throws InvalidDestinationException {
        if (deleted) {
            throw new InvalidDestinationException("Temporary topic " + getName() + " has been deleted.");
        }
    }

    @Override
    public void delete() throws JMSException {
        if (owner == null) {
            throw new jakarta.jms.IllegalStateException("Only the connection that created " + this + " can delete it.");
        }
        owner.deleteTemporaryTopic(this);
    }
}
