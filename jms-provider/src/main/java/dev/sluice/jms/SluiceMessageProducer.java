package dev.sluice.jms;

import dev.sluice.jms.ack.TransactedAcknowledger;
import dev.sluice.jms.backend.Capability;
import dev.sluice.jms.backend.OutgoingMessage;
import dev.sluice.jms.backend.Publication;
import dev.sluice.jms.backend.QueueInfo;
import dev.sluice.jms.backend.SendReceipt;
import dev.sluice.jms.backend.Transaction;
import dev.sluice.jms.message.MessageCodec;
import dev.sluice.jms.message.PropertyNames;
import dev.sluice.jms.message.SluiceMessage;
import jakarta.jms.BytesMessage;
import jakarta.jms.CompletionListener;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import jakarta.jms.Queue;
import jakarta.jms.QueueSender;
import jakarta.jms.Topic;
import jakarta.jms.TopicPublisher;

import java.util.UUID;

/**
 * Sends to SQS queues. Delivery delay becomes DelaySeconds (at most SQS's 900 s), JMSXGroupID the FIFO
 * message group, and a persistent send returns once the message is durable.
 */
public final class SluiceMessageProducer implements QueueSender, TopicPublisher {

    static final long MAX_DELIVERY_DELAY_MILLIS = 900_000;
    private static final System.Logger LOG = System.getLogger(SluiceMessageProducer.class.getName());

    /**
     * What a send takes from its producer, read when send is called: an async send runs later, and must not see
     * settings changed after the call (a JMSProducer passes its own, so it never changes this producer's).
     */
    record SendSettings(int mode, int priority, long timeToLive, long deliveryDelay, boolean disableMessageId,
                        boolean disableMessageTimestamp) {
    }

    private final SluiceSession session;
    private final Destination destination;
    private int deliveryMode = DeliveryMode.PERSISTENT;
    private int priority = Message.DEFAULT_PRIORITY;
    private long timeToLive = Message.DEFAULT_TIME_TO_LIVE;
    private long deliveryDelay = Message.DEFAULT_DELIVERY_DELAY;
    private boolean disableMessageId;
    private boolean disableMessageTimestamp;
    private volatile boolean closed;

    SluiceMessageProducer(SluiceSession session, Destination destination) {
        this.session = session;
        this.destination = destination;
    }

    private void checkOpen() throws IllegalStateException {
        if (closed) {
            throw new IllegalStateException("The producer is closed.");
        }
        session.checkOpen();
    }

    // ---- settings -----------------------------------------------------------------------------------

    @Override
    public void setDisableMessageID(boolean value) throws JMSException {
        checkOpen();
        disableMessageId = value;
    }

    @Override
    public boolean getDisableMessageID() throws JMSException {
        checkOpen();
        return disableMessageId;
    }

    @Override
    public void setDisableMessageTimestamp(boolean value) throws JMSException {
        checkOpen();
        disableMessageTimestamp = value;
    }

    @Override
    public boolean getDisableMessageTimestamp() throws JMSException {
        checkOpen();
        return disableMessageTimestamp;
    }

    @Override
    public void setDeliveryMode(int mode) throws JMSException {
        checkOpen();
        this.deliveryMode = checkDeliveryMode(mode);
    }

    @Override
    public int getDeliveryMode() throws JMSException {
        checkOpen();
        return deliveryMode;
    }

    @Override
    public void setPriority(int value) throws JMSException {
        checkOpen();
        this.priority = checkPriority(value);
    }

    @Override
    public int getPriority() throws JMSException {
        checkOpen();
        return priority;
    }

    @Override
    public void setTimeToLive(long value) throws JMSException {
        checkOpen();
        this.timeToLive = value;
    }

    @Override
    public long getTimeToLive() throws JMSException {
        checkOpen();
        return timeToLive;
    }

    @Override
    public void setDeliveryDelay(long value) throws JMSException {
        checkOpen();
        this.deliveryDelay = checkDelay(value);
    }

    @Override
    public long getDeliveryDelay() throws JMSException {
        checkOpen();
        return deliveryDelay;
    }

    @Override
    public Destination getDestination() throws JMSException {
        checkOpen();
        return destination;
    }

