package dev.sluice.jms;

import dev.sluice.jms.backend.Capability;
import dev.sluice.jms.backend.Publication;
import dev.sluice.jms.backend.QueueBackend;
import dev.sluice.jms.backend.QueueInfo;
import dev.sluice.jms.message.ObjectMessagePolicy;
import jakarta.jms.ConnectionConsumer;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.Destination;
import jakarta.jms.ExceptionListener;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidClientIDException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueSession;
import jakarta.jms.ServerSessionPool;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicSession;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A connection to Sluice queues through one backend. Delivery to consumers starts with {@link #start()};
 * temporary queues live until the connection closes.
 */
public final class SluiceConnection implements QueueConnection, TopicConnection {

    private static final System.Logger LOG = System.getLogger(SluiceConnection.class.getName());
    private static final AtomicInteger THREADS = new AtomicInteger();
    /** Client IDs of open connections: the spec has the provider keep two clients from using one at once. */
    private static final java.util.Set<String> CLIENT_IDS = ConcurrentHashMap.newKeySet();

    private final SluiceSettings settings;
    private final QueueBackend backend;
    private final ObjectMessagePolicy objectPolicy;
    private final List<SluiceSession> sessions = new CopyOnWriteArrayList<>();
    private final List<SluiceTemporaryQueue> temporaryQueues = new CopyOnWriteArrayList<>();
    private final List<SluiceTemporaryTopic> temporaryTopics = new CopyOnWriteArrayList<>();
    /** Identifies this connection to the engine, for subscriptions with noLocal. */
    private final String connectionId = UUID.randomUUID().toString();
    private final Map<String, QueueInfo> queues = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler;

    private final ReentrantLock startLock = new ReentrantLock();
    private final Condition startedChanged = startLock.newCondition();
    private volatile boolean started;
    /**
     * Shared by a synchronous receive while it decides to return a message, taken alone by stop() after it
     * cleared {@link #started}: so once stop() returns, no receive returns a message until start().
     */
    private final ReentrantReadWriteLock handOver = new ReentrantReadWriteLock();
    private volatile boolean closed;
    /** close() has begun: nothing new is delivered, but running listeners may still use the connection. */
    private volatile boolean closing;
    private final CloseOnce closeOnce = new CloseOnce();
    private volatile ExceptionListener exceptionListener;
    private String clientId;
    private boolean clientIdFrozen;

    SluiceConnection(SluiceSettings settings, QueueBackend backend) {
        this.settings = settings;
        this.backend = backend;
        this.objectPolicy = ObjectMessagePolicy.parse(settings.objectMessageAllowList());
        this.scheduler = Executors.newScheduledThreadPool(1, r -> {
            Thread t = new Thread(r, "sluice-connection-timer-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    SluiceSettings settings() {
        return settings;
    }

    QueueBackend backend() {
        return backend;
    }

    ObjectMessagePolicy objectPolicy() {
        return objectPolicy;
    }

    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    // ---- lifecycle ----------------------------------------------------------------------------------

    @Override
    public void start() throws JMSException {
        checkOpen();
        freezeClientId();
        startLock.lock();
        try {
            started = true;
            startedChanged.signalAll();
        } finally {
            startLock.unlock();
        }
    }

    /** Pauses delivery; returns once no listener of this connection is running (as the spec requires). */
    @Override
    public void stop() throws JMSException {
        checkOpen();
        freezeClientId();
        startLock.lock();
        try {
            started = false;
        } finally {
            startLock.unlock();
        }
        handOver.writeLock().lock();
        handOver.writeLock().unlock();
        for (SluiceSession s : sessions) {
            s.awaitListenersIdle();
        }
    }

    /**
     * A synchronous receive that holds a message asks here whether it may return it: true (then it must call
     * {@link #handedOver} once it did) while the connection is started, false once it is stopped or closed.
     */
    boolean mayHandOver() {
        handOver.readLock().lock();
        if (started && !closed && !closing) {
            return true;
        }
        handOver.readLock().unlock();
        return false;
    }

    void handedOver() {
        handOver.readLock().unlock();
    }

    boolean isStarted() {
        return started;
    }

    /**
     * Blocks while the connection is stopped, up to {@code nanos}; answers whether it is started.
     */
    boolean awaitStarted(long nanos) throws InterruptedException {
        startLock.lock();
        try {
            while (!started && !closed && !closing && nanos > 0) {
                nanos = startedChanged.awaitNanos(nanos);
            }
            return started && !closed && !closing;
        } finally {
            startLock.unlock();
        }
    }

    @Override
    public void close() throws JMSException {
        if (closeOnce.isFinished()) {
            return;
        }
        for (SluiceSession s : sessions) {
            // refuse before anything is closed: half a close would leave the listener's work stranded
            if (s.runsListenerOnThisThread() || s.onCompletionThread()) {
                throw new IllegalStateException("A MessageListener or CompletionListener must not close its own connection.");
            }
        }
        closeOnce.run(this::closeNow);
    }

    private void closeNow() throws JMSException {
        closing = true;
        startLock.lock();
        try {
            startedChanged.signalAll();
        } finally {
            startLock.unlock();
        }
        JMSException first = null;
        try {
            // no session starts a delivery from now on, while the close below waits for each one's listener
            sessions.forEach(SluiceSession::beginClosing);
            for (SluiceSession s : sessions) {
                try {
                    // waits for the session's running listener, which may still use this connection meanwhile
                    s.close();
                } catch (JMSException e) {
                    first = first == null ? e : first;
                }
            }
        } finally {
            releaseResources();
        }
        if (first != null) {
            throw first;
        }
    }

    /** The end of a close, whatever happened to the sessions: nothing of the connection may stay held. */
    private void releaseResources() {
        closed = true;
        releaseClientId();
        for (SluiceTemporaryQueue q : temporaryQueues) {
            try {
                backend.deleteQueue(q.getQueueName());
            } catch (JMSException e) {
                LOG.log(System.Logger.Level.WARNING, "Could not delete temporary queue " + q + ": " + e.getMessage());
            }
        }
        temporaryQueues.clear();
        // a temporary topic is only a name: its subscriptions ended with the sessions' consumers
        temporaryTopics.forEach(SluiceTemporaryTopic::markDeleted);
        temporaryTopics.clear();
        scheduler.shutdownNow();
        backend.close();
    }

    boolean isClosed() {
        return closed || closing;
    }

    /** Sluice extension, for tests and tools: close() has begun and waits for running listeners. */
    public boolean isClosing() {
        return closing && !closed;
    }

    void checkOpen() throws IllegalStateException {
        if (closed) {
            throw new IllegalStateException("The connection is closed.");
        }
    }

    void removed(SluiceSession s) {
        sessions.remove(s);
    }

    /** A failure no caller can be told about (a listener's delivery loop): goes to the ExceptionListener. */
    void report(JMSException e) {
        ExceptionListener l = exceptionListener;
        if (l != null) {
            l.onException(e);
        } else {
            LOG.log(System.Logger.Level.WARNING, "Sluice connection error with no ExceptionListener set: " + e.getMessage());
        }
    }

    // ---- sessions -----------------------------------------------------------------------------------

    @Override
    public Session createSession(boolean transacted, int acknowledgeMode) throws JMSException {
        if (!transacted && acknowledgeMode == Session.SESSION_TRANSACTED) {
            throw new JMSException("A non-transacted session takes AUTO_ACKNOWLEDGE (1), CLIENT_ACKNOWLEDGE (2) or "
                    + "DUPS_OK_ACKNOWLEDGE (3) as its acknowledge mode, not SESSION_TRANSACTED (0).");
        }
        return createSession(transacted ? Session.SESSION_TRANSACTED : acknowledgeMode);
    }

    @Override
    public Session createSession(int sessionMode) throws JMSException {
        checkOpen();
        if (closing) {
            // a listener may still use the sessions it has while the connection closes, but not open new ones
            throw new IllegalStateException("The connection is closing.");
        }
        freezeClientId();
        if (sessionMode < Session.SESSION_TRANSACTED || sessionMode > Session.DUPS_OK_ACKNOWLEDGE) {
            throw new JMSException("Invalid session mode " + sessionMode + ": use SESSION_TRANSACTED (0), "
                    + "AUTO_ACKNOWLEDGE (1), CLIENT_ACKNOWLEDGE (2) or DUPS_OK_ACKNOWLEDGE (3)");
        }
        if (sessionMode == Session.SESSION_TRANSACTED && settings.atomicTransactionsRequired()) {
            requireCapability(Capability.ATOMIC_TRANSACTIONS);
        }
        SluiceSession s = new SluiceSession(this, sessionMode);
        sessions.add(s);
        if (closing) {
            // the close began meanwhile and may have missed it: it must not outlive the connection
            s.close();
            throw new IllegalStateException("The connection is closing.");
        }
        return s;
    }

    @Override
    public Session createSession() throws JMSException {
        return createSession(Session.AUTO_ACKNOWLEDGE);
    }

    @Override
    public QueueSession createQueueSession(boolean transacted, int acknowledgeMode) throws JMSException {
        SluiceSession s = (SluiceSession) createSession(transacted, acknowledgeMode);
        s.restrictTo(SessionDomain.QUEUE);
        return s;
    }

    @Override
    public TopicSession createTopicSession(boolean transacted, int acknowledgeMode) throws JMSException {
        SluiceSession s = (SluiceSession) createSession(transacted, acknowledgeMode);
        s.restrictTo(SessionDomain.TOPIC);
        return s;
    }

    // ---- queues -------------------------------------------------------------------------------------

    /** The queue's facts, creating it first when auto-creation is on. */
    QueueInfo queueInfo(Destination destination) throws JMSException {
        String name = queueName(destination);
        QueueInfo known = queues.get(name);
        if (known != null) {
            return known;
        }
        QueueInfo info;
        try {
            info = backend.queue(name);
        } catch (InvalidDestinationException missing) {
            // a deleted temporary queue stays deleted: re-creating it on demand would leave an orphan
            if (!settings.autoCreateQueues() || name.startsWith(SluiceTemporaryQueue.PREFIX)) {
                throw missing;
            }
            Map<String, String> attributes = new java.util.LinkedHashMap<>(settings.queueAttributes());
            if (name.endsWith(".fifo")) {
                attributes.put("FifoQueue", "true");
            } else {
                // a standard queue refuses the FIFO-only attributes a factory may set for its .fifo queues
                attributes.remove("ContentBasedDeduplication");
                attributes.remove("DeduplicationScope");
                attributes.remove("FifoThroughputLimit");
            }
            backend.createQueue(name, attributes);
            info = backend.queue(name);
        }
        queues.put(name, info);
        return info;
    }

    static String queueName(Destination destination) throws JMSException {
        if (destination instanceof Queue q && q.getQueueName() != null && !q.getQueueName().isEmpty()) {
            return q.getQueueName();
        }
        if (destination instanceof Topic) {
            throw new InvalidDestinationException(destination + " is a topic; this operation needs a queue.");
        }
        throw new InvalidDestinationException("Not a queue Sluice can use: " + destination);
    }

    SluiceTemporaryQueue createTemporaryQueue() throws JMSException {
        checkOpen();
        String name = SluiceTemporaryQueue.PREFIX + UUID.randomUUID();
        backend.createQueue(name, Map.of());
        SluiceTemporaryQueue q = new SluiceTemporaryQueue(name, this);
        temporaryQueues.add(q);
        return q;
    }

    /**
     * Whether a queue of this name may be consumed here: any ordinary queue, but a temporary one only by the
     * connection that created it, however the consumer came by it (the object, a JMSReplyTo, or its name).
     */
    boolean mayConsume(String queueName) {
        return !queueName.startsWith(SluiceTemporaryQueue.PREFIX)
                || temporaryQueues.stream().anyMatch(t -> t.getName().equals(queueName));
    }

    void deleteTemporaryQueue(SluiceTemporaryQueue q) throws JMSException {
        checkOpen();
        for (SluiceSession s : sessions) {
            if (s.consumes(q)) {
                throw new IllegalStateException("Temporary queue " + q.getQueueName() + " still has consumers.");
            }
        }
        backend.deleteQueue(q.getQueueName());
        temporaryQueues.remove(q);
        queues.remove(q.getQueueName());
    }

    // ---- topics -------------------------------------------------------------------------------------

    String connectionId() {
        return connectionId;
    }

    /** Who publishes from this connection, for subscriptions with noLocal. */
    synchronized Publication publication() {
        return new Publication(connectionId, clientId);
    }

    /** The client identifier subscriptions are named under (null if none); using it freezes it. */
    synchronized String subscriptionClientId() {
        clientIdFrozen = true;
        return clientId;
    }

    /** The facts of a subscription's queue, which the engine created (never auto-created here). */
    QueueInfo subscriptionQueue(String name) throws JMSException {
        return backend.queue(name);
    }

    SluiceTemporaryTopic createTemporaryTopic() throws JMSException {
        checkOpen();
        SluiceTemporaryTopic t = new SluiceTemporaryTopic(SluiceTemporaryTopic.PREFIX + UUID.randomUUID(), this);
        temporaryTopics.add(t);
        return t;
    }

    void deleteTemporaryTopic(SluiceTemporaryTopic t) throws JMSException {
        checkOpen();
        if (backend.topicHasConsumers(t.getTopicName())) {
            throw new IllegalStateException("Temporary topic " + t.getTopicName() + " still has subscribers.");
        }
        t.markDeleted();
        temporaryTopics.remove(t);
    }

    void requireCapability(Capability capability) throws JMSException {
        if (!backend.capabilities().contains(capability)) {
            String backendName = backend.describe();
            throw new JMSException("Unsupported feature: " + capability.description() + ". "
                    + Character.toUpperCase(backendName.charAt(0)) + backendName.substring(1)
                    + " cannot offer it (Amazon SQS has no such feature); use the embedded engine (sluice:embedded) "
                    + "for it.", "UnsupportedCapability");
        }
    }

    // ---- settings -----------------------------------------------------------------------------------

    @Override
    public synchronized String getClientID() throws JMSException {
        checkOpen();
        return clientId;
    }

    @Override
    public synchronized void setClientID(String id) throws JMSException {
        checkOpen();
        if (clientIdFrozen) {
            throw new IllegalStateException("The client ID can only be set before the connection is used.");
        }
        if (id == null || id.isEmpty()) {
            throw new InvalidClientIDException("A client ID must not be empty.");
        }
        if (!CLIENT_IDS.add(id)) {
            throw new InvalidClientIDException("Client ID '" + id + "' is in use by another open connection.");
        }
        clientId = id;
        clientIdFrozen = true;
    }

    private synchronized void releaseClientId() {
        if (clientId != null) {
            CLIENT_IDS.remove(clientId);
        }
    }

    synchronized void freezeClientId() {
        clientIdFrozen = true;
    }

    @Override
    public ConnectionMetaData getMetaData() throws JMSException {
        checkOpen();
        return new SluiceConnectionMetaData();
    }

    @Override
    public ExceptionListener getExceptionListener() throws JMSException {
        checkOpen();
        return exceptionListener;
    }

    @Override
    public void setExceptionListener(ExceptionListener listener) throws JMSException {
        checkOpen();
        freezeClientId();
        this.exceptionListener = listener;
    }

    // ---- application-server facilities Sluice does not offer -----------------------------------------

    @Override
    public ConnectionConsumer createConnectionConsumer(Destination destination, String messageSelector,
                                                       ServerSessionPool sessionPool, int maxMessages) throws JMSException {
        throw new JMSException("ConnectionConsumer is an optional application-server facility; Sluice's resource "
                + "adapter delivers to message-driven beans instead.");
    }

    @Override
    public ConnectionConsumer createConnectionConsumer(Queue queue, String messageSelector,
                                                       ServerSessionPool sessionPool, int maxMessages) throws JMSException {
        return createConnectionConsumer((Destination) queue, messageSelector, sessionPool, maxMessages);
    }

    @Override
    public ConnectionConsumer createConnectionConsumer(Topic topic, String messageSelector,
                                                       ServerSessionPool sessionPool, int maxMessages) throws JMSException {
        return createConnectionConsumer((Destination) topic, messageSelector, sessionPool, maxMessages);
    }

    @Override
    public ConnectionConsumer createSharedConnectionConsumer(Topic topic, String subscriptionName, String messageSelector,
                                                             ServerSessionPool sessionPool, int maxMessages) throws JMSException {
        return createConnectionConsumer((Destination) topic, messageSelector, sessionPool, maxMessages);
    }

    @Override
    public ConnectionConsumer createDurableConnectionConsumer(Topic topic, String subscriptionName, String messageSelector,
                                                              ServerSessionPool sessionPool, int maxMessages) throws JMSException {
        return createConnectionConsumer((Destination) topic, messageSelector, sessionPool, maxMessages);
    }

    @Override
    public ConnectionConsumer createSharedDurableConnectionConsumer(Topic topic, String subscriptionName,
                                                                    String messageSelector, ServerSessionPool sessionPool,
                                                                    int maxMessages) throws JMSException {
        return createConnectionConsumer((Destination) topic, messageSelector, sessionPool, maxMessages);
    }
}
