package dev.sluice.jms;

import dev.sluice.jms.ack.Acknowledger;
import dev.sluice.jms.ack.AutoAcknowledger;
import dev.sluice.jms.ack.ClientAcknowledger;
import dev.sluice.jms.ack.Delivered;
import dev.sluice.jms.ack.DupsOkAcknowledger;
import dev.sluice.jms.ack.Releaser;
import dev.sluice.jms.ack.TransactedAcknowledger;
import dev.sluice.jms.backend.Capability;
import dev.sluice.jms.backend.PollCancellation;
import dev.sluice.jms.message.SluiceBytesMessage;
import dev.sluice.jms.message.SluiceMapMessage;
import dev.sluice.jms.message.SluiceMessage;
import dev.sluice.jms.message.SluiceObjectMessage;
import dev.sluice.jms.message.SluiceStreamMessage;
import dev.sluice.jms.message.SluiceTextMessage;
import jakarta.jms.BytesMessage;
import jakarta.jms.Destination;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageListener;
import jakarta.jms.MessageProducer;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.QueueReceiver;
import jakarta.jms.QueueSender;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import jakarta.jms.StreamMessage;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.jms.TopicPublisher;
import jakarta.jms.TopicSession;
import jakarta.jms.TopicSubscriber;
import jakarta.jms.TransactionInProgressException;

import java.io.Serializable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A single-threaded context for producing and consuming, in one of the four session modes. Listeners of
 * the session's consumers are called one at a time by the session's own delivery thread.
 */
public final class SluiceSession implements QueueSession, TopicSession {

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final SluiceConnection connection;
    private final int mode;
    private final Releaser releaser;
    private final Acknowledger acknowledger;
    private final List<SluiceMessageConsumer> consumers = new CopyOnWriteArrayList<>();
    private final List<SluiceMessageProducer> producers = new CopyOnWriteArrayList<>();
    private final List<SluiceQueueBrowser> browsers = new CopyOnWriteArrayList<>();
    /** Held while a listener runs, so stop() and close() can wait for it. */
    private final ReentrantLock listenerRunning = new ReentrantLock();
    private final Object dispatchSignal = new Object();
    private final ExecutorService completions;
    /** Async sends queued or running: commit and producer close wait only when there are some. */
    private final java.util.concurrent.atomic.AtomicInteger asyncSends = new java.util.concurrent.atomic.AtomicInteger();
    private volatile Thread dispatcher;
    /** The delivery thread's current poll, and a count of listener changes: see {@link #listenerChanged}. */
    private volatile PollCancellation polling;
    private final AtomicInteger listenerChanges = new AtomicInteger();
    /** The thread that runs this session's CompletionListeners. */
    private volatile Thread completionThread;
    private volatile boolean closed;
    /** close() has begun: no new delivery starts, but a running listener may still use the session. */
    private volatile boolean closing;
    private final CloseOnce closeOnce = new CloseOnce();
    private volatile SessionDomain domain = SessionDomain.ANY;
    /** Set by {@link #joinContainerTransactions()}: the container, not the application, commits and closes. */
    private volatile boolean containerManaged;
    /** Set by {@link #handedOutByContainer()}. */
    private volatile boolean inContainer;

