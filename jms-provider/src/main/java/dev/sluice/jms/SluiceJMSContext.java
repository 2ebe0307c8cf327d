package dev.sluice.jms;

import jakarta.jms.BytesMessage;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.Destination;
import jakarta.jms.ExceptionListener;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.JMSException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.StreamMessage;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;

import java.io.Serializable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.sluice.jms.JmsExceptions.unchecked;
import static dev.sluice.jms.JmsExceptions.uncheckedRun;

/**
 * The simplified API: a connection and one session. Contexts made with {@link #createContext(int)} share the
 * connection, which closes with the last of them.
 */
public final class SluiceJMSContext implements JMSContext {

    private final SluiceConnection connection;
    private final AtomicInteger connectionUsers;
    private final int sessionMode;
    private SluiceSession session;
    /** Set for a container's context: what closing it means (see {@link #managed}). */
    private final Runnable onClose;
    /**
     * A managed context's consumers and browsers: its session may outlive it (a container transaction's, settled
     * later), so closing the context closes them itself, as JMSContext.close promises.
     */
    private final List<AutoCloseable> opened = new CopyOnWriteArrayList<>();
    private boolean autoStart = true;
    private volatile boolean closed;
    private volatile boolean closing;

    SluiceJMSContext(SluiceConnection connection, int sessionMode) {
        this(connection, new AtomicInteger(1), sessionMode);
    }

    private SluiceJMSContext(SluiceConnection connection, AtomicInteger users, int sessionMode) {
        this.connection = connection;
        this.connectionUsers = users;
        this.sessionMode = sessionMode;
        this.onClose = null;
    }

    private SluiceJMSContext(SluiceConnection connection, SluiceSession session, Runnable onClose) throws JMSException {
        this.connection = connection;
        this.connectionUsers = new AtomicInteger(1);
        this.sessionMode = session.getAcknowledgeMode();
        this.session = session;
        this.onClose = onClose;
    }

    /**
     * A context for an application server (the resource adapter): over a pooled connection and a session the
     * container chose, closed by handing both back ({@code onClose}) instead of closing them. As the
     * specification requires in a Jakarta EE container, it does not make further contexts and does not let the
     * application set a client id, an exception listener or stop the connection.
     */
    public static JMSContext managed(SluiceConnection connection, SluiceSession session, Runnable onClose)
            throws JMSException {
        return new SluiceJMSContext(connection, session, onClose);
    }

    private void refuseWhenManaged(String what) {
        if (onClose != null) {
            throw new IllegalStateRuntimeException(what + " is not allowed in a Jakarta EE container.");
        }
    }

    static void checkMode(int mode) {
        if (mode < SESSION_TRANSACTED || mode > DUPS_OK_ACKNOWLEDGE) {
            throw new JMSRuntimeException("Invalid session mode " + mode + ": use SESSION_TRANSACTED (0), "
                    + "AUTO_ACKNOWLEDGE (1), CLIENT_ACKNOWLEDGE (2) or DUPS_OK_ACKNOWLEDGE (3)");
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateRuntimeException("The JMSContext is closed.");
        }
    }

    synchronized SluiceSession session() {
        checkOpen();
        if (session == null) {
            session = (SluiceSession) unchecked(() -> connection.createSession(sessionMode));
        }
        return session;
    }

    @Override
    public JMSContext createContext(int mode) {
        checkOpen();
        refuseWhenManaged("JMSContext.createContext");
        checkMode(mode);
        // the connection is shared from now on: its client id can no longer be set, through either context
        connection.freezeClientId();
        connectionUsers.incrementAndGet();
        return new SluiceJMSContext(connection, connectionUsers, mode);
    }

    @Override
    public JMSProducer createProducer() {
        return new SluiceJMSProducer(this, (SluiceMessageProducer) unchecked(() -> session().createProducer(null)));
    }

    @Override
    public String getClientID() {
        checkOpen();
        return unchecked(connection::getClientID);
    }