    @Override
    public Queue getQueue() throws JMSException {
        Destination d = getDestination();
        if (d instanceof Topic) {
            throw new IllegalStateException("This producer publishes to " + d + ", not to a queue.");
        }
        return (Queue) d;
    }

    @Override
    public Topic getTopic() throws JMSException {
        Destination d = getDestination();
        if (d != null && !(d instanceof Topic)) {
            throw new IllegalStateException("This producer sends to " + d + ", not to a topic.");
        }
        return (Topic) d;
    }

    static int checkDeliveryMode(int mode) throws JMSException {
        if (mode != DeliveryMode.PERSISTENT && mode != DeliveryMode.NON_PERSISTENT) {
            throw new JMSException("Invalid delivery mode " + mode + ": use DeliveryMode.PERSISTENT or NON_PERSISTENT");
        }
        return mode;
    }

    static int checkPriority(int value) throws JMSException {
        if (value < 0 || value > 9) {
            throw new JMSException("Invalid priority " + value + ": JMS priorities are 0 to 9");
        }
        return value;
    }

    static long checkDelay(long millis) throws JMSException {
        if (millis < 0 || millis > MAX_DELIVERY_DELAY_MILLIS) {
            throw new JMSException("Invalid delivery delay " + millis + " ms: SQS delays a message by 0 to 900 s "
                    + "(900,000 ms)");
        }
        return millis;
    }

    // ---- sending ------------------------------------------------------------------------------------

    private SendSettings settings(int mode, int prio, long ttl) {
        return new SendSettings(mode, prio, ttl, deliveryDelay, disableMessageId, disableMessageTimestamp);
    }

    private void requireOwnDestination() {
        if (destination == null) {
            throw new UnsupportedOperationException("This producer has no destination: name one in send().");
        }
    }

    private void requireNamedDestination(Destination to) throws InvalidDestinationException {
        if (destination != null) {
            throw new UnsupportedOperationException("This producer sends to " + destination
                    + "; use a producer without a destination to name one per send.");
        }
        if (to == null) {
            throw new InvalidDestinationException("A send needs a destination.");
        }
    }

    @Override
    public void send(Message message) throws JMSException {
        send(message, deliveryMode, priority, timeToLive);
    }

    @Override
    public void send(Message message, int mode, int prio, long ttl) throws JMSException {
        checkOpen();
        requireOwnDestination();
        doSend(destination, message, settings(mode, prio, ttl));
    }

    @Override
    public void send(Destination to, Message message) throws JMSException {
        send(to, message, deliveryMode, priority, timeToLive);
    }

    @Override
    public void send(Destination to, Message message, int mode, int prio, long ttl) throws JMSException {
        checkOpen();
        requireNamedDestination(to);
        doSend(to, message, settings(mode, prio, ttl));
    }

    @Override
    public void send(Message message, CompletionListener completionListener) throws JMSException {
        send(message, deliveryMode, priority, timeToLive, completionListener);
    }

    @Override
    public void send(Message message, int mode, int prio, long ttl, CompletionListener completionListener)
            throws JMSException {
        checkOpen();
        requireOwnDestination();
        sendAsync(destination, message, settings(mode, prio, ttl), completionListener);
    }

    @Override
    public void send(Destination to, Message message, CompletionListener completionListener) throws JMSException {
        send(to, message, deliveryMode, priority, timeToLive, completionListener);
    }

    @Override
    public void send(Destination to, Message message, int mode, int prio, long ttl,
                     CompletionListener completionListener) throws JMSException {
        checkOpen();
        requireNamedDestination(to);
        sendAsync(to, message, settings(mode, prio, ttl), completionListener);
    }

    /** The JMSProducer's send: with its settings, and asynchronous when it has a listener. */
    void send(Destination to, Message message, SendSettings settings, CompletionListener listener)
            throws JMSException {
        checkOpen();
        requireNamedDestination(to);
        if (listener == null) {
            doSend(to, message, settings);
        } else {
            sendAsync(to, message, settings, listener);
        }
    }

    /** Completion listeners of one session are called in send order, on the session's completion thread. */
    private void sendAsync(Destination to, Message message, SendSettings settings, CompletionListener listener)
            throws JMSException {
        if (listener == null) {
            throw new IllegalArgumentException("A CompletionListener must not be null.");
        }
        checkDeliveryMode(settings.mode());
        checkPriority(settings.priority());
        session.runAsyncSend(() -> complete(to, message, settings, listener));
    }

