package dev.sluice.ra.outbound;

import dev.sluice.jms.SluiceConnection;
import dev.sluice.jms.SluiceConnectionFactory;
import dev.sluice.jms.SluiceSettings;
import dev.sluice.ra.SluiceResourceAdapter;
import jakarta.jms.JMSException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.TransactionSupport;

import javax.security.auth.Subject;
import java.io.PrintWriter;
import java.util.Objects;
import java.util.Set;

/**
 * Outbound: makes the pooled physical connections ({@link SluiceManagedConnection}) behind the
 * {@code jakarta.jms.ConnectionFactory} applications get with {@code @Resource} or the container's
 * {@code @Inject JMSContext}. Settings come from the adapter; {@code url} here overrides the adapter's.
 */
public class SluiceManagedConnectionFactory implements ManagedConnectionFactory, ResourceAdapterAssociation,
        TransactionSupport {

    private static final long serialVersionUID = 1L;

    private transient SluiceResourceAdapter adapter;
    private String url;
    private transient PrintWriter logWriter;

    public String getUrl() {
        return url;
    }

    /** A {@code sluice:} URL for this connection factory only; unset: the adapter's. */
    public void setUrl(String url) {
        this.url = url;
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return adapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter ra) throws ResourceException {
        if (!(ra instanceof SluiceResourceAdapter s)) {
            throw new ResourceAdapterInternalException("Not the Sluice resource adapter: " + ra);
        }
        this.adapter = s;
    }

    SluiceSettings settings() throws ResourceException {
        if (adapter != null) {
            return adapter.settings(url);
        }
        if (url == null || url.isBlank()) {
            throw new ResourceAdapterInternalException("The connection factory is not associated with the Sluice "
                    + "resource adapter and has no url of its own.");
        }
        try {
            return SluiceSettings.parse(url.trim());
        } catch (JMSException e) {
            throw new ResourceAdapterInternalException("url: " + e.getMessage(), e);
        }
    }

    @Override
    public Object createConnectionFactory(ConnectionManager manager) throws ResourceException {
        return new PooledConnectionFactory(this, manager);
    }

    /** Outside an application server: connections are not pooled. */
    @Override
    public Object createConnectionFactory() throws ResourceException {
        return new PooledConnectionFactory(this, new UnpooledConnectionManager());
    }

    @Override
    public ManagedConnection createManagedConnection(Subject subject, ConnectionRequestInfo info) throws ResourceException {
        SluiceSettings settings = settings();
        try {
            SluiceConnection physical = (SluiceConnection) new SluiceConnectionFactory(settings).createConnection();
            physical.start();
            return new SluiceManagedConnection(this, physical);
        } catch (JMSException e) {
            throw new ResourceAdapterInternalException("Could not connect to " + settings + ": " + e.getMessage(), e);
        }
    }

    /** Any idle connection of this factory will do: they are all alike (no per-user state). */
    @Override
    @SuppressWarnings("rawtypes")
    public ManagedConnection matchManagedConnections(Set candidates, Subject subject, ConnectionRequestInfo info) {
        for (Object c : candidates) {
            if (c instanceof SluiceManagedConnection mc && mc.factory() == this && mc.isUsable()) {
                return mc;
            }
        }
        return null;
    }

    @Override
    public TransactionSupport.TransactionSupportLevel getTransactionSupport() {
        return TransactionSupportLevel.LocalTransaction;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SluiceManagedConnectionFactory f && Objects.equals(f.url, url) && f.adapter == adapter;
    }

    @Override
    public int hashCode() {
        return Objects.hash(url, System.identityHashCode(adapter));
    }
}