    @Override
    public void setClientID(String clientID) {
        checkOpen();
        refuseWhenManaged("setClientID");
        uncheckedRun(() -> connection.setClientID(clientID));
    }

    @Override
    public ConnectionMetaData getMetaData() {
        checkOpen();
        return unchecked(connection::getMetaData);
    }

    @Override
    public ExceptionListener getExceptionListener() {
        checkOpen();
        return unchecked(connection::getExceptionListener);
    }

    @Override
    public void setExceptionListener(ExceptionListener listener) {
        checkOpen();
        refuseWhenManaged("setExceptionListener");
        uncheckedRun(() -> connection.setExceptionListener(listener));
    }

    @Override
    public void start() {
        checkOpen();
        uncheckedRun(connection::start);
    }

    @Override
    public void stop() {
        checkOpen();
        refuseWhenManaged("stop");
        if (session != null && session.onDeliveryThread()) {
            throw new IllegalStateRuntimeException("A MessageListener must not stop its own JMSContext.");
        }
        uncheckedRun(connection::stop);
    }

    @Override
    public synchronized void setAutoStart(boolean autoStart) {
        checkOpen();
        this.autoStart = autoStart;
    }

    @Override
    public synchronized boolean getAutoStart() {
        checkOpen();
        return autoStart;
    }

    @Override
    public void close() {
        if (closed || closing) {
            return;
        }
        // refused before anything changes: the context stays usable, and a later close() still releases it all
        if (session != null && session.onDeliveryThread()) {
            throw new IllegalStateRuntimeException("A MessageListener must not close its own JMSContext.");
        }
        if (session != null && session.onCompletionThread()) {
            throw new IllegalStateRuntimeException("A CompletionListener must not close its own JMSContext.");
        }
        // closed only once the session has waited for its running listener, which may use this context until then
        closing = true;
        try {
            if (onClose != null) {
                try {
                    uncheckedRun(this::closeOpened);
                } finally {
                    onClose.run(); // the pool gets its connection back whatever a consumer's close did
                }
                return;
            }
            uncheckedRun(() -> {
                if (session != null) {
                    session.close();
                }
                if (connectionUsers.decrementAndGet() == 0) {
                    connection.close();
                }
            });
        } finally {
            closed = true;
        }
    }

    @Override
    public BytesMessage createBytesMessage() {
        return unchecked(() -> session().createBytesMessage());
    }

    @Override
    public MapMessage createMapMessage() {
        return unchecked(() -> session().createMapMessage());
    }

    @Override
    public Message createMessage() {
        return unchecked(() -> session().createMessage());
    }

    @Override
    public ObjectMessage createObjectMessage() {
        return unchecked(() -> session().createObjectMessage());
    }

    @Override
    public ObjectMessage createObjectMessage(Serializable object) {
        return unchecked(() -> session().createObjectMessage(object));
    }

    @Override
    public StreamMessage createStreamMessage() {
        return unchecked(() -> session().createStreamMessage());
    }

    @Override
    public TextMessage createTextMessage() {
        return unchecked(() -> session().createTextMessage());
    }

    @Override
    public TextMessage createTextMessage(String text) {
        return unchecked(() -> session().createTextMessage(text));
    }

    @Override
    public boolean getTransacted() {
        return unchecked(() -> session().getTransacted());
    }

    @Override
    public int getSessionMode() {
        checkOpen();
        return sessionMode;
    }

    @Override
    public void commit() {
        uncheckedRun(() -> session().commit());
    }

    @Override
    public void rollback() {
        uncheckedRun(() -> session().rollback());
    }

    @Override
    public void recover() {
        uncheckedRun(() -> session().recover());
    }

    /** Closes every one, then reports the first failure. */
    private void closeOpened() throws JMSException {
        JMSException first = null;
        for (AutoCloseable c : opened) {
            try {
                c.close();
            } catch (JMSException e) {
                first = first == null ? e : first;
            } catch (Exception e) {
                if (first == null) {
                    first = new JMSException("Closing " + c + " failed: " + e);
                    first.setLinkedException(e);
                }
            }
        }
        opened.clear();
        if (first != null) {
            throw first;
        }
    }

