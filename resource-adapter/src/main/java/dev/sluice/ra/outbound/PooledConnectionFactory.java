package dev.sluice.ra.outbound;

import dev.sluice.jms.SluiceJMSContext;
import dev.sluice.jms.SluiceSession;
import dev.sluice.jms.SluiceSettings;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueConnectionFactory;
import jakarta.resource.Referenceable;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;

import javax.naming.Reference;
import java.io.Serializable;

/**
 * The {@code jakarta.jms.ConnectionFactory} bound in JNDI: every connection and context comes from the
 * container's pool (and joins the caller's transaction through it).
 */
public class PooledConnectionFactory implements ConnectionFactory, QueueConnectionFactory, Referenceable, Serializable {

    private static final long serialVersionUID = 1L;

    private final SluiceManagedConnectionFactory factory;
    // serialized with the factory (ConnectionManager is Serializable): a server that binds a copy in JNDI must get
    // a factory that still reaches its pool
    private final ConnectionManager manager;
    private Reference reference;

    PooledConnectionFactory(SluiceManagedConnectionFactory factory, ConnectionManager manager) {
        this.factory = factory;
        this.manager = manager;
    }

    /** What its connections use: the adapter's settings, redirected by the connection definition's {@code url}. */
    public SluiceSettings settings() throws ResourceException {
        return factory.settings();
    }

    private ConnectionHandle allocate() throws JMSException {
        try {
            return (ConnectionHandle) manager.allocateConnection(factory, null);
        } catch (ResourceException e) {
            JMSException j = new JMSException("No Sluice connection from the pool: " + e.getMessage());
            j.setLinkedException(e);
            throw j;
        }
    }

    @Override
    public Connection createConnection() throws JMSException {
        return allocate();
    }

    /** Sluice's queues have no users of their own; the credentials are not used. */
    @Override
    public Connection createConnection(String userName, String password) throws JMSException {
        return allocate();
    }

    @Override
    public QueueConnection createQueueConnection() throws JMSException {
        return allocate();
    }

    @Override
    public QueueConnection createQueueConnection(String userName, String password) throws JMSException {
        return allocate();
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
        try {
            ConnectionHandle handle = allocate();
            try {
                SluiceSession session = handle.session(sessionMode);
                return SluiceJMSContext.managed(handle.managedConnection().physical(), session, () -> {
                    try {
                        handle.close();
                    } catch (JMSException e) {
                        throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
                    }
                });
            } catch (JMSException | RuntimeException e) {
                handle.close();
                throw e;
            }
        } catch (JMSException e) {
            throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
        }
    }

    @Override
    public void setReference(Reference reference) {
        this.reference = reference;
    }

    @Override
    public Reference getReference() {
        return reference;
    }
}
