package dev.sluice.ra;

import dev.sluice.jms.SluiceSettings;
import dev.sluice.ra.inflow.SluiceActivation;
import dev.sluice.ra.inflow.SluiceActivationSpec;
import jakarta.jms.JMSException;
import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.WorkManager;

import javax.transaction.xa.XAResource;
import java.io.Serializable;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Sluice resource adapter: where the queues live (the {@code url} property, the same {@code sluice:} URLs as
 * {@link dev.sluice.jms.SluiceConnectionFactory}), the defaults every connection factory and MDB activation
 * starts from, and optionally the SQS HTTP endpoint served from inside the application server so boto3 or the
 * AWS CLI can feed the MDBs.
 *
 * <p>An application server may start several instances (each {@code @ConnectionFactoryDefinition} can start
 * one); they share one engine per data directory through the provider's engine registry.
 */
public class SluiceResourceAdapter implements ResourceAdapter, Serializable {

    private static final long serialVersionUID = 1L;
    private static final System.Logger LOG = System.getLogger(SluiceResourceAdapter.class.getName());

    private final AdapterProperties properties = new AdapterProperties();
    private transient WorkManager workManager;
    private transient EngineHold engine;
    private transient InServerEndpoint endpoint;
    private transient Map<ActivationKey, SluiceActivation> activations;

    // ---- config properties (see ra.xml) ------------------------------------------------------------

    public String getUrl() {
        return properties.url;
    }

    public void setUrl(String url) {
        properties.url = url;
    }

    public Integer getVisibilityTimeout() {
        return properties.visibilityTimeout;
    }

    public void setVisibilityTimeout(Integer seconds) {
        properties.visibilityTimeout = seconds;
    }

    public Integer getWaitTimeSeconds() {
        return properties.waitTimeSeconds;
    }

    public void setWaitTimeSeconds(Integer seconds) {
        properties.waitTimeSeconds = seconds;
    }

    public Integer getRedeliveryDelay() {
        return properties.redeliveryDelay;
    }

    public void setRedeliveryDelay(Integer seconds) {
        properties.redeliveryDelay = seconds;
    }

    public Double getRedeliveryBackoff() {
        return properties.redeliveryBackoff;
    }

    public void setRedeliveryBackoff(Double multiplier) {
        properties.redeliveryBackoff = multiplier;
    }

    public Integer getMaxRedeliveryDelay() {
        return properties.maxRedeliveryDelay;
    }

    public void setMaxRedeliveryDelay(Integer seconds) {
        properties.maxRedeliveryDelay = seconds;
    }

    public String getObjectMessageAllowList() {
        return properties.objectMessageAllowList;
    }

    public void setObjectMessageAllowList(String patterns) {
        properties.objectMessageAllowList = patterns;
    }

    public Integer getSqsEndpointPort() {
        return properties.sqsEndpointPort;
    }

    /** Serve the SQS HTTP endpoint on this port from inside the server (embedded engine only); unset: off. */
    public void setSqsEndpointPort(Integer port) {
        properties.sqsEndpointPort = port;
    }

    public String getSqsEndpointBind() {
        return properties.sqsEndpointBind;
    }

    public void setSqsEndpointBind(String address) {
        properties.sqsEndpointBind = address;
    }

    /** {@code accessKeyId:secretAccessKey[,…]}; required when the endpoint is bound beyond loopback. */
    public void setSqsEndpointCredentials(String credentials) {
        properties.sqsEndpointCredentials = credentials;
    }

    public String getSqsEndpointCredentials() {
        return properties.sqsEndpointCredentials;
    }

    // ---- life cycle ---------------------------------------------------------------------------------

    /** The provider settings every connection factory and activation of this adapter starts from. */
    public SluiceSettings settings() throws ResourceException {
        try {
            return properties.settings();
        } catch (JMSException e) {
            throw new ResourceAdapterInternalException("Sluice resource adapter: " + e.getMessage(), e);
        }
    }

    /** The adapter's settings over another URL: a connection factory's {@code url} redirects it, nothing more. */
    public SluiceSettings settings(String url) throws ResourceException {
        try {
            return properties.settings(url);
        } catch (JMSException e) {
            throw new ResourceAdapterInternalException("url: " + e.getMessage(), e);
        }
    }

    public WorkManager workManager() {
        return workManager;
    }

    @Override
    public void start(BootstrapContext context) throws ResourceAdapterInternalException {
        this.workManager = context.getWorkManager();
        this.activations = new ConcurrentHashMap<>();
        SluiceSettings settings;
        try {
            settings = properties.settings();
        } catch (JMSException e) {
            throw new ResourceAdapterInternalException("Sluice resource adapter: " + e.getMessage(), e);
        }
        if (settings.backend() == SluiceSettings.Backend.EMBEDDED) {
            // held for the adapter's life, so the engine (and a memory engine's queues) outlive idle pools
            engine = EngineHold.acquire(settings);
        }
        try {
            startEndpoint(settings);
        } catch (ResourceAdapterInternalException | RuntimeException e) {
            // the container does not call stop() after a failed start: give the engine back here
            stop();
            throw e;
        }
        LOG.log(System.Logger.Level.INFO, "Sluice resource adapter started on " + settings.backend().name().toLowerCase()
                + (endpoint != null ? "; SQS endpoint at " + endpoint.url() : ""));
    }

    private void startEndpoint(SluiceSettings settings) throws ResourceAdapterInternalException {
        Integer port;
        try {
            port = properties.endpointPort();
        } catch (IllegalArgumentException e) {
            throw new ResourceAdapterInternalException(e.getMessage(), e);
        }
        if (port == null) {
            return;
        }
        if (engine == null) {
            throw new ResourceAdapterInternalException("sqsEndpointPort: the SQS endpoint can only be served "
                    + "for the embedded engine, not for " + settings);
        }
        endpoint = InServerEndpoint.start(engine, settings, properties);
    }

    @Override
    public void stop() {
        if (activations != null) {
            activations.values().forEach(SluiceActivation::stop);
            activations.clear();
        }
        if (endpoint != null) {
            endpoint.close();
            endpoint = null;
        }
        if (engine != null) {
            engine.release();
            engine = null;
        }
    }

    @Override
    public void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec) throws ResourceException {
        if (!(spec instanceof SluiceActivationSpec s)) {
            throw new NotSupportedException("Not a Sluice activation spec: " + spec);
        }
        s.validate();
        SluiceActivation activation = new SluiceActivation(this, factory, s);
        activation.start();
        activations.put(new ActivationKey(factory, s), activation);
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
        SluiceActivation activation = activations.remove(new ActivationKey(factory, spec));
        if (activation != null) {
            activation.stop();
        }
    }

    /** Nothing to recover: a delivery whose transaction never completed comes back after its visibility timeout. */
    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) {
        return new XAResource[0];
    }

    private record ActivationKey(MessageEndpointFactory factory, ActivationSpec spec) {
        @Override
        public boolean equals(Object o) {
            return o instanceof ActivationKey k && k.factory == factory && k.spec == spec;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(factory) * 31 + System.identityHashCode(spec);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SluiceResourceAdapter r && r.properties.equals(properties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(properties);
    }
}