    /** Remembers a managed context's consumer or browser, forgetting those the application closed meanwhile. */
    private <T extends AutoCloseable> T opened(T consumerOrBrowser) {
        if (onClose != null) {
            opened.removeIf(SluiceJMSContext::isClosed);
            opened.add(consumerOrBrowser);
        }
        return consumerOrBrowser;
    }

    private static boolean isClosed(AutoCloseable c) {
        return c instanceof SluiceMessageConsumer consumer ? consumer.isClosed()
                : c instanceof SluiceQueueBrowser browser && browser.isClosed();
    }

    private JMSConsumer consumer(MessageConsumer c) {
        opened(c);
        if (autoStart) {
            uncheckedRun(connection::start);
        }
        return new SluiceJMSConsumer(this, c);
    }

    @Override
    public JMSConsumer createConsumer(Destination destination) {
        return consumer(unchecked(() -> session().createConsumer(destination)));
    }

    @Override
    public JMSConsumer createConsumer(Destination destination, String messageSelector) {
        return consumer(unchecked(() -> session().createConsumer(destination, messageSelector)));
    }

    @Override
    public JMSConsumer createConsumer(Destination destination, String messageSelector, boolean noLocal) {
        return consumer(unchecked(() -> session().createConsumer(destination, messageSelector, noLocal)));
    }

    @Override
    public Queue createQueue(String queueName) {
        return unchecked(() -> session().createQueue(queueName));
    }

    @Override
    public Topic createTopic(String topicName) {
        return unchecked(() -> session().createTopic(topicName));
    }

    @Override
    public JMSConsumer createDurableConsumer(Topic topic, String name) {
        return consumer(unchecked(() -> session().createDurableConsumer(topic, name)));
    }

    @Override
    public JMSConsumer createDurableConsumer(Topic topic, String name, String messageSelector, boolean noLocal) {
        return consumer(unchecked(() -> session().createDurableConsumer(topic, name, messageSelector, noLocal)));
    }

    @Override
    public JMSConsumer createSharedDurableConsumer(Topic topic, String name) {
        return consumer(unchecked(() -> session().createSharedDurableConsumer(topic, name)));
    }

    @Override
    public JMSConsumer createSharedDurableConsumer(Topic topic, String name, String messageSelector) {
        return consumer(unchecked(() -> session().createSharedDurableConsumer(topic, name, messageSelector)));
    }

    @Override
    public JMSConsumer createSharedConsumer(Topic topic, String sharedSubscriptionName) {
        return consumer(unchecked(() -> session().createSharedConsumer(topic, sharedSubscriptionName)));
    }

    @Override
    public JMSConsumer createSharedConsumer(Topic topic, String sharedSubscriptionName, String messageSelector) {
        return consumer(unchecked(() -> session().createSharedConsumer(topic, sharedSubscriptionName, messageSelector)));
    }

    @Override
    public QueueBrowser createBrowser(Queue queue) {
        return opened(unchecked(() -> session().createBrowser(queue)));
    }

    @Override
    public QueueBrowser createBrowser(Queue queue, String messageSelector) {
        return opened(unchecked(() -> session().createBrowser(queue, messageSelector)));
    }

    @Override
    public TemporaryQueue createTemporaryQueue() {
        return unchecked(() -> session().createTemporaryQueue());
    }

    @Override
    public TemporaryTopic createTemporaryTopic() {
        return unchecked(() -> session().createTemporaryTopic());
    }

    @Override
    public void unsubscribe(String name) {
        uncheckedRun(() -> session().unsubscribe(name));
    }

    /** Acknowledges every message consumed by this context (CLIENT_ACKNOWLEDGE). */
    @Override
    public void acknowledge() {
        SluiceSession s = session();
        if (sessionMode == Session.CLIENT_ACKNOWLEDGE) {
            uncheckedRun(() -> s.acknowledger().acknowledge());
        }
    }
}
