package dev.sluice.jms;

import dev.sluice.engine.EngineOptions;
import dev.sluice.jms.backend.QueueBackend;
import dev.sluice.jms.embedded.EmbeddedBackend;
import dev.sluice.jms.sqs.SqsBackend;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueConnectionFactory;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicConnectionFactory;

import javax.naming.NamingException;
import javax.naming.Reference;
import javax.naming.Referenceable;
import java.io.Serializable;

/**
 * The entry point of the Sluice Jakarta Messaging provider. Configured by a {@code sluice:} URL (see
 * {@link SluiceSettings}) or setters of the same names; the default is the embedded engine with a durable
 * store in {@code ./sluice-data}.
 */
public class SluiceConnectionFactory implements ConnectionFactory, QueueConnectionFactory, TopicConnectionFactory,
        Serializable, Referenceable {

    private static final long serialVersionUID = 1L;

    private SluiceSettings settings = SluiceSettings.defaults();
    /** Set by {@link #embedded(EngineOptions)}: an engine configured in code (a test clock, say). */
    private transient EngineOptions engineOptions;

    public SluiceConnectionFactory() {
    }

    public SluiceConnectionFactory(String url) {
        setUrl(url);
    }

    public SluiceConnectionFactory(SluiceSettings settings) {
        this.settings = settings;
    }

    /**
     * A factory for the embedded engine opened with these options, e.g. with a {@link dev.sluice.engine.time.ManualClock}
     * so visibility timeouts can be tested without waiting; URL settings still apply on top.
     */
    public static SluiceConnectionFactory embedded(EngineOptions options) {
        SluiceConnectionFactory f = new SluiceConnectionFactory();
        f.engineOptions = options;
        return f;
    }

    public SluiceSettings settings() {
        return settings;
    }

    /**
     * A factory reaching the same engine or endpoint with other settings: an MDB activation's overrides on top of
     * the factory it was told to use. Keeps the engine options of {@link #embedded(EngineOptions)}.
     */
    public SluiceConnectionFactory withSettings(SluiceSettings other) {
        SluiceConnectionFactory f = new SluiceConnectionFactory(other);
        f.engineOptions = engineOptions;
        return f;
    }

    public void setUrl(String url) {
        try {
            this.settings = SluiceSettings.parse(url);
        } catch (JMSException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    public String getUrl() {
        return settings.toString();
    }

    /**
     * For a JNDI provider that binds references: every setting, as {@link SluiceObjectFactory} needs them to make the
     * factory again (the secret key too, as the serialized factory holds it).
     */
    @Override
    public Reference getReference() throws NamingException {
        if (engineOptions != null) {
            // a reference holds settings only: the options (a test clock, say) would be lost without a word
            throw new NamingException("A factory made with SluiceConnectionFactory.embedded(EngineOptions) cannot be "
                    + "bound by reference; give it a sluice: URL instead");
        }
        return SluiceObjectFactory.reference(SluiceConnectionFactory.class, settings.values());
    }

    private void set(String name, Object value) {
        try {
            settings = settings.with(name, value == null ? null : value.toString());
        } catch (JMSException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    public void setDataDir(String dataDir) {
        set("dataDir", dataDir);
    }

    public void setStorage(String storage) {
        set("storage", storage);
    }

    public void setVisibilityTimeout(Integer seconds) {
        set("visibilityTimeout", seconds);
    }

    public void setWaitTimeSeconds(Integer seconds) {
        set("waitTimeSeconds", seconds);
    }

    public void setRedeliveryDelay(Integer seconds) {
        set("redeliveryDelay", seconds);
    }

    public void setRedeliveryBackoff(Double multiplier) {
        set("redeliveryBackoff", multiplier);
    }

    public void setMaxRedeliveryDelay(Integer seconds) {
        set("maxRedeliveryDelay", seconds);
    }

    public void setObjectMessageAllowList(String patterns) {
        set("objectMessageAllowList", patterns);
    }

    public void setAutoCreateQueues(Boolean create) {
        set("autoCreateQueues", create);
    }

    public void setEndpoint(String endpoint) {
        set("endpoint", endpoint);
    }

    public void setRegion(String region) {
        set("region", region);
    }

    public void setAccessKeyId(String accessKeyId) {
        set("accessKeyId", accessKeyId);
    }

    public void setSecretAccessKey(String secretAccessKey) {
        set("secretAccessKey", secretAccessKey);
    }

    public void setProfile(String profile) {
        set("profile", profile);
    }

    public void setPrefetch(Integer messages) {
        set("prefetch", messages);
    }

    public void setMaxAttempts(Integer attempts) {
        set("maxAttempts", attempts);
    }

    public void setQueueAttributes(String attributes) {
        set("queueAttributes", attributes);
    }

    public void setTransactions(String transactions) {
        set("transactions", transactions);
    }

    public void setIgnorePriority(Boolean ignore) {
        set("ignorePriority", ignore);
    }

    /** Opens the backend the settings name; each connection holds its own. */
    protected QueueBackend openBackend() throws JMSException {
        if (settings.backend() == SluiceSettings.Backend.SQS) {
            return SqsBackend.open(settings);
        }
        try {
            return new EmbeddedBackend(engineOptions != null ? engineOptions : settings.engineOptions());
        } catch (RuntimeException e) {
            JMSException j = new JMSException("Could not open the embedded engine for " + settings + ": " + e.getMessage());
            j.setLinkedException(e);
            throw j;
        }
    }

    @Override
    public Connection createConnection() throws JMSException {
        return new SluiceConnection(settings, openBackend());
    }

    /**
     * The user name and password are accepted and ignored: the embedded engine has no users of its own, and an
     * SQS backend takes its credentials from the settings (accessKeyId/secretAccessKey, profile) or the AWS
     * default chain, never from a JMS user name.
     */
    @Override
    public Connection createConnection(String userName, String password) throws JMSException {
        return createConnection();
    }

    @Override
    public QueueConnection createQueueConnection() throws JMSException {
        return (QueueConnection) createConnection();
    }

    @Override
    public QueueConnection createQueueConnection(String userName, String password) throws JMSException {
        return (QueueConnection) createConnection(userName, password);
    }

    @Override
    public TopicConnection createTopicConnection() throws JMSException {
        return (TopicConnection) createConnection();
    }

    @Override
    public TopicConnection createTopicConnection(String userName, String password) throws JMSException {
        return (TopicConnection) createConnection(userName, password);
    }

    @Override
    public JMSContext createContext() {
        return createContext(JMSContext.AUTO_ACKNOWLEDGE);
    }

    @Override
    public JMSContext createContext(String userName, String password) {
        return createContext(JMSContext.AUTO_ACKNOWLEDGE);
    }

    @Override
    public JMSContext createContext(String userName, String password, int sessionMode) {
        return createContext(sessionMode);
    }

    @Override
    public JMSContext createContext(int sessionMode) {
        SluiceJMSContext.checkMode(sessionMode);
        try {
            return new SluiceJMSContext((SluiceConnection) createConnection(), sessionMode);
        } catch (JMSSecurityException e) {
            throw new jakarta.jms.JMSSecurityRuntimeException(e.getMessage(), e.getErrorCode(), e);
        } catch (JMSException e) {
            throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
        }
    }
}
