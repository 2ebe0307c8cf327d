package dev.sluice.jms;

import jakarta.jms.JMSException;
import jakarta.jms.Topic;

import javax.naming.NamingException;
import javax.naming.Reference;
import javax.naming.Referenceable;
import java.io.Serializable;
import java.util.Objects;

/**
 * A JMS Topic: a name the embedded engine fans messages out under, to one queue per subscription.
 * Topics need not be created; a publish to a topic without subscriptions reaches nobody, as in JMS.
 */
public class SluiceTopic implements Topic, Serializable, Referenceable {

    private static final long serialVersionUID = 1L;

    private String name;

    /** For admin-object tooling (the resource adapter sets the name as a property). */
    public SluiceTopic() {
    }

    public SluiceTopic(String name) {
        this.name = name;
    }

    @Override
    public String getTopicName() throws JMSException {
        return name;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /** For a JNDI provider that binds references: {@link SluiceObjectFactory} makes the topic again. */
    @Override
    public Reference getReference() throws NamingException {
        return SluiceObjectFactory.destination(SluiceTopic.class, name);
    }

    @Override
    public String toString() {
        return "topic://" + name;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SluiceTopic t && Objects.equals(name, t.name);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(name);
    }
}
