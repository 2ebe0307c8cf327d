package dev.sluice.ra.inflow;

import dev.sluice.jms.SluiceConnection;
import dev.sluice.jms.SluiceMessageConsumer;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.Session;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.Work;

import java.lang.reflect.Method;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One of an activation's {@code maxSession} sessions, running as a Work of the server's WorkManager: it
 * long-polls the queue and hands each message to a fresh MDB endpoint on its own thread, so a FIFO group's
 * messages (one in flight at a time) keep their order while other groups go to the other sessions.
 *
 * <p>Each message is deleted only when its delivery succeeded — for a transacted MDB, only when the
 * container's transaction committed. A bean that throws, or a transaction that rolls back, releases the
 * message with the redelivery back-off; every receive counts toward the queue's maxReceiveCount, after which
 * the message is in the dead-letter queue. While the bean works, the message's visibility is extended.
 */
final class SessionPoller implements Work {

    private static final System.Logger LOG = System.getLogger(SessionPoller.class.getName());
    private static final Method ON_MESSAGE;

    static {
        try {
            ON_MESSAGE = MessageListener.class.getMethod("onMessage", Message.class);
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final SluiceConnection connection;
    private final InflowSource source;
    private final String selector;
    private final int sessionMode;
    private final long waitMillis;
    private final MessageEndpointFactory endpoints;
    private final boolean transacted;
    private final CountDownLatch finished = new CountDownLatch(1);
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition stopSignal = lock.newCondition();
    private volatile boolean stopped;
    private volatile boolean started;
    private volatile SluiceMessageConsumer consumer;

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

    @Override
    public void run() {
        started = true;
        if (stopped) {
            finished.countDown();
            return;
        }
        try (Session session = connection.createSession(sessionMode)) {
            consumer = (SluiceMessageConsumer) source.open(session, selector);
            while (!stopped) {
                try {
                    consumer.deliverTo(this::deliver, waitMillis);
                } catch (JMSException e) {
                    if (!stopped) {
                        LOG.log(System.Logger.Level.WARNING, "Polling " + source + " for an MDB failed; retrying in 1 s: "
                                + e.getMessage());
                        pause(1_000);
                    }
                }
            }
        } catch (JMSException | RuntimeException e) {
            if (!stopped) {
                LOG.log(System.Logger.Level.ERROR, "An MDB session on " + source + " ended: " + e, e);
            }
        } finally {
            finished.countDown();
        }
    }

    /** Runs one delivery; throwing makes the consumer release the message instead of deleting it. */
    private void deliver(Message message) {
        DeliveryOutcome outcome = transacted ? new DeliveryOutcome() : null;
        MessageEndpoint endpoint;
        try {
            endpoint = endpoints.createEndpoint(outcome);
        } catch (ResourceException e) {
            throw new DeliveryFailed("no MDB instance is available: " + e.getMessage(), e);
        }
        try {
            if (transacted) {
                endpoint.beforeDelivery(ON_MESSAGE);
            }
            RuntimeException failure = null;
            try {
                ((MessageListener) endpoint).onMessage(message);
            } catch (RuntimeException e) {
                failure = e;
            }
            if (transacted) {
                endpoint.afterDelivery();
            }
            if (failure != null) {
                throw new DeliveryFailed("the MDB threw " + failure, failure);
            }
            if (transacted && !outcome.committed()) {
                throw new DeliveryFailed("the MDB's transaction rolled back", null);
            }
        } catch (NoSuchMethodException | ResourceException e) {
            throw new DeliveryFailed("the container could not deliver: " + e.getMessage(), e);
        } finally {
            endpoint.release();
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
