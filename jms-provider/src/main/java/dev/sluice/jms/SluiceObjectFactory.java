package dev.sluice.jms;

import javax.naming.Context;
import jakarta.jms.JMSException;

import javax.naming.Name;
import javax.naming.NamingException;
import javax.naming.RefAddr;
import javax.naming.Reference;
import javax.naming.StringRefAddr;
import javax.naming.spi.ObjectFactory;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.Map;

/**
 * Makes Sluice's administered objects ({@link SluiceQueue}, {@link SluiceTopic}, {@link SluiceConnectionFactory})
 * from the JNDI references they give, which the spec asks of administered objects besides being Serializable: a
 * JNDI provider that stores references rather than serialized objects can bind them. A reference holds one
 * address per setting, so a later version reads what an earlier one bound.
 */
public final class SluiceObjectFactory implements ObjectFactory {

    /** The address holding a destination's name. */
    private static final String NAME = "name";
    private static final String BACKEND = "backend";

    /** A reference to the destination of {@code type} (a queue or topic) named {@code name}. */
    static Reference destination(Class<?> type, String name) throws NamingException {
        if (name == null) {
            throw new NamingException("This " + type.getSimpleName() + " has no name yet, so it cannot be bound by "
                    + "reference.");
        }
        return reference(type, Map.of(NAME, name));
    }

    /** A reference to an object of {@code type} that has the {@code addresses}. */
    static Reference reference(Class<?> type, Map<String, String> addresses) {
        Reference reference = new Reference(type.getName(), SluiceObjectFactory.class.getName(), null);
        // in name order: equal objects give equal references
        new java.util.TreeMap<>(addresses).forEach((setting, value) ->
                reference.add(new StringRefAddr(setting, value)));
        return reference;
    }

    /** The object {@code reference} describes, or null for a reference that is not to a Sluice object (JNDI's rule). */
    @Override
    public Object getObjectInstance(Object reference, Name name, Context context, Hashtable<?, ?> environment)
            throws Exception {
        if (!(reference instanceof Reference ref)) {
            return null;
        }
        String type = ref.getClassName();
        if (type.equals(SluiceQueue.class.getName())) {
            // a temporary queue's name makes it one again, as in a JMSReplyTo
            return SluiceMessageConsumer.destinationNamed(address(ref, NAME));
        }
        if (type.equals(SluiceTopic.class.getName())) {
            String topic = address(ref, NAME);
            return SluiceTemporaryTopic.isTemporaryName(topic) ? new SluiceTemporaryTopic(topic, null)
                    : new SluiceTopic(topic);
        }
        if (type.equals(SluiceConnectionFactory.class.getName())) {
            return new SluiceConnectionFactory(settings(ref));
        }
        return null;
    }

    /**
     * The settings the reference's addresses hold. An address that names no setting is skipped: a container's own
     * (Tomcat adds {@code scope}, {@code auth}, ...), or a setting of a later Sluice.
     */
    private static SluiceSettings settings(Reference ref) throws NamingException {
        try {
            SluiceSettings settings = SluiceSettings.parse("sluice:" + address(ref, BACKEND));
            for (Enumeration<RefAddr> all = ref.getAll(); all.hasMoreElements(); ) {
                RefAddr a = all.nextElement();
                if (SluiceSettings.isSetting(a.getType())) {
                    settings = settings.with(a.getType(), (String) a.getContent());
                }
            }
            return settings;
        } catch (JMSException e) {
            NamingException failure = new NamingException("A reference to a Sluice connection factory holds a bad "
                    + "setting: " + e.getMessage());
            failure.setRootCause(e);
            throw failure;
        }
    }

    private static String address(Reference ref, String type) throws NamingException {
        RefAddr a = ref.get(type);
        if (a == null) {
            throw new NamingException("The reference to a " + ref.getClassName() + " has no '" + type
                    + "' address");
        }
        return (String) a.getContent();
    }
}
