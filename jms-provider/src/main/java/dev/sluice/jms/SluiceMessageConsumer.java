package dev.sluice.jms;

import dev.sluice.jms.ack.Delivered;
import dev.sluice.jms.ack.Releaser;
import dev.sluice.jms.backend.IncomingMessage;
import dev.sluice.jms.backend.MessagePredicate;
import dev.sluice.jms.backend.PollCancellation;
import dev.sluice.jms.backend.QueueBackend;
import dev.sluice.jms.backend.QueueInfo;
import dev.sluice.jms.message.MessageCodec;
import dev.sluice.jms.message.SelectorPredicate;
import dev.sluice.jms.message.SluiceMessage;
import jakarta.jms.Destination;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.Queue;
import jakarta.jms.QueueReceiver;
import jakarta.jms.Topic;
import jakarta.jms.TopicSubscriber;

import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Receives from one queue, synchronously or through a MessageListener. Each message is received with the
 * visibility timeout (the factory's setting or the queue's own), which is the window to acknowledge it.
 * A topic subscriber receives from its subscription's queue, and leaves the subscription when it closes.
 */
public final class SluiceMessageConsumer implements QueueReceiver, TopicSubscriber {

    private final SluiceSession session;
    private final Destination destination;
    private final QueueInfo queue;
    private final String selectorText;
    private final MessagePredicate filter;
    private volatile Integer visibilityTimeout;
    private volatile MessageListener listener;
    private final boolean noLocal;
    /** Set for a topic subscriber: its subscription is left once, however the consumer closes. */
    private final AtomicBoolean subscribed;
    private volatile boolean closed;
    private volatile Thread receiving;
    /**
     * A message the engine gave this consumer after its connection was stopped (a poll was already waiting):
     * the spec lets no message reach the application until start(), so it waits here, invisible to others,
     * and is the next one delivered. Keeping it rather than giving it back leaves its delivery count alone.
     */
    private final AtomicReference<Received> held = new AtomicReference<>();

    SluiceMessageConsumer(SluiceSession session, Destination destination, QueueInfo queue, String selector)
            throws JMSException {
        this(session, destination, queue, selector, SelectorPredicate.of(selector), false, false);
    }

    /**
     * A consumer of a topic subscription whose queue is {@code queue}: the engine applied the selector when it
     * fanned the messages out, so receives take every message of the queue.
     */
    static SluiceMessageConsumer ofSubscription(SluiceSession session, Topic topic, QueueInfo queue, String selector,
                                                boolean noLocal) throws JMSException {
        return new SluiceMessageConsumer(session, topic, queue, selector, null, noLocal, true);
    }

    private SluiceMessageConsumer(SluiceSession session, Destination destination, QueueInfo queue, String selector,
                                  MessagePredicate filter, boolean noLocal, boolean subscription) {
        this.session = session;
        this.destination = destination;
        this.queue = queue;
        this.selectorText = SelectorPredicate.reported(selector);
        this.filter = filter;
        this.noLocal = noLocal;
        this.subscribed = subscription ? new AtomicBoolean(true) : null;
        Integer configured = session.connection().settings().visibilityTimeout();
        this.visibilityTimeout = configured;
    }

    Destination destination() {
        return destination;
    }

    /** The visibility timeout this consumer receives with: its own, the factory's, or the queue's. */
    public int getVisibilityTimeout() {
        Integer v = visibilityTimeout;
        return v != null ? v : queue.visibilityTimeoutSeconds();
    }

    /** Sluice extension: the window to acknowledge a message received by this consumer, in seconds. */
    public void setVisibilityTimeout(int seconds) {
        if (seconds < 0 || seconds > 43_200) {
            throw new IllegalArgumentException("A visibility timeout is 0 to 43200 seconds, not " + seconds);
        }
        this.visibilityTimeout = seconds;
    }

    @Override
    public String getMessageSelector() throws JMSException {
        checkOpen();
        return selectorText;
    }

    @Override
    public Queue getQueue() throws JMSException {
        checkOpen();
        if (!(destination instanceof Queue q)) {
            throw new IllegalStateException("This consumer subscribes to " + destination + ", not to a queue.");
        }
        return q;
    }

    @Override
    public Topic getTopic() throws JMSException {
        checkOpen();
        if (!(destination instanceof Topic t)) {
            throw new IllegalStateException("This consumer receives from " + destination + ", not from a topic.");
        }
        return t;
    }

    @Override
    public boolean getNoLocal() throws JMSException {
        checkOpen();
        return noLocal;
    }

