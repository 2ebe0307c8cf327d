package dev.sluice.ra.outbound;

import dev.sluice.jms.SluiceSession;
import jakarta.jms.ConnectionConsumer;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.Destination;
import jakarta.jms.ExceptionListener;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueSession;
import jakarta.jms.ServerSessionPool;
import jakarta.jms.Session;
import jakarta.jms.Topic;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The {@code jakarta.jms.Connection} an application holds: a handle on a pooled connection. It refuses what
 * the specification forbids in a Jakarta EE container (client id, exception listener, stop, connection
 * consumers); closing it closes its sessions and hands the physical connection back to the pool.
 */
final class ConnectionHandle implements QueueConnection {

    private volatile SluiceManagedConnection connection;
    private final List<Session> sessions = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    ConnectionHandle(SluiceManagedConnection connection) {
        this.connection = connection;
    }

    void associate(SluiceManagedConnection other) {
        SluiceManagedConnection old = connection;
        if (old != null && old != other) {
            old.detach(this);
        }
        this.connection = other;
    }

    private SluiceManagedConnection open() throws IllegalStateException {
        SluiceManagedConnection c = connection;
        if (closed || c == null) {
            throw new IllegalStateException("The connection is closed.");
        }
        return c;
    }

    private static IllegalStateException forbidden(String what) {
        return new IllegalStateException(what + " is not allowed in a Jakarta EE web or EJB container.");
    }

    /**
     * The session a createContext gets (the context guards its own close); see
     * {@link SluiceManagedConnection#session(int)}.
     */
    SluiceSession session(int mode) throws JMSException {
        SluiceManagedConnection c = open();
        SluiceSession s = c.session(mode);
        if (!c.isSessionOfTransaction(s)) {
            sessions.add(s);
        }
        return s;
    }

    /**
     * The session a createSession gets: the transaction's shared session only through a view of this handle's
     * own, so that closing this session or handle closes it for the application (see {@link TransactionSessionView}).
     */
    private Session applicationSession(int mode) throws JMSException {
        SluiceSession s = session(mode);
        if (!open().isSessionOfTransaction(s)) {
            return s;
        }
        Session view = TransactionSessionView.of(s);
        sessions.add(view);
        return view;
    }

    SluiceManagedConnection managedConnection() throws IllegalStateException {
        return open();
    }

    /** In a Jakarta EE container {@code transacted} is ignored: a transaction decides (see {@link #session(int)}). */
    @Override
    public Session createSession(boolean transacted, int acknowledgeMode) throws JMSException {
        return applicationSession(acknowledgeMode);
    }

    @Override
    public Session createSession(int sessionMode) throws JMSException {
        return applicationSession(sessionMode);
    }

    @Override
    public Session createSession() throws JMSException {
        return applicationSession(Session.AUTO_ACKNOWLEDGE);
    }

    @Override
    public QueueSession createQueueSession(boolean transacted, int acknowledgeMode) throws JMSException {
        return (QueueSession) applicationSession(acknowledgeMode);
    }

    @Override
    public String getClientID() throws JMSException {
        return open().physical().getClientID();
    }

    @Override
    public void setClientID(String clientID) throws JMSException {
        open();
        throw forbidden("Connection.setClientID");
    }

    @Override
    public ConnectionMetaData getMetaData() throws JMSException {
        return open().physical().getMetaData();
    }

    @Override
    public ExceptionListener getExceptionListener() throws JMSException {
        open();
        return null;
    }

    @Override
    public void setExceptionListener(ExceptionListener listener) throws JMSException {
        open();
        throw forbidden("Connection.setExceptionListener");
    }

    /** The pooled connection is always started. */
    @Override
    public void start() throws JMSException {
        open();
    }

    @Override
    public void stop() throws JMSException {
        open();
        throw forbidden("Connection.stop");
    }

    @Override
    public void close() throws JMSException {
        if (closed) {
            return;
        }
        closeSessions();
        closed = true;
        SluiceManagedConnection c = connection;
        connection = null;
        if (c != null) {
            c.handleClosed(this);
        }
    }

    /** The pool took the connection back (cleanup): this handle is finished. */
    void invalidate() {
        closeSessions();
        closed = true;
        connection = null;
    }

    private void closeSessions() {
        JMSException first = null;
        for (Session s : sessions) {
            try {
                s.close();
            } catch (JMSException e) {
                first = first == null ? e : first;
            }
        }
        sessions.clear();
        if (first != null) {
            System.getLogger(ConnectionHandle.class.getName()).log(System.Logger.Level.WARNING,
                    "Closing a session of a pooled Sluice connection failed: " + first.getMessage());
        }
    }

    @Override
    public ConnectionConsumer createConnectionConsumer(Destination destination, String messageSelector,
                                                       ServerSessionPool sessionPool, int maxMessages) throws JMSException {
        throw forbidden("createConnectionConsumer");
    }

    @Override
    public ConnectionConsumer createConnectionConsumer(Queue queue, String messageSelector, ServerSessionPool sessionPool,
                                                       int maxMessages) throws JMSException {
        throw forbidden("createConnectionConsumer");
    }

    @Override
    public ConnectionConsumer createSharedConnectionConsumer(Topic topic, String subscriptionName, String messageSelector,
                                                             ServerSessionPool sessionPool, int maxMessages) throws JMSException {
        throw forbidden("createSharedConnectionConsumer");
    }

    @Override
    public ConnectionConsumer createDurableConnectionConsumer(Topic topic, String subscriptionName, String messageSelector,
                                                              ServerSessionPool sessionPool, int maxMessages) throws JMSException {
        throw forbidden("createDurableConnectionConsumer");
    }

    @Override
    public ConnectionConsumer createSharedDurableConnectionConsumer(Topic topic, String subscriptionName,
                                                                    String messageSelector, ServerSessionPool sessionPool,
                                                                    int maxMessages) throws JMSException {
        throw forbidden("createSharedDurableConnectionConsumer");
    }
}
