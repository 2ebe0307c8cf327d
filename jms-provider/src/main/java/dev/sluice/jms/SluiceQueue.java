package dev.sluice.jms;

import jakarta.jms.JMSException;
import jakarta.jms.Queue;

import javax.naming.NamingException;
import javax.naming.Reference;
import javax.naming.Referenceable;
import java.io.Serializable;
import java.util.Objects;

/** A JMS Queue naming an SQS queue; a name ending in {@code .fifo} is a FIFO queue. */
public class SluiceQueue implements Queue, Serializable, Referenceable {

    private static final long serialVersionUID = 1L;

    private String name;

    /** For admin-object tooling (the resource adapter sets the name as a property). */
    public SluiceQueue() {
    }

    public SluiceQueue(String name) {
        this.name = name;
    }

    @Override
    public String getQueueName() throws JMSException {
        return name;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /** For a JNDI provider that binds references: {@link SluiceObjectFactory} makes the queue again. */
    @Override
    public Reference getReference() throws NamingException {
        return SluiceObjectFactory.destination(SluiceQueue.class, name);
    }

    @Override
    public String toString() {
        return "queue://" + name;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SluiceQueue q && !(o instanceof SluiceTemporaryQueue) == !(this instanceof SluiceTemporaryQueue)
                && Objects.equals(name, q.name);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(name);
    }
}
