package dev.sluice.ra.outbound;

import dev.sluice.jms.SluiceConnection;
import dev.sluice.jms.SluiceConnectionMetaData;
import dev.sluice.jms.SluiceSession;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.LocalTransactionException;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionMetaData;

import javax.security.auth.Subject;
import javax.transaction.xa.XAResource;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One pooled physical connection. Inside a container transaction every session the application asks for is
 * the connection's one transacted session, which the transaction manager commits or rolls back through
 * {@link SluiceLocalTransaction}; outside one, sessions are plain AUTO_ACKNOWLEDGE (or DUPS_OK) sessions, as
 * the specification recommends for a Jakarta EE container.
 */
final class SluiceManagedConnection implements ManagedConnection {

    private static final System.Logger LOG = System.getLogger(SluiceManagedConnection.class.getName());

    private final SluiceManagedConnectionFactory factory;
    private final SluiceConnection physical;
    private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
    private final Set<ConnectionHandle> handles = ConcurrentHashMap.newKeySet();
    private SluiceSession transactedSession;
    private volatile boolean inTransaction;
    private volatile boolean broken;
    private volatile boolean destroyed;
    private boolean destroyWhenClosed;
    private PrintWriter logWriter;

    SluiceManagedConnection(SluiceManagedConnectionFactory factory, SluiceConnection physical) throws JMSException {
        this.factory = factory;
        this.physical = physical;
        physical.setExceptionListener(e -> {
            broken = true;
            fire(ConnectionEvent.CONNECTION_ERROR_OCCURRED, null, e);
        });
    }

    SluiceManagedConnectionFactory factory() {
        return factory;
    }

    SluiceConnection physical() {
        return physical;
    }

    boolean isUsable() {
        return !broken && !destroyed;
    }

    void destroyWhenClosed() {
        this.destroyWhenClosed = true;
    }

    // ---- sessions ---------------------------------------------------------------------------------------

    /**
     * The session for an application's createSession/createContext, by the rules of a Jakarta EE container:
     * in a transaction, the connection's transacted session whatever was asked; outside one, the acknowledge
     * mode honoured for AUTO and DUPS_OK, and AUTO for CLIENT_ACKNOWLEDGE or SESSION_TRANSACTED (the
     * specification's recommendation).
     */
    synchronized SluiceSession session(int requestedMode) throws JMSException {
        if (inTransaction) {
            return transactedSession();
        }
        int mode = requestedMode == Session.DUPS_OK_ACKNOWLEDGE ? Session.DUPS_OK_ACKNOWLEDGE : Session.AUTO_ACKNOWLEDGE;
        SluiceSession s = (SluiceSession) physical.createSession(mode);
        s.handedOutByContainer();
        return s;
    }

    boolean isSessionOfTransaction(SluiceSession s) {
        return s == transactedSession;
    }

    private SluiceSession transactedSession() throws JMSException {
        if (transactedSession == null) {
            SluiceSession s = (SluiceSession) physical.createSession(Session.SESSION_TRANSACTED);
            s.joinContainerTransactions();
            s.handedOutByContainer();
            transactedSession = s;
        }
        return transactedSession;
    }

    // ---- local transaction (called by SluiceLocalTransaction) ------------------------------------------

    synchronized void begin() throws ResourceException {
        if (inTransaction) {
            throw new LocalTransactionException("A transaction is already active on this Sluice connection.");
        }
        if (transactedSession != null) {
            // whatever reached the session between transactions (a send after the transaction timed out and
            // was rolled back, say) belongs to no transaction: it must not ride along with this one
            try {
                transactedSession.rollbackContainerTransaction();
            } catch (JMSException e) {
                throw new LocalTransactionException("Could not start a Sluice transaction: " + e.getMessage(), e);
            }
        }
        inTransaction = true;
    }

    synchronized void commit() throws ResourceException {
        if (!inTransaction) {
            // what the transacted session holds then belongs to no transaction (a send after a timed-out one was
            // rolled back, say): committing it would send what nobody committed
            throw new LocalTransactionException("No Sluice transaction is active on this connection: commit without "
                    + "begin, or after the transaction already ended");
        }
        try {
            if (transactedSession != null) {
                transactedSession.commitContainerTransaction();
            }
        } catch (JMSException e) {
            throw new LocalTransactionException("Committing the Sluice transaction failed: " + e.getMessage(), e);
        } finally {
            inTransaction = false;
        }
    }

