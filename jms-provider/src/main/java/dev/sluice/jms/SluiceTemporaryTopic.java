package dev.sluice.jms;

import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.TemporaryTopic;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A topic with a generated name that only its connection may subscribe to, usable until the connection closes. */
public final class SluiceTemporaryTopic extends SluiceTopic implements TemporaryTopic {

    private static final long serialVersionUID = 1L;
    static final String PREFIX = "sluice-tmptopic-";

    /**
     * The temporary topics not yet deleted, by name, with their connections. The engine keeps no record of a topic
     * (it is only a name), and a temporary topic is also reached through other objects of its name (a JMSReplyTo
     * read from a message, a deserialized copy), so whether it is deleted cannot be a flag of the owner's object.
     * One map for the JVM is as precise as one per engine: names are random UUIDs, and topics exist only in the
     * embedded engine, which is in this JVM (one copy of the provider per engine, as for EngineRegistry).
     */
    private static final Map<String, SluiceConnection> LIVE = new ConcurrentHashMap<>();

    private final transient SluiceConnection owner;

    SluiceTemporaryTopic(String name, SluiceConnection owner) {
        super(name);
        this.owner = owner;
        if (owner != null) {
            LIVE.put(name, owner);
        }
    }

    SluiceConnection owner() {
        return owner;
    }

    /** Deleted, or its connection closed: from now on no reference to its name can use it. */
    void markDeleted() {
        LIVE.remove(getName(), owner);
    }

    static boolean isTemporaryName(String topicName) {
        return topicName.startsWith(PREFIX);
    }

    /**
     * The connection that created the temporary topic of this name, which is the only one that may subscribe to it.
     *
     * @throws InvalidDestinationException if it was deleted or its connection closed (a destination that no longer
     *                                     exists, as the spec's rule for temporary destinations has it)
     */
    static SluiceConnection liveOwner(String topicName) throws InvalidDestinationException {
        SluiceConnection c = LIVE.get(topicName);
        if (c == null) {
            throw new InvalidDestinationException("Temporary topic " + topicName
                    + " has been deleted, or the connection that created it closed.");
        }
        return c;
    }

    @Override
    public void delete() throws JMSException {
        if (owner == null) {
            throw new jakarta.jms.IllegalStateException("Only the connection that created " + this + " can delete it.");
        }
        owner.deleteTemporaryTopic(this);
    }
}
