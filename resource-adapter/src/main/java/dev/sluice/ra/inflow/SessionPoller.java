package dev.sluice.ra.inflow;

import dev.sluice.jms.SluiceConnection;
import dev.sluice.jms.SluiceMessageConsumer;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.Session;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.HintsContext;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkContext;
import jakarta.resource.spi.work.WorkContextProvider;

import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One of an activation's {@code maxSession} sessions, running as a long-running Work of the server's
 * WorkManager: it long-polls the queue and hands each message to its MDB endpoint on its own thread, so a FIFO
 * group's messages (one in flight at a time) keep their order while other groups go to the other sessions.
 *
 * <p>Each message is deleted only when its delivery succeeded — for a transacted MDB, exactly when the
 * container's transaction committed (even if the bean threw an application exception that does not roll
 * back). A bean that throws, or a transaction that rolls back, releases the message with the redelivery
 * back-off; every receive counts toward the queue's maxReceiveCount, after which the message is in the
 * dead-letter queue. While the bean works, the message's visibility is extended. The endpoint is obtained
 * before a message is received, so an MDB pool that is not available costs no receive.
 */
final class SessionPoller implements Work, WorkContextProvider {

    private static final long serialVersionUID = 1L;
    private static final System.Logger LOG = System.getLogger(SessionPoller.class.getName());
    private static final long RETRY_MILLIS = 1_000;
    private static final Method ON_MESSAGE;

    static {
        try {
            ON_MESSAGE = MessageListener.class.getMethod("onMessage", Message.class);
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final transient SluiceConnection connection;
    private final transient InflowSource source;
    private final String selector;
    private final int sessionMode;
    private final long waitMillis;
    private final transient MessageEndpointFactory endpoints;
    private final boolean transacted;
    private final transient DeliveryOutcome outcome = new DeliveryOutcome();
    private final transient CountDownLatch finished = new CountDownLatch(1);
    private final transient ReentrantLock lock = new ReentrantLock();
    private final transient Condition stopSignal = lock.newCondition();
    private volatile boolean stopped;
    private volatile boolean started;
    private transient volatile SluiceMessageConsumer consumer;
    private transient MessageEndpoint endpoint;

    SessionPoller(SluiceConnection connection, InflowSource source, String selector, boolean dupsOk, long waitMillis,
                  MessageEndpointFactory endpoints) throws ResourceException {
        this.connection = connection;
        this.source = source;
        this.selector = selector;
        this.sessionMode = dupsOk ? Session.DUPS_OK_ACKNOWLEDGE : Session.AUTO_ACKNOWLEDGE;
        this.waitMillis = waitMillis;
        this.endpoints = endpoints;
        try {
            this.transacted = endpoints.isDeliveryTransacted(ON_MESSAGE);
        } catch (NoSuchMethodException e) {
            throw new ResourceException("The MDB has no onMessage(Message) method", e);
        }
    }

    /** A poller runs as long as its activation: the WorkManager should not take it from its short-task pool. */
    @Override
    public List<WorkContext> getWorkContexts() {
        HintsContext hints = new HintsContext();
        hints.setName("Sluice MDB session on " + source);
        hints.setHint(HintsContext.LONGRUNNING_HINT, Boolean.TRUE);
        return List.of(hints);
    }

    @Override
    public void run() {
        started = true;
        try {
            while (!stopped) {
                try (Session session = connection.createSession(sessionMode)) {
                    consumer = (SluiceMessageConsumer) source.open(session, selector);
                    pollUntilStopped();
                } catch (JMSException | RuntimeException e) {
                    if (!stopped) {
                        // the backend may be unreachable for a while (an SQS outage): start over, never give up
                        LOG.log(System.Logger.Level.WARNING, "An MDB session on " + source + " failed; starting it again in "
                                + RETRY_MILLIS + " ms: " + e);
                        pause(RETRY_MILLIS);
                    }
                } finally {
                    consumer = null;
                }
            }
        } finally {
            releaseEndpoint();
            finished.countDown();
        }
    }

    private void pollUntilStopped() {
        while (!stopped) {
            if (!endpointReady()) {
                pause(RETRY_MILLIS);
                continue;
            }
            try {
                consumer.deliverTo(this::deliver, waitMillis);
            } catch (JMSException e) {
                if (!stopped) {
                    LOG.log(System.Logger.Level.WARNING, "Polling " + source + " for an MDB failed; retrying in "
                            + RETRY_MILLIS + " ms: " + e.getMessage());
                    pause(RETRY_MILLIS);
                }
            }
        }
    }

    private boolean endpointReady() {
        if (endpoint != null) {
            return true;
        }
        try {
            endpoint = endpoints.createEndpoint(transacted ? outcome : null);
            return true;
        } catch (UnavailableException e) {
            LOG.log(System.Logger.Level.DEBUG, "No MDB instance for " + source + " yet: " + e.getMessage());
            return false;
        }
    }

    private void releaseEndpoint() {
        if (endpoint != null) {
            endpoint.release();
            endpoint = null;
        }
    }

    /** Runs one delivery; throwing makes the consumer release the message instead of deleting it. */
    private void deliver(Message message) {
        MessageEndpoint target = endpoint;
        outcome.reset();
        if (transacted) {
            try {
                target.beforeDelivery(ON_MESSAGE);
            } catch (NoSuchMethodException | ResourceException e) {
                releaseEndpoint();
                throw new DeliveryFailed("the container could not start the delivery: " + e.getMessage(), e);
            }
        }
        Throwable failure = null;
        try {
            ((MessageListener) target).onMessage(message);
        } catch (Throwable t) {
            failure = t;
        }
        if (transacted) {
            try {
                target.afterDelivery();
            } catch (ResourceException e) {
                releaseEndpoint();
                failure = failure == null ? e : failure;
            }
            if (!outcome.committed()) {
                throw new DeliveryFailed("the MDB's transaction rolled back" + (failure == null ? "" : ": " + failure), failure);
            }
            return;
        }
        if (failure != null) {
            throw new DeliveryFailed("the MDB threw " + failure, failure);
        }
    }

    private void pause(long millis) {
        lock.lock();
        try {
            if (!stopped) {
                stopSignal.await(millis, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    /** Stops polling; a delivery in progress finishes (see {@link #awaitFinished}). */
    @Override
    public void release() {
        stopped = true;
        lock.lock();
        try {
            stopSignal.signalAll();
        } finally {
            lock.unlock();
        }
        SluiceMessageConsumer c = consumer;
        if (c != null) {
            try {
                c.close();
            } catch (JMSException e) {
                LOG.log(System.Logger.Level.DEBUG, "Closing an MDB consumer: " + e.getMessage());
            }
        }
    }

    /** Whether the poller has finished; one the WorkManager never started has nothing to finish. */
    boolean awaitFinished(long timeout, TimeUnit unit) throws InterruptedException {
        return !started || finished.await(timeout, unit);
    }

    /** A delivery that did not succeed: the message goes back to the queue with the redelivery back-off. */
    static final class DeliveryFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DeliveryFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
