package dev.sluice.ra;

import dev.sluice.jms.SluiceSettings;
import jakarta.jms.JMSException;

import java.io.Serializable;
import java.util.Objects;

/**
 * The adapter's config properties as the server set them; {@link #settings()} turns them into provider settings.
 * A property the server leaves unset falls back to the system property {@code sluice.ra.<name>} (e.g.
 * {@code -Dsluice.ra.sqsEndpointPort=9324}), so one JVM option configures the adapter the same way on every server.
 */
final class AdapterProperties implements Serializable {

    private static final long serialVersionUID = 1L;

    String url;
    Integer visibilityTimeout;
    Integer waitTimeSeconds;
    Integer redeliveryDelay;
    Double redeliveryBackoff;
    Integer maxRedeliveryDelay;
    String objectMessageAllowList;
    Integer sqsEndpointPort;
    String sqsEndpointBind;
    String sqsEndpointCredentials;

    /** The URL with the separately set properties on top (they win: they are the more specific setting). */
    SluiceSettings settings() throws JMSException {
        return settings(null);
    }

    /** As {@link #settings()}, with another URL (a connection factory's own) in place of the adapter's. */
    SluiceSettings settings(String urlOverride) throws JMSException {
        String u = urlOverride != null && !urlOverride.isBlank() ? urlOverride : orSystem("url", url);
        SluiceSettings s = u == null || u.isBlank() ? SluiceSettings.defaults() : SluiceSettings.parse(u.trim());
        s = s.withIfSet("visibilityTimeout", orSystem("visibilityTimeout", visibilityTimeout));
        s = s.withIfSet("waitTimeSeconds", orSystem("waitTimeSeconds", waitTimeSeconds));
        s = s.withIfSet("redeliveryDelay", orSystem("redeliveryDelay", redeliveryDelay));
        s = s.withIfSet("redeliveryBackoff", orSystem("redeliveryBackoff", redeliveryBackoff));
        s = s.withIfSet("maxRedeliveryDelay", orSystem("maxRedeliveryDelay", maxRedeliveryDelay));
        return s.withIfSet("objectMessageAllowList", orSystem("objectMessageAllowList", objectMessageAllowList));
    }

    Integer endpointPort() {
        Object port = orSystem("sqsEndpointPort", sqsEndpointPort);
        if (port == null || port.toString().isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(port.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("sqsEndpointPort: '" + port + "' is not a port number");
        }
    }

    String endpointBind() {
        Object bind = orSystem("sqsEndpointBind", sqsEndpointBind);
        return bind == null || bind.toString().isBlank() ? "127.0.0.1" : bind.toString().trim();
    }

    String endpointCredentials() {
        Object c = orSystem("sqsEndpointCredentials", sqsEndpointCredentials);
        return c == null ? null : c.toString();
    }

    private static Object orSystem(String name, Object value) {
        return value != null ? value : System.getProperty("sluice.ra." + name);
    }

    private static String orSystem(String name, String value) {
        return value != null ? value : System.getProperty("sluice.ra." + name);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AdapterProperties p && Objects.equals(url, p.url)
                && Objects.equals(visibilityTimeout, p.visibilityTimeout) && Objects.equals(waitTimeSeconds, p.waitTimeSeconds)
                && Objects.equals(redeliveryDelay, p.redeliveryDelay) && Objects.equals(redeliveryBackoff, p.redeliveryBackoff)
                && Objects.equals(maxRedeliveryDelay, p.maxRedeliveryDelay)
                && Objects.equals(objectMessageAllowList, p.objectMessageAllowList)
                && Objects.equals(sqsEndpointPort, p.sqsEndpointPort) && Objects.equals(sqsEndpointBind, p.sqsEndpointBind)
                && Objects.equals(sqsEndpointCredentials, p.sqsEndpointCredentials);
    }

    @Override
    public int hashCode() {
        return Objects.hash(url, visibilityTimeout, waitTimeSeconds, redeliveryDelay, redeliveryBackoff,
                maxRedeliveryDelay, objectMessageAllowList, sqsEndpointPort, sqsEndpointBind);
    }
}