    @Override
    public MessageListener getMessageListener() throws JMSException {
        checkOpen();
        return listener;
    }

    @Override
    public void setMessageListener(MessageListener listener) throws JMSException {
        checkOpen();
        if (session.inContainer()) {
            throw new IllegalStateException("setMessageListener is not allowed in a Jakarta EE web or EJB container: "
                    + "use a message-driven bean.");
        }
        this.listener = listener;
        session.listenerChanged();
    }

    boolean isClosed() {
        return closed;
    }

    boolean hasListener() {
        return listener != null && !closed;
    }

    private void checkOpen() throws IllegalStateException {
        if (closed) {
            throw new IllegalStateException("The consumer is closed.");
        }
        session.checkOpen();
    }

    // ---- synchronous receive -----------------------------------------------------------------------

    @Override
    public Message receive() throws JMSException {
        return receive(0);
    }

    @Override
    public Message receiveNoWait() throws JMSException {
        return receiveWithin(-1, null);
    }

    @Override
    public Message receive(long timeout) throws JMSException {
        return receiveWithin(timeout <= 0 ? Long.MAX_VALUE : timeout, null);
    }

    /** For JMSConsumer.receiveBody: {@code timeout} as receive(long) takes it, negative for no wait. */
    Message receiveForBody(Class<?> type, long timeout) throws JMSException {
        return receiveWithin(timeout < 0 ? -1 : timeout == 0 ? Long.MAX_VALUE : timeout, type);
    }