    SluiceSession(SluiceConnection connection, int mode) {
        this.connection = connection;
        this.mode = mode;
        this.releaser = new Releaser(connection.backend(), connection.settings().redeliveryPolicy());
        this.acknowledger = switch (mode) {
            case SESSION_TRANSACTED -> new TransactedAcknowledger(connection.backend(), releaser);
            case CLIENT_ACKNOWLEDGE -> new ClientAcknowledger(releaser);
            case DUPS_OK_ACKNOWLEDGE -> new DupsOkAcknowledger(releaser, connection.scheduler());
            default -> new AutoAcknowledger(releaser);
        };
        this.completions = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "sluice-async-send-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            completionThread = t;
            return t;
        });
    }

    SluiceConnection connection() {
        return connection;
    }

    /** For createQueueSession / createTopicSession: the other domain's methods are refused from now on. */
    void restrictTo(SessionDomain domain) {
        this.domain = domain;
    }

    Acknowledger acknowledger() {
        return acknowledger;
    }

    Releaser releaser() {
        return releaser;
    }

    /** Runs an async send and its CompletionListener on this session's completion thread, in send order. */
    void runAsyncSend(Runnable send) {
        asyncSends.incrementAndGet();
        try {
            completions.execute(() -> {
                try {
                    send.run();
                } finally {
                    asyncSends.decrementAndGet();
                }
            });
        } catch (RuntimeException e) {
            asyncSends.decrementAndGet();
            throw e;
        }
    }

    void checkOpen() throws IllegalStateException {
        if (closed) {
            throw new IllegalStateException("The session is closed.");
        }
        connection.checkOpen();
    }

    /** Closed or closing: deliveries and receives end (checkOpen still lets a running listener work). */
    boolean isClosed() {
        return closed || closing;
    }

    // ---- messages -----------------------------------------------------------------------------------

    @Override
    public Message createMessage() throws JMSException {
        checkOpen();
        return new SluiceMessage();
    }

    @Override
    public TextMessage createTextMessage() throws JMSException {
        checkOpen();
        return new SluiceTextMessage();
    }

    @Override
    public TextMessage createTextMessage(String text) throws JMSException {
        checkOpen();
        SluiceTextMessage m = new SluiceTextMessage();
        m.setText(text);
        return m;
    }

    @Override
    public BytesMessage createBytesMessage() throws JMSException {
        checkOpen();
        return new SluiceBytesMessage();
    }

    @Override
    public MapMessage createMapMessage() throws JMSException {
        checkOpen();
        return new SluiceMapMessage();
    }

    @Override
    public StreamMessage createStreamMessage() throws JMSException {
        checkOpen();
        return new SluiceStreamMessage();
    }

    @Override
    public ObjectMessage createObjectMessage() throws JMSException {
        checkOpen();
        return new SluiceObjectMessage(connection.objectPolicy());
    }

    @Override
    public ObjectMessage createObjectMessage(Serializable object) throws JMSException {
        ObjectMessage m = createObjectMessage();
        m.setObject(object);
        return m;
    }

    // ---- transactions and acknowledgement ------------------------------------------------------------

    @Override
    public boolean getTransacted() throws JMSException {
        checkOpen();
        return mode == SESSION_TRANSACTED;
    }

    @Override
    public int getAcknowledgeMode() throws JMSException {
        checkOpen();
        return mode;
    }

    /**
     * Hands this transacted session to an application server's transaction manager (the resource adapter's
     * LocalTransaction): from now on the application's commit, rollback and close are refused or ignored as
     * the specification requires inside a container transaction, and the container settles the work with
     * {@link #commitContainerTransaction()} / {@link #rollbackContainerTransaction()}.
     */
    public void joinContainerTransactions() throws JMSException {
        if (mode != SESSION_TRANSACTED) {
            throw new IllegalStateException("Only a transacted session can take part in container transactions.");
        }
        containerManaged = true;
    }

    /**
     * Marks a session an application server handed to an application: asynchronous delivery
     * (setMessageListener) is refused there, as the specification requires — MDBs are the way.
     */
    public void handedOutByContainer() {
        inContainer = true;
    }

    boolean inContainer() {
        return inContainer;
    }

    public void commitContainerTransaction() throws JMSException {
        checkOpen();
        ((TransactedAcknowledger) acknowledger).commit();
    }

    public void rollbackContainerTransaction() throws JMSException {
        checkOpen();
        ((TransactedAcknowledger) acknowledger).rollback();
    }

    /** Closes a session that {@link #joinContainerTransactions() joined container transactions}. */
    public void closeByContainer() throws JMSException {
        containerManaged = false;
        close();
    }

    private void refuseInContainerTransaction(String what) throws TransactionInProgressException {
        if (containerManaged) {
            throw new TransactionInProgressException(what + " is not allowed in a container-managed transaction: "
                    + "the transaction manager commits or rolls back this session's work.");
        }
    }

    @Override
    public void commit() throws JMSException {
        checkOpen();
        refuseOnCompletionThread("commit()");
        refuseInContainerTransaction("commit()");
        if (!(acknowledger instanceof TransactedAcknowledger tx)) {
            throw new IllegalStateException("commit() needs a transacted session; this one is " + modeName() + ".");
        }
        // an async send still queued would otherwise join the next transaction, not this one
        awaitAsyncSends();
        tx.commit();
    }

    @Override
    public void rollback() throws JMSException {
        checkOpen();
        refuseOnCompletionThread("rollback()");
        refuseInContainerTransaction("rollback()");
        if (!(acknowledger instanceof TransactedAcknowledger tx)) {
            throw new IllegalStateException("rollback() needs a transacted session; this one is " + modeName() + ".");
        }
        awaitAsyncSends();
        tx.rollback();
    }

    /** The spec forbids it, and waiting for this session's async sends there would wait for the caller itself. */
    private void refuseOnCompletionThread(String what) throws IllegalStateException {
        if (onCompletionThread()) {
            throw new IllegalStateException("A CompletionListener must not call " + what + " on its own session.");
        }
    }

    /**
     * Returns once the async sends started so far are complete and their CompletionListeners have returned:
     * one thread runs them in order, so a no-op queued behind them ends after them. Not for the completion thread.
     */
    void awaitAsyncSends() throws JMSException {
        if (asyncSends.get() == 0) {
            return; // the common case, without a round trip through the completion thread
        }
        try {
            completions.submit(() -> { }).get();
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // the session is closing: its close waits for the sends
        } catch (java.util.concurrent.ExecutionException e) {
            // a no-op does not fail
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JMSException("Interrupted while waiting for incomplete asynchronous sends.");
        }
    }

    @Override
    public void recover() throws JMSException {
        checkOpen();
        if (mode == SESSION_TRANSACTED) {
            throw new IllegalStateException("recover() is not for a transacted session: use rollback().");
        }
        acknowledger.recover();
    }

    /** Message.acknowledge() of a message this session delivered. */
    void acknowledgeFromMessage() throws JMSException {
        if (closed) {
            throw new IllegalStateException("The session that delivered this message is closed.");
        }
        if (mode == CLIENT_ACKNOWLEDGE) {
            acknowledger.acknowledge();
        }
    }

    /** Hands a received message to the application: installs acknowledge(), applies the mode. */
    void handOver(SluiceMessage m, Delivered d, boolean toListener) throws JMSException {
        m.setAcknowledgeCallback(msg -> acknowledgeFromMessage());
        if (toListener) {
            acknowledger.handedToListener(d);
        } else {
            acknowledger.received(d);
        }
    }

    private String modeName() {
        return switch (mode) {
            case SESSION_TRANSACTED -> "SESSION_TRANSACTED";
            case CLIENT_ACKNOWLEDGE -> "CLIENT_ACKNOWLEDGE";
            case DUPS_OK_ACKNOWLEDGE -> "DUPS_OK_ACKNOWLEDGE";
            default -> "AUTO_ACKNOWLEDGE";
        };
    }

    // ---- producers, consumers, browsers ----------------------------------------------------------------

    @Override
    public MessageProducer createProducer(Destination destination) throws JMSException {
        checkOpen();
        if (destination instanceof Topic topic) {
            connection.requireCapability(Capability.TOPICS);
            TopicSubscriptions.topicName(topic);
        } else if (destination != null) {
            connection.queueInfo(destination);
        }
        SluiceMessageProducer p = new SluiceMessageProducer(this, destination);
        producers.add(p);
        return p;
    }

    @Override
    public MessageConsumer createConsumer(Destination destination) throws JMSException {
        return createConsumer(destination, null, false);
    }

    @Override
    public MessageConsumer createConsumer(Destination destination, String messageSelector) throws JMSException {
        return createConsumer(destination, messageSelector, false);
    }

    /** noLocal has no effect on queues (the spec leaves it to topics); a topic gets a non-durable subscription. */
    @Override
    public MessageConsumer createConsumer(Destination destination, String messageSelector, boolean noLocal)
            throws JMSException {
        checkOpen();
        if (destination == null) {
            throw new InvalidDestinationException("A consumer needs a destination.");
        }
        if (destination instanceof Topic topic) {
            return added(TopicSubscriptions.nonDurable(this, topic, messageSelector, noLocal));
        }
        if (destination instanceof Queue q && q.getQueueName() != null && !connection.mayConsume(q.getQueueName())) {
            throw new InvalidDestinationException("Temporary queue " + q.getQueueName() + " can only be consumed by "
                    + "the connection that created it, and only until it is deleted (names starting with "
                    + SluiceTemporaryQueue.PREFIX + " are kept for temporary queues).");
        }
        if (messageSelector != null && !messageSelector.isBlank()) {
            connection.requireCapability(Capability.SELECTORS);
        }
        SluiceMessageConsumer c = new SluiceMessageConsumer(this, destination, connection.queueInfo(destination),
                messageSelector);
        consumers.add(c);
        return c;
    }

    @Override
    public QueueBrowser createBrowser(Queue queue) throws JMSException {
        return createBrowser(queue, null);
    }

    @Override
    public QueueBrowser createBrowser(Queue queue, String messageSelector) throws JMSException {
        domain.requireQueues("createBrowser");
        checkOpen();
        if (queue == null) {
            throw new InvalidDestinationException("A browser needs a queue.");
        }
        connection.requireCapability(Capability.BROWSING);
        connection.queueInfo(queue);
        SluiceQueueBrowser b = new SluiceQueueBrowser(this, queue, messageSelector);
        browsers.add(b);
        return b;
    }

    @Override
    public Queue createQueue(String queueName) throws JMSException {
        domain.requireQueues("createQueue");
        checkOpen();
        if (queueName == null || queueName.isEmpty()) {
            throw new InvalidDestinationException("A queue name must not be empty.");
        }
        return new SluiceQueue(queueName);
    }

    @Override
    public TemporaryQueue createTemporaryQueue() throws JMSException {
        domain.requireQueues("createTemporaryQueue");
        checkOpen();
        return connection.createTemporaryQueue();
    }

    @Override
    public QueueReceiver createReceiver(Queue queue) throws JMSException {
        return (QueueReceiver) createConsumer(queue);
    }

    @Override
    public QueueReceiver createReceiver(Queue queue, String messageSelector) throws JMSException {
        return (QueueReceiver) createConsumer(queue, messageSelector);
    }

    @Override
    public QueueSender createSender(Queue queue) throws JMSException {
        return (QueueSender) createProducer(queue);
    }

    void removed(SluiceMessageConsumer c) {
        consumers.remove(c);
        wakeDispatcher();
    }

    void removed(SluiceMessageProducer p) {
        producers.remove(p);
    }

    void removed(SluiceQueueBrowser b) {
        browsers.remove(b);
    }

    boolean consumes(SluiceTemporaryQueue q) {
        return consumers.stream().anyMatch(c -> c.destination().equals(q));
    }

    // ---- topics: fan-out to one queue per subscription (TopicSubscriptions has the rules) -------------

    @Override
    public Topic createTopic(String topicName) throws JMSException {
        domain.requireTopics("createTopic");
        checkOpen();
        connection.requireCapability(Capability.TOPICS);
        if (topicName == null || topicName.isEmpty()) {
            throw new InvalidDestinationException("A topic name must not be empty.");
        }
        return new SluiceTopic(topicName);
    }

    @Override
    public TemporaryTopic createTemporaryTopic() throws JMSException {
        domain.requireTopics("createTemporaryTopic");
        checkOpen();
        connection.requireCapability(Capability.TOPICS);
        return connection.createTemporaryTopic();
    }

    @Override
    public TopicSubscriber createSubscriber(Topic topic) throws JMSException {
        return createSubscriber(topic, null, false);
    }

    @Override
    public TopicSubscriber createSubscriber(Topic topic, String messageSelector, boolean noLocal) throws JMSException {
        return added(TopicSubscriptions.nonDurable(this, topic, messageSelector, noLocal));
    }

    @Override
    public TopicPublisher createPublisher(Topic topic) throws JMSException {
        return (TopicPublisher) createProducer(topic);
    }

    @Override
    public MessageConsumer createSharedConsumer(Topic topic, String sharedSubscriptionName) throws JMSException {
        return createSharedConsumer(topic, sharedSubscriptionName, null);
    }

    @Override
    public MessageConsumer createSharedConsumer(Topic topic, String sharedSubscriptionName, String messageSelector)
            throws JMSException {
        domain.requireTopics("createSharedConsumer");
        return added(TopicSubscriptions.shared(this, topic, sharedSubscriptionName, messageSelector, false));
    }

    @Override
    public TopicSubscriber createDurableSubscriber(Topic topic, String name) throws JMSException {
        return createDurableSubscriber(topic, name, null, false);
    }

    @Override
    public TopicSubscriber createDurableSubscriber(Topic topic, String name, String messageSelector, boolean noLocal)
            throws JMSException {
        domain.requireTopics("createDurableSubscriber");
        return added(TopicSubscriptions.durable(this, topic, name, messageSelector, noLocal));
    }

    @Override
    public MessageConsumer createDurableConsumer(Topic topic, String name) throws JMSException {
        return createDurableSubscriber(topic, name, null, false);
    }

    @Override
    public MessageConsumer createDurableConsumer(Topic topic, String name, String messageSelector, boolean noLocal)
            throws JMSException {
        return createDurableSubscriber(topic, name, messageSelector, noLocal);
    }

    @Override
    public MessageConsumer createSharedDurableConsumer(Topic topic, String name) throws JMSException {
        return createSharedDurableConsumer(topic, name, null);
    }

    @Override
    public MessageConsumer createSharedDurableConsumer(Topic topic, String name, String messageSelector)
            throws JMSException {
        domain.requireTopics("createSharedDurableConsumer");
        return added(TopicSubscriptions.shared(this, topic, name, messageSelector, true));
    }

    @Override
    public void unsubscribe(String name) throws JMSException {
        domain.requireTopics("unsubscribe");
        TopicSubscriptions.unsubscribe(this, name);
    }

    private SluiceMessageConsumer added(SluiceMessageConsumer c) {
        consumers.add(c);
        return c;
    }

    // ---- the session's MessageListener (an application-server facility) -------------------------------

    @Override
    public MessageListener getMessageListener() throws JMSException {
        checkOpen();
        return null;
    }

    @Override
    public void setMessageListener(MessageListener listener) throws JMSException {
        checkOpen();
        throw new JMSException("Session.setMessageListener is an optional application-server facility Sluice does "
                + "not offer; set listeners on consumers.");
    }

    @Override
    public void run() {
        throw new UnsupportedOperationException("Session.run is an optional application-server facility.");
    }

    // ---- listener delivery ------------------------------------------------------------------------------

    /**
     * Starts the delivery thread the first time a consumer gets a listener; later, ends the delivery thread's
     * current long poll, which may be for another consumer (or for a listener just removed), so the change
     * applies now rather than when that poll times out.
     */
    void listenerChanged() {
        endCurrentPoll();
        synchronized (dispatchSignal) {
            if (dispatcher == null && !closed) {
                Thread t = new Thread(this::deliverLoop, "sluice-session-" + THREADS.incrementAndGet());
                t.setDaemon(true);
                dispatcher = t;
                t.start();
            }
            dispatchSignal.notifyAll();
        }
    }

    /** Ends the delivery thread's long poll (where the backend can), so it looks at the session's listeners again. */
    void endCurrentPoll() {
        listenerChanges.incrementAndGet();
        PollCancellation current = polling;
        if (current != null) {
            current.cancel();
        }
    }

    private void wakeDispatcher() {
        synchronized (dispatchSignal) {
            dispatchSignal.notifyAll();
        }
    }

    boolean onDeliveryThread() {
        return Thread.currentThread() == dispatcher;
    }

    /** This thread runs one of the session's listeners: its delivery thread, or a container's (deliverTo). */
    boolean runsListenerOnThisThread() {
        return onDeliveryThread() || listenerRunning.isHeldByCurrentThread();
    }

    boolean onCompletionThread() {
        return Thread.currentThread() == completionThread;
    }

    /**
     * The delivery thread: polls the consumers that have listeners (long polling when there is only one)
     * and calls their listeners one at a time, as long as the connection is started.
     */
    private void deliverLoop() {
        int next = 0;
        int failures = 0;
        while (!isClosed()) {
            try {
                if (!connection.awaitStarted(TimeUnit.SECONDS.toNanos(1))) {
                    continue;
                }
                int changes = listenerChanges.get();
                List<SluiceMessageConsumer> listening = consumers.stream().filter(SluiceMessageConsumer::hasListener)
                        .toList();
                if (listening.isEmpty()) {
                    synchronized (dispatchSignal) {
                        if (!closed && consumers.stream().noneMatch(SluiceMessageConsumer::hasListener)) {
                            dispatchSignal.wait(1000);
                        }
                    }
                    continue;
                }
                SluiceMessageConsumer c = listening.get(next++ % listening.size());
                long wait = listening.size() == 1 ? connection.settings().waitTimeSeconds() * 1000L : 100;
                PollCancellation cancellation = new PollCancellation();
                polling = cancellation;
                if (listenerChanges.get() != changes) {
                    continue; // a listener changed before this poll could be cancelled: look again
                }
                c.deliverOne(wait, listenerRunning, cancellation);
            } catch (InterruptedException e) {
                if (closed) {
                    return;
                }
                Thread.interrupted();
                failures = 0;
            } catch (JMSException e) {
                if (!closed) {
                    connection.report(e);
                    failures = pauseAfterFailure(++failures);
                }
            } catch (RuntimeException e) {
                if (!closed) {
                    JMSException j = new JMSException("Message delivery failed: " + e);
                    j.setLinkedException(e);
                    connection.report(j);
                    failures = pauseAfterFailure(++failures);
                }
            }
        }
    }

    ReentrantLock listenerLock() {
        return listenerRunning;
    }

    /**
     * After a failed poll (an unreachable SQS endpoint, say) the loop waits before trying again, doubling from
     * 100 ms to 5 s, so an outage is reported a few times a second at most, not in a tight loop; the first
     * successful poll resets it. Answers the failure count.
     */
    private int pauseAfterFailure(int failures) {
        long millis = Math.min(5_000, 100L << Math.min(6, failures - 1));
        synchronized (dispatchSignal) {
            try {
                if (!closed) {
                    dispatchSignal.wait(millis);
                }
            } catch (InterruptedException e) {
                // closing: the loop checks
            }
        }
        return failures;
    }

    /** Returns once no listener of this session is running (unless called from one). */
    void awaitListenersIdle() {
        if (onDeliveryThread()) {
            return;
        }
        listenerRunning.lock();
        listenerRunning.unlock();
    }

    // ---- closing ------------------------------------------------------------------------------------

    /** The first step of the connection's close: no new delivery begins in this session from now on. */
    void beginClosing() {
        closing = true;
        wakeDispatcher();
    }

    @Override
    public void close() throws JMSException {
        if (closeOnce.isFinished() || containerManaged) {
            // a container-managed session lives on until its transaction is settled (closeByContainer)
            return;
        }
        if (runsListenerOnThisThread()) {
            // the close would wait for the listener, that is for this very thread
            throw new IllegalStateException("A MessageListener must not close its own session.");
        }
        if (onCompletionThread()) {
            throw new IllegalStateException("A CompletionListener must not close its own session.");
        }
        closeOnce.run(this::closeNow);
    }

    private void closeNow() throws JMSException {
        closing = true; // no new delivery begins
        Thread d = dispatcher;
        // wait for a running listener first, which may use this session until it returns (the spec keeps
        // its facilities available); the interrupt is only for a delivery thread's long poll, and must not cut
        // short the application's onMessage
        listenerRunning.lock();
        closed = true;
        if (d != null) {
            d.interrupt();
            wakeDispatcher();
        }
        try {
            for (SluiceMessageConsumer c : consumers) {
                c.closeQuietly();
            }
            for (SluiceQueueBrowser b : browsers) {
                b.close();
            }
            producers.clear();
            completions.shutdown();
            completions.awaitTermination(30, TimeUnit.SECONDS);
            acknowledger.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            listenerRunning.unlock();
            connection.removed(this);
        }
        if (d != null) {
            try {
                d.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
