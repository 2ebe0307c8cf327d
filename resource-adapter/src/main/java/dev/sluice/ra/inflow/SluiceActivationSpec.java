package dev.sluice.ra.inflow;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;

import java.beans.IntrospectionException;
import java.beans.PropertyDescriptor;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * How an MDB is bound to a Sluice queue or topic: the standard Jakarta Messaging activation properties, and the SQS
 * ones (sessions, batch size, long-poll wait, visibility timeout, redelivery back-off). Unset SQS properties
 * take the adapter's defaults. {@link #validate()} names every property that is wrong.
 */
public class SluiceActivationSpec implements ActivationSpec, ResourceAdapterAssociation, Serializable {

    private static final long serialVersionUID = 1L;

    private transient ResourceAdapter resourceAdapter;

    private String destinationLookup;
    private String destination;
    private String destinationType = "jakarta.jms.Queue";
    private String messageSelector;
    private String acknowledgeMode = "Auto-acknowledge";
    private String subscriptionDurability = "NonDurable";
    private String subscriptionName;
    private String clientId;
    private String connectionFactoryLookup;
    private Integer maxSession = 15;
    private Integer maxMessages = 1;
    private Integer waitTimeSeconds;
    private Integer visibilityTimeout;
    private Integer redeliveryDelay;
    private Double redeliveryBackoff;
    private Integer maxRedeliveryDelay;