    synchronized void rollback() throws ResourceException {
        try {
            if (transactedSession != null) {
                transactedSession.rollbackContainerTransaction();
            }
        } catch (JMSException e) {
            throw new LocalTransactionException("Rolling back the Sluice transaction failed: " + e.getMessage(), e);
        } finally {
            inTransaction = false;
        }
    }

    // ---- handles ----------------------------------------------------------------------------------------

    @Override
    public Object getConnection(Subject subject, ConnectionRequestInfo info) throws ResourceException {
        ConnectionHandle h = new ConnectionHandle(this);
        handles.add(h);
        return h;
    }

    @Override
    public void associateConnection(Object connection) throws ResourceException {
        if (!(connection instanceof ConnectionHandle h)) {
            throw new ResourceException("Not a Sluice connection handle: " + connection);
        }
        h.associate(this);
        handles.add(h);
    }

    void detach(ConnectionHandle h) {
        handles.remove(h);
    }

    void handleClosed(ConnectionHandle h) {
        handles.remove(h);
        fire(ConnectionEvent.CONNECTION_CLOSED, h, null);
        if (destroyWhenClosed && handles.isEmpty()) {
            try {
                destroy();
            } catch (ResourceException e) {
                LOG.log(System.Logger.Level.WARNING, "Closing an unpooled Sluice connection failed: " + e.getMessage());
            }
        }
    }

    private void fire(int type, ConnectionHandle handle, Exception error) {
        ConnectionEvent event = error == null ? new ConnectionEvent(this, type) : new ConnectionEvent(this, type, error);
        if (handle != null) {
            event.setConnectionHandle(handle);
        }
        for (ConnectionEventListener l : listeners) {
            switch (type) {
                case ConnectionEvent.CONNECTION_CLOSED -> l.connectionClosed(event);
                case ConnectionEvent.CONNECTION_ERROR_OCCURRED -> l.connectionErrorOccurred(event);
                default -> throw new IllegalArgumentException("event " + type);
            }
        }
    }

    /**
     * Back to the pool: the application's handles are no longer valid, its sessions close. The transacted
     * session closes too (its producers and consumers belong to the finished work; work left in it outside a
     * transaction is discarded) unless a transaction is still running on it.
     */
    @Override
    public synchronized void cleanup() throws ResourceException {
        for (ConnectionHandle h : handles) {
            h.invalidate();
        }
        handles.clear();
        if (transactedSession != null && !inTransaction) {
            try {
                transactedSession.closeByContainer();
            } catch (JMSException e) {
                throw new ResourceException("Closing a pooled Sluice session failed: " + e.getMessage(), e);
            } finally {
                transactedSession = null;
            }
        }
    }

    @Override
    public void destroy() throws ResourceException {
        if (destroyed) {
            return;
        }
        destroyed = true;
        // the pool forgets this connection whatever fails on the way: the physical connection must close regardless
        try {
            cleanup();
        } finally {
            try {
                if (transactedSession != null) {
                    transactedSession.closeByContainer();
                }
            } catch (JMSException e) {
                throw new ResourceException("Closing a Sluice connection failed: " + e.getMessage(), e);
            } finally {
                closePhysical();
            }
        }
    }

    private void closePhysical() throws ResourceException {
        try {
            physical.close();
        } catch (JMSException e) {
            throw new ResourceException("Closing a Sluice connection failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void addConnectionEventListener(ConnectionEventListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeConnectionEventListener(ConnectionEventListener listener) {
        listeners.remove(listener);
    }

    @Override
    public XAResource getXAResource() throws ResourceException {
        throw new NotSupportedException("Sluice connections take part in container transactions as local "
                + "transactions (transaction-support LocalTransaction), not XA.");
    }

    @Override
    public LocalTransaction getLocalTransaction() {
        return new SluiceLocalTransaction(this);
    }

    @Override
    public ManagedConnectionMetaData getMetaData() {
        // from the constant, not the connection: pools ask for it to log and monitor, also after destroy()
        return new ConnectionMetaData(SluiceConnectionMetaData.PROVIDER_VERSION);
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    /** The EIS is Sluice: its version is the provider's, not the version of the JMS API it implements. */
    private record ConnectionMetaData(String version) implements ManagedConnectionMetaData {
        @Override
        public String getEISProductName() {
            return "Sluice";
        }

        @Override
        public String getEISProductVersion() {
            return version;
        }

        @Override
        public int getMaxConnections() {
            return 0;
        }

        @Override
        public String getUserName() {
            return null;
        }
    }
}