    /** Runs on the completion thread: onException reports a failed send only, never a failing onCompletion. */
    private void complete(Destination to, Message message, SendSettings settings, CompletionListener listener) {
        Exception failure = null;
        try {
            doSend(to, message, settings);
        } catch (Exception e) {
            failure = e;
        }
        // the BytesMessage javadoc: the listener gets a sent BytesMessage reset, so it can read the body
        if (message instanceof BytesMessage bytes) {
            try {
                bytes.reset();
            } catch (JMSException | RuntimeException e) {
                // a foreign message that cannot reset: the listener is still told of the send
            }
        }
        try {
            if (failure == null) {
                listener.onCompletion(message);
            } else {
                listener.onException(message, failure);
            }
        } catch (RuntimeException e) {
            // the application's own failure: keep the completion thread, and the sends after this one, going
            LOG.log(System.Logger.Level.WARNING, "A CompletionListener threw", e);
        }
    }

    private void doSend(Destination to, Message message, SendSettings settings) throws JMSException {
        int mode = settings.mode();
        int prio = settings.priority();
        if (message == null) {
            throw new MessageFormatException("A null message cannot be sent.");
        }
        checkDeliveryMode(mode);
        checkPriority(prio);
        if (prio != Message.DEFAULT_PRIORITY && !session.connection().settings().ignorePriority()) {
            // accepting it would promise an order the backend cannot keep: say so (ignorePriority=true opts out)
            session.connection().requireCapability(Capability.PRIORITY);
        }
        if (to instanceof Topic topic) {
            doPublish(topic, message, settings);
            return;
        }
        QueueInfo queue = session.connection().queueInfo(to);
        stampHeaders(message, to, settings, null);
        SluiceMessage m = message instanceof SluiceMessage own ? own : SluiceMessage.copyOf(message);
        OutgoingMessage encoded = MessageCodec.encode(m);
        int delaySeconds = (int) ((settings.deliveryDelay() + 999) / 1000);
        if (queue.fifo() && delaySeconds > 0) {
            throw new JMSException("FIFO queue " + queue.name() + " cannot delay single messages (an SQS rule); "
                    + "set DelaySeconds on the queue instead of a delivery delay.");
        }
        // a standard queue takes a MessageGroupId too (it orders nothing there), so JMSXGroupID reaches the receiver
        String group = queue.fifo() && encoded.groupId() == null ? PropertyNames.UNGROUPED : encoded.groupId();
        String dedup = deduplicationIdFor(queue.fifo(), encoded);
        if (queue.fifo() && dedup == null && !queue.contentBasedDeduplication()) {
            // JMS sends are distinct messages even with equal bodies: de-duplicate only when asked to
            dedup = PropertyNames.GENERATED_DEDUPLICATION_ID + UUID.randomUUID();
        }
        if (session.acknowledger() instanceof TransactedAcknowledger tx) {
            // the id is chosen now, so JMSMessageID is set when send returns, as the spec requires
            String id = session.connection().backend().newMessageId();
            OutgoingMessage out = new OutgoingMessage(encoded.body(), encoded.attributes(), delaySeconds, group, dedup,
                    prio, id);
            // a backend that cannot store a message under a chosen id (SQS) names its own at commit: then the
            // message gets that one, the id the receiver sees
            tx.send(new Transaction.Send(queue.name(), out), receipt -> assignId(message, m, receipt, settings));
            assignId(message, m, new SendReceipt(id, null), settings);
        } else {
            OutgoingMessage out = new OutgoingMessage(encoded.body(), encoded.attributes(), delaySeconds, group, dedup,
                    prio);
            assignId(message, m, session.connection().backend().send(queue.name(), out), settings);
        }
    }