    @Override
    public void validate() throws InvalidPropertyException {
        List<String> problems = new ArrayList<>();
        List<String> names = new ArrayList<>();
        if (blank(destination) && blank(destinationLookup)) {
            problem(problems, names, "destination", "set destination (a queue name) or destinationLookup (a JNDI name)");
        }
        if (!queue() && !topic()) {
            problem(problems, names, "destinationType", "'" + destinationType + "' must be jakarta.jms.Queue or "
                    + "jakarta.jms.Topic");
        }
        if (!"Auto-acknowledge".equals(acknowledgeMode) && !"Dups-ok-acknowledge".equals(acknowledgeMode)) {
            problem(problems, names, "acknowledgeMode", "'" + acknowledgeMode
                    + "' must be Auto-acknowledge or Dups-ok-acknowledge");
        }
        if (!"NonDurable".equals(subscriptionDurability) && !"Durable".equals(subscriptionDurability)) {
            problem(problems, names, "subscriptionDurability", "'" + subscriptionDurability + "' must be Durable or NonDurable");
        } else if (durable() && !topic()) {
            problem(problems, names, "subscriptionDurability", "Durable applies to topics, but destinationType is '"
                    + destinationType + "'");
        } else if (durable() && blank(subscriptionName)) {
            problem(problems, names, "subscriptionName", "a Durable subscription needs a name (got '"
                    + subscriptionName + "')");
        }
        if (clientId != null && clientId.isBlank()) {
            problem(problems, names, "clientId", "'" + clientId + "' is blank; leave it unset or name the client");
        }
        if (maxSession == null) {
            // it has a default: only a deployer who cleared it gets here, and the activation would start no session
            problem(problems, names, "maxSession", "is unset; give the number of sessions (1..1000)");
        }
        range(problems, names, "maxSession", maxSession, 1, 1000);
        range(problems, names, "maxMessages", maxMessages, 1, 10);
        range(problems, names, "waitTimeSeconds", waitTimeSeconds, 0, 20);
        range(problems, names, "visibilityTimeout", visibilityTimeout, 0, 43_200);
        range(problems, names, "redeliveryDelay", redeliveryDelay, 0, 43_200);
        range(problems, names, "maxRedeliveryDelay", maxRedeliveryDelay, 0, 43_200);
        if (redeliveryBackoff != null && (redeliveryBackoff < 1.0 || redeliveryBackoff.isNaN())) {
            problem(problems, names, "redeliveryBackoff", redeliveryBackoff + " must be at least 1.0");
        }
        if (!problems.isEmpty()) {
            InvalidPropertyException e = new InvalidPropertyException("Invalid Sluice activation for an MDB: "
                    + String.join("; ", problems));
            e.setInvalidPropertyDescriptors(descriptors(names));
            throw e;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static void problem(List<String> problems, List<String> names, String name, String text) {
        problems.add(name + ": " + text);
        names.add(name);
    }

    private static void range(List<String> problems, List<String> names, String name, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            problem(problems, names, name, value + " is out of range " + min + ".." + max);
        }
    }

    private PropertyDescriptor[] descriptors(List<String> names) {
        List<PropertyDescriptor> list = new ArrayList<>();
        for (String n : names) {
            try {
                list.add(new PropertyDescriptor(n, SluiceActivationSpec.class));
            } catch (IntrospectionException e) {
                // every name checked above is a bean property of this class
                throw new IllegalStateException(e);
            }
        }
        return list.toArray(PropertyDescriptor[]::new);
    }

    boolean queue() {
        return "jakarta.jms.Queue".equals(destinationType) || "javax.jms.Queue".equals(destinationType);
    }

    boolean topic() {
        return "jakarta.jms.Topic".equals(destinationType) || "javax.jms.Topic".equals(destinationType);
    }

    boolean durable() {
        return "Durable".equals(subscriptionDurability);
    }

    boolean dupsOk() {
        return "Dups-ok-acknowledge".equals(acknowledgeMode);
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter ra) throws ResourceException {
        this.resourceAdapter = ra;
    }

    public String getDestinationLookup() {
        return destinationLookup;
    }

    public void setDestinationLookup(String destinationLookup) {
        this.destinationLookup = destinationLookup;
    }

    public String getDestination() {
        return destination;
    }

    public void setDestination(String destination) {
        this.destination = destination;
    }

    public String getDestinationType() {
        return destinationType;
    }

    public void setDestinationType(String destinationType) {
        this.destinationType = destinationType;
    }

    public String getMessageSelector() {
        return messageSelector;
    }

    public void setMessageSelector(String messageSelector) {
        this.messageSelector = messageSelector;
    }

    public String getAcknowledgeMode() {
        return acknowledgeMode;
    }

    public void setAcknowledgeMode(String acknowledgeMode) {
        this.acknowledgeMode = acknowledgeMode;
    }

    public String getSubscriptionDurability() {
        return subscriptionDurability;
    }

    public void setSubscriptionDurability(String subscriptionDurability) {
        this.subscriptionDurability = subscriptionDurability;
    }

    public String getSubscriptionName() {
        return subscriptionName;
    }

    public void setSubscriptionName(String subscriptionName) {
        this.subscriptionName = subscriptionName;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getConnectionFactoryLookup() {
        return connectionFactoryLookup;
    }

    public void setConnectionFactoryLookup(String connectionFactoryLookup) {
        this.connectionFactoryLookup = connectionFactoryLookup;
    }

    public Integer getMaxSession() {
        return maxSession;
    }

    public void setMaxSession(Integer maxSession) {
        this.maxSession = maxSession;
    }

    public Integer getMaxMessages() {
        return maxMessages;
    }

    public void setMaxMessages(Integer maxMessages) {
        this.maxMessages = maxMessages;
    }

    public Integer getWaitTimeSeconds() {
        return waitTimeSeconds;
    }

    public void setWaitTimeSeconds(Integer waitTimeSeconds) {
        this.waitTimeSeconds = waitTimeSeconds;
    }

    public Integer getVisibilityTimeout() {
        return visibilityTimeout;
    }

    public void setVisibilityTimeout(Integer visibilityTimeout) {
        this.visibilityTimeout = visibilityTimeout;
    }

    public Integer getRedeliveryDelay() {
        return redeliveryDelay;
    }

    public void setRedeliveryDelay(Integer redeliveryDelay) {
        this.redeliveryDelay = redeliveryDelay;
    }

    public Double getRedeliveryBackoff() {
        return redeliveryBackoff;
    }

    public void setRedeliveryBackoff(Double redeliveryBackoff) {
        this.redeliveryBackoff = redeliveryBackoff;
    }

    public Integer getMaxRedeliveryDelay() {
        return maxRedeliveryDelay;
    }

    public void setMaxRedeliveryDelay(Integer maxRedeliveryDelay) {
        this.maxRedeliveryDelay = maxRedeliveryDelay;
    }

    @Override
    public String toString() {
        return "SluiceActivationSpec[destination=" + (destination != null ? destination : destinationLookup)
                + (topic() ? ", topic, " + subscriptionDurability + (subscriptionName != null ? " subscription "
                + subscriptionName : "") : "")
                + (messageSelector != null ? ", selector=" + messageSelector : "") + ", maxSession=" + maxSession + "]";
    }
}