    /**
     * @param timeout  milliseconds; Long.MAX_VALUE for no limit, negative for no wait
     * @param bodyType receiveBody's type, or null
     */
    private Message receiveWithin(long timeout, Class<?> bodyType) throws JMSException {
        checkOpen();
        if (listener != null) {
            throw new IllegalStateException("This consumer has a MessageListener; it cannot receive synchronously.");
        }
        long deadline = timeout < 0 ? System.nanoTime()
                : timeout == Long.MAX_VALUE ? Long.MAX_VALUE : System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeout);
        receiving = Thread.currentThread();
        try {
            while (!closed && !session.isClosed()) {
                long remaining = deadline == Long.MAX_VALUE ? Long.MAX_VALUE : deadline - System.nanoTime();
                if (!session.connection().awaitStarted(Math.max(0, remaining))) {
                    return null;
                }
                remaining = deadline == Long.MAX_VALUE ? Long.MAX_VALUE : deadline - System.nanoTime();
                long waitMillis = Math.min(20_000, Math.max(0, TimeUnit.NANOSECONDS.toMillis(remaining)));
                Received r = takeHeldOrPoll(waitMillis);
                if (r != null) {
                    if (!session.connection().mayHandOver()) {
                        hold(r);
                        continue;
                    }
                    try {
                        refuseUnassignableBody(r, bodyType);
                        session.handOver(r.message, r.delivered, false);
                    } finally {
                        session.connection().handedOver();
                    }
                    return r.message;
                }
                if (deadline != Long.MAX_VALUE && System.nanoTime() - deadline >= 0) {
                    return null;
                }
            }
            return null;
        } catch (InterruptedException e) {
            return null; // closed while waiting
        } finally {
            receiving = null;
            Thread.interrupted(); // close() may have interrupted a wait that had already ended
        }
    }

    private record Received(SluiceMessage message, Delivered delivered) {
    }

    private Received takeHeldOrPoll(long waitMillis) throws JMSException {
        return takeHeldOrPoll(waitMillis, null);
    }

    private Received takeHeldOrPoll(long waitMillis, PollCancellation cancellation) throws JMSException {
        Received r = held.getAndSet(null);
        if (r != null && !dropIfExpired(r) && renewVisibility(r)) {
            return r;
        }
        return poll(waitMillis, cancellation);
    }

    /**
     * A held message goes out with a whole visibility timeout again, as a fresh one would: the time it waited
     * must not shorten the window to acknowledge it. False if its visibility already ended (it is back in the
     * queue, perhaps with another consumer) or cannot be renewed now; it then reappears when that window ends.
     */
    private boolean renewVisibility(Received r) {
        try {
            session.connection().backend().changeVisibility(queue.name(), r.delivered.receiptHandle(),
                    getVisibilityTimeout());
            return true;
        } catch (JMSException e) {
            return false;
        }
    }

    /** The spec: an expired message is not delivered. It is deleted, as SQS's retention would at its end. */
    private boolean dropIfExpired(Received r) throws JMSException {
        long expiration = r.message.getJMSExpiration();
        if (expiration == 0 || System.currentTimeMillis() <= expiration) {
            return false;
        }
        try {
            session.releaser().delete(List.of(r.delivered));
        } catch (JMSException e) {
            // a held message whose visibility ended may be someone else's now: that receiver drops it in turn
            if (!Releaser.noLongerHeld(e)) {
                throw e;
            }
        }
        return true;
    }

    /** Keeps a message received while the connection was stopped until it starts (or this consumer closes). */
    private void hold(Received r) {
        held.set(r);
        if (closed) {
            releaseHeld();
        }
    }

    /** Gives a held message back to the queue at once, for another consumer. */
    private void releaseHeld() {
        Received r = held.getAndSet(null);
        if (r == null) {
            return;
        }
        try {
            session.connection().backend().changeVisibility(queue.name(), r.delivered.receiptHandle(), 0);
        } catch (JMSException e) {
            // it reappears when its visibility timeout ends instead
            System.getLogger(SluiceMessageConsumer.class.getName()).log(System.Logger.Level.WARNING,
                    "Could not give back an undelivered message of queue " + queue.name()
                            + " on close; it returns after its visibility timeout: " + e.getMessage());
        }
    }

    /**
     * receiveBody of a body that is not of the type: in AUTO and DUPS_OK the spec has the message delivered
     * again, so it must not be acknowledged by the hand-over; it is released instead. (In CLIENT and
     * transacted sessions it counts as delivered, and getBody throws after the hand-over.)
     */
    private void refuseUnassignableBody(Received r, Class<?> bodyType) throws JMSException {
        if (bodyType == null || bodyReceivableAs(r.message, bodyType)) {
            return;
        }
        int mode = session.getAcknowledgeMode();
        if (mode == jakarta.jms.Session.AUTO_ACKNOWLEDGE || mode == jakarta.jms.Session.DUPS_OK_ACKNOWLEDGE) {
            session.releaser().release(r.delivered);
            throw new jakarta.jms.MessageFormatException("The body of message " + r.message.getJMSMessageID()
                    + " (" + r.message.getClass().getSimpleName() + ") cannot be assigned to " + bodyType.getName()
                    + "; it will be delivered again.");
        }
    }

    /**
     * JMSConsumer.receiveBody's rule: a Text, Bytes, Map or Object message that has a body assignable to the type;
     * anything else is refused with MessageFormatRuntimeException (a plain Message has no body to give).
     */
    static boolean bodyReceivableAs(SluiceMessage m, Class<?> type) throws JMSException {
        boolean supported = m instanceof jakarta.jms.TextMessage || m instanceof jakarta.jms.BytesMessage
                || m instanceof jakarta.jms.MapMessage || m instanceof jakarta.jms.ObjectMessage;
        return supported && m.hasBody() && m.isBodyAssignableTo(type);
    }

    /**
     * Receives at most one message, skipping (and deleting) any whose time to live has passed: the spec
     * says an expired message must not be delivered.
     */
    private Received poll(long waitMillis, PollCancellation cancellation) throws JMSException {
        while (true) {
            QueueBackend backend = session.connection().backend();
            List<IncomingMessage> got = cancellation == null
                    ? backend.receive(queue.name(), 1, waitMillis, visibilityTimeout, filter)
                    : backend.receive(queue.name(), 1, waitMillis, visibilityTimeout, filter, cancellation);
            if (got.isEmpty()) {
                return null;
            }
            IncomingMessage in = got.get(0);
            SluiceMessage m = MessageCodec.decode(in, this::replyTo, session.connection().objectPolicy());
            Received r = new Received(m, new Delivered(queue.name(), in.receiptHandle(), in.receiveCount()));
            if (dropIfExpired(r)) {
                waitMillis = 0;
                continue;
            }
            return r;
        }
    }

    private Destination replyTo(String name) {
        return destinationNamed(name);
    }

    /** A queue by name; Sluice's temporary queues come back as TemporaryQueue (owned by their creator). */
    static Destination destinationNamed(String name) {
        if (name == null) {
            return null;
        }
        return name.startsWith(SluiceTemporaryQueue.PREFIX) ? new SluiceTemporaryQueue(name, null) : new SluiceQueue(name);
    }

    // ---- listener delivery (called by the session's delivery thread) --------------------------------

    /**
     * Waits up to {@code waitMillis} for a message (a wait {@code cancellation} may end early) and runs this
     * consumer's listener on it. (A message the poll took as the listener was being replaced goes to the listener
     * the poll was for: setMessageListener's javadoc leaves that undefined.)
     */
    void deliverOne(long waitMillis, ReentrantLock listenerRunning, PollCancellation cancellation) throws JMSException {
        MessageListener l = listener;
        if (l == null || closed) {
            return;
        }
        Received r = takeHeldOrPoll(waitMillis, cancellation);
        if (r != null) {
            deliver(l, r, listenerRunning);
        }
    }

    /**
     * For a container that runs deliveries on its own threads (the resource adapter's MDB activations):
     * waits up to {@code waitMillis} for one message and runs {@code target} on the calling thread exactly as
     * this consumer's MessageListener would be run — visibility extended while it works, then acknowledged
     * by the session's mode if it returns, released for redelivery (with the redelivery back-off) if it throws.
     *
     * @return whether a message was delivered
     */
    public boolean deliverTo(MessageListener target, long waitMillis) throws JMSException {
        checkOpen();
        if (listener != null) {
            throw new IllegalStateException("This consumer has a MessageListener of its own.");
        }
        Received r;
        receiving = Thread.currentThread();
        try {
            if (!session.connection().awaitStarted(TimeUnit.MILLISECONDS.toNanos(waitMillis))) {
                return false;
            }
            r = takeHeldOrPoll(waitMillis);
        } catch (InterruptedException e) {
            return false; // closed while waiting
        } finally {
            receiving = null;
            Thread.interrupted(); // close() may have interrupted a wait that had already ended
        }
        return r != null && deliver(target, r, session.listenerLock());
    }

    private boolean deliver(MessageListener l, Received r, ReentrantLock listenerRunning) throws JMSException {
        listenerRunning.lock();
        try {
            if (closed || session.isClosed()) {
                // closed while the message was on its way: give it back at once
                session.connection().backend().changeVisibility(queue.name(), r.delivered.receiptHandle(), 0);
                return false;
            }
            if (!session.connection().isStarted()) {
                hold(r);
                return false;
            }
            session.releaser().hold(r.delivered);
            session.handOver(r.message, r.delivered, true);
            ScheduledFuture<?> extension = VisibilityExtender.start(session.connection().scheduler(),
                    session.connection().backend(), queue.name(), r.delivered.receiptHandle(), getVisibilityTimeout(),
                    () -> !session.releaser().settled(r.delivered));
            boolean ok = false;
            try {
                l.onMessage(r.message);
                ok = true;
            } catch (RuntimeException e) {
                ok = false;
            } finally {
                extension.cancel(false);
            }
            try {
                if (ok) {
                    session.acknowledger().listenerReturned(r.delivered);
                } else {
                    session.acknowledger().listenerThrew(r.delivered);
                }
            } finally {
                session.releaser().forget(r.delivered);
            }
            return true;
        } finally {
            listenerRunning.unlock();
        }
    }

    // ---- closing ------------------------------------------------------------------------------------

    @Override
    public void close() throws JMSException {
        if (session.onDeliveryThread() && listener != null) {
            // the spec allows a listener to close its own consumer: finish after it returns
            closed = true;
            releaseHeld();
            session.removed(this);
            leaveSubscription();
            return;
        }
        stopReceiving();
        if (listener != null) {
            // the delivery thread may be waiting on this queue for this consumer: a message it took now would only
            // be given back, with a receive counted that nobody saw
            session.endCurrentPoll();
        }
        if (listener != null && !session.onCompletionThread()) {
            // (not from the session's CompletionListener: the running listener may be waiting for that very
            // callback, as a commit waits for async sends; it then finishes after this close returns)
            // "blocks until a receive or message listener in progress has completed"
            ReentrantLock running = session.listenerLock();
            running.lock();
            running.unlock();
        }
        session.removed(this);
        leaveSubscription();
    }

    private void stopReceiving() {
        closed = true;
        Thread t = receiving;
        if (t != null) {
            t.interrupt();
        }
        releaseHeld();
    }

    /** The session closes its consumers: one that cannot leave its subscription must not stop the others. */
    void closeQuietly() {
        stopReceiving();
        try {
            leaveSubscription();
        } catch (JMSException e) {
            // the subscription stays counted as active until the engine restarts; say so rather than hide it
            System.getLogger(SluiceMessageConsumer.class.getName()).log(System.Logger.Level.WARNING,
                    "Could not leave the subscription of queue " + queue.name() + ": " + e.getMessage());
        }
    }

    private void leaveSubscription() throws JMSException {
        if (subscribed != null && subscribed.compareAndSet(true, false)) {
            session.connection().backend().releaseSubscription(queue.name());
        }
    }
}