    /**
     * A publish: the message id is chosen here and travels with the message (each subscription queue holds a copy
     * under its own SQS MessageId), so every subscriber sees the JMSMessageID the publisher saw.
     */
    private void doPublish(Topic topic, Message message, SendSettings settings) throws JMSException {
        String topicName = TopicSubscriptions.topicName(topic);
        session.connection().requireCapability(Capability.TOPICS);
        String id = session.connection().backend().newMessageId();
        stampHeaders(message, topic, settings, "ID:" + id);
        SluiceMessage m = message instanceof SluiceMessage own ? own : SluiceMessage.copyOf(message);
        OutgoingMessage encoded = MessageCodec.encode(m);
        int delaySeconds = (int) ((settings.deliveryDelay() + 999) / 1000);
        OutgoingMessage out = new OutgoingMessage(encoded.body(), encoded.attributes(), delaySeconds, encoded.groupId(),
                null, settings.priority(), id); // a topic's subscription queues are standard: no de-duplication id
        Publication from = session.connection().publication();
        if (session.acknowledger() instanceof TransactedAcknowledger tx) {
            tx.send(new Transaction.Send(topicName, out, from), receipt -> { });
        } else {
            session.connection().backend().publish(topicName, out, from);
        }
        assignId(message, m, new SendReceipt(id, null), settings);
    }

    /**
     * JMS_SQS_DeduplicationId is the MessageDeduplicationId of a FIFO queue only. A standard queue (and a topic,
     * whose subscription queues are standard) de-duplicates nothing and SQS refuses the parameter there, so the id
     * stays behind: a message received from a FIFO queue, which carries its id, can be sent on to any destination.
     * An id Sluice made up is never reused.
     */
    private static String deduplicationIdFor(boolean fifo, OutgoingMessage encoded) {
        String id = encoded.deduplicationId();
        // an id Sluice made up for an earlier send (a received message sent again): this send is a new message
        boolean madeUp = id != null && id.startsWith(PropertyNames.GENERATED_DEDUPLICATION_ID);
        return fifo && !madeUp ? id : null;
    }

    /** Sets the headers a send sets; {@code messageId} is null unless chosen before the send (a publish). */
    private void stampHeaders(Message message, Destination to, SendSettings settings, String messageId)
            throws JMSException {
        long now = System.currentTimeMillis();
        message.setJMSDestination(to);
        message.setJMSDeliveryMode(settings.mode());
        message.setJMSPriority(settings.priority());
        message.setJMSExpiration(expiration(now, settings.timeToLive()));
        message.setJMSTimestamp(settings.disableMessageTimestamp() ? 0 : now);
        message.setJMSDeliveryTime(now + settings.deliveryDelay());
        message.setJMSMessageID(messageId);
    }

    /**
     * JMSExpiration: 0 (never) without a time-to-live, else send time plus time-to-live. A time-to-live too long to
     * add (Long.MAX_VALUE, "forever") saturates: wrapped around it would lie in the past and the message be dropped.
     */
    static long expiration(long now, long timeToLive) {
        if (timeToLive <= 0) {
            return 0;
        }
        long expiration = now + timeToLive;
        return expiration < now ? Long.MAX_VALUE : expiration;
    }

    private void assignId(Message original, SluiceMessage sent, SendReceipt receipt, SendSettings settings) {
        try {
            String id = settings.disableMessageId() ? null : "ID:" + receipt.messageId();
            original.setJMSMessageID(id);
            if (sent != original) {
                sent.setJMSMessageID(id);
            }
        } catch (JMSException e) {
            // a foreign message refused the header: the send itself succeeded, so nothing is lost
        }
    }

    @Override
    public void send(Queue queue, Message message) throws JMSException {
        send((Destination) queue, message);
    }

    @Override
    public void send(Queue queue, Message message, int mode, int prio, long ttl) throws JMSException {
        send((Destination) queue, message, mode, prio, ttl);
    }

    @Override
    public void publish(Message message) throws JMSException {
        send(message);
    }

    @Override
    public void publish(Message message, int mode, int prio, long ttl) throws JMSException {
        send(message, mode, prio, ttl);
    }

    @Override
    public void publish(Topic topic, Message message) throws JMSException {
        send(topic, message);
    }

    @Override
    public void publish(Topic topic, Message message, int mode, int prio, long ttl) throws JMSException {
        send(topic, message, mode, prio, ttl);
    }

    @Override
    public void close() throws JMSException {
        if (session.onCompletionThread()) {
            throw new IllegalStateException("A CompletionListener must not close its own producer.");
        }
        // the spec: close returns once incomplete async sends are done and their listeners have returned
        session.awaitAsyncSends();
        closed = true;
        session.removed(this);
    }
}
