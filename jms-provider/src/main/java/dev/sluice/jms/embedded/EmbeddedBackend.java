package dev.sluice.jms.embedded;

import dev.sluice.engine.EngineOptions;
import dev.sluice.engine.SqsEngine;
import dev.sluice.engine.error.SqsError;
import dev.sluice.engine.error.SqsException;
import dev.sluice.engine.model.BatchEntry;
import dev.sluice.engine.model.BatchResult;
import dev.sluice.engine.model.MessageAttribute;
import dev.sluice.engine.model.MessageFilter;
import dev.sluice.engine.model.MessageIds;
import dev.sluice.engine.model.MessageView;
import dev.sluice.engine.model.ReceiveMessageRequest;
import dev.sluice.engine.model.ReceivedMessage;
import dev.sluice.engine.model.SendMessageRequest;
import dev.sluice.engine.model.SendMessageResult;
import dev.sluice.engine.queue.RedrivePolicy;
import dev.sluice.engine.queue.StoreFailure;
import dev.sluice.engine.queue.UnitOfWork;
import dev.sluice.engine.topic.Publisher;
import dev.sluice.engine.topic.SubscriptionException;
import dev.sluice.engine.topic.SubscriptionSpec;
import dev.sluice.jms.backend.Capability;
import dev.sluice.jms.backend.IncomingMessage;
import dev.sluice.jms.backend.InvalidQueue;
import dev.sluice.jms.backend.MessagePredicate;
import dev.sluice.jms.backend.OutgoingMessage;
import dev.sluice.jms.backend.PollCancellation;
import dev.sluice.jms.backend.Publication;
import dev.sluice.jms.backend.QueueBackend;
import dev.sluice.jms.backend.QueueInfo;
import dev.sluice.jms.backend.SendReceipt;
import dev.sluice.jms.backend.Subscription;
import dev.sluice.jms.backend.Transaction;
import dev.sluice.jms.backend.WireAttribute;
import dev.sluice.jms.message.SelectorPredicate;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidSelectorException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.TransactionRolledBackException;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The provider's queues in Sluice's own engine, in this JVM: every capability, atomic transactions, and
 * a send that returns once the store made it durable.
 */
public final class EmbeddedBackend implements QueueBackend {

    private static final List<String> ALL = List.of("All");

    private final EngineOptions options;
    private final SqsEngine engine;
    private boolean closed;

    public EmbeddedBackend(EngineOptions options) {
        this.options = options;
        this.engine = EngineRegistry.acquire(options);
        engine.useSelectorCompiler(EmbeddedBackend::compileSelector);
    }

    /** Subscription selectors are checked when the consumer is created, so one stored in the engine parses. */
    private static MessageFilter compileSelector(String selector) {
        try {
            MessagePredicate p = SelectorPredicate.of(selector);
            return p == null ? v -> true : toFilter(p);
        } catch (InvalidSelectorException e) {
            throw new java.lang.IllegalStateException("Stored subscription selector '" + selector
                    + "' does not parse: " + e.getMessage(), e);
        }
    }

    public SqsEngine engine() {
        return engine;
    }

    @Override
    public String describe() {
        return options.storage() == EngineOptions.Storage.MEMORY ? "the embedded engine (memory)"
                : "the embedded engine (durable, " + options.dataDir().toAbsolutePath() + ")";
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.allOf(Capability.class);
    }

    /** Time-ordered, like the ids the engine gives the messages it names itself. */
    @Override
    public String newMessageId() {
        return MessageIds.next();
    }

    @Override
    public long currentTimeMillis() {
        return options.clock().millis();
    }

    @Override
    public QueueInfo queue(String name) throws JMSException {
        Map<String, String> a = call(name, () -> engine.getQueueAttributes(name, ALL));
        String redriveJson = a.get("RedrivePolicy");
        RedrivePolicy redrive = redriveJson == null ? null : RedrivePolicy.fromJson(redriveJson);
        return new QueueInfo(name, "true".equals(a.get("FifoQueue")), "true".equals(a.get("ContentBasedDeduplication")),
                Integer.parseInt(a.get("VisibilityTimeout")),
                redrive == null ? null : redrive.deadLetterQueueName(), redrive == null ? 0 : redrive.maxReceiveCount());
    }

    @Override
    public void createQueue(String name, Map<String, String> attributes) throws JMSException {
        try {
            call(name, () -> engine.createQueue(name, attributes, Map.of()));
        } catch (MessageFormatException refused) {
            throw InvalidQueue.from(refused);
        }
    }

    @Override
    public void deleteQueue(String name) throws JMSException {
        call(name, () -> {
            engine.deleteQueue(name);
            return null;
        });
    }

    @Override
    public SendReceipt send(String queue, OutgoingMessage m) throws JMSException {
        SendMessageResult r = call(queue, () -> engine.sendMessage(request(queue, m)));
        return new SendReceipt(r.messageId(), r.sequenceNumber());
    }

    private static SendMessageRequest request(String queue, OutgoingMessage m) {
        return new SendMessageRequest(queue, m.body(), m.delaySecondsParameter(),
                toEngine(m.attributes()), null, m.groupId(), m.deduplicationId(), m.priority(), null, m.messageId());
    }

    @Override
    public List<IncomingMessage> receive(String queue, int max, long waitMillis, Integer visibilitySeconds,
                                         MessagePredicate filter) throws JMSException {
        ReceiveMessageRequest r = request(queue, max, waitMillis, visibilitySeconds, filter);
        return incoming(queue, call(queue, () -> engine.receiveMessage(r)));
    }

    @Override
    public List<IncomingMessage> receive(String queue, int max, long waitMillis, Integer visibilitySeconds,
                                         MessagePredicate filter, PollCancellation cancellation) throws JMSException {
        ReceiveMessageRequest r = request(queue, max, waitMillis, visibilitySeconds, filter);
        cancellation.onCancel(() -> wakeReceivers(queue));
        try {
            return incoming(queue, call(queue, () -> engine.receiveMessage(r, cancellation::cancelled)));
        } finally {
            cancellation.onCancel(null); // a later cancel must not wake the queue's other receivers for nothing
        }
    }

    private static ReceiveMessageRequest request(String queue, int max, long waitMillis, Integer visibilitySeconds,
                                                 MessagePredicate filter) {
        return new ReceiveMessageRequest(queue, max, visibilitySeconds, null, ALL, ALL, null,
                filter == null ? null : toFilter(filter), waitMillis);
    }

    private static List<IncomingMessage> incoming(String queue, List<ReceivedMessage> got) {
        List<IncomingMessage> out = new ArrayList<>(got.size());
        for (ReceivedMessage m : got) {
            Map<String, String> sys = m.attributes();
            out.add(new IncomingMessage(queue, m.messageId(), m.receiptHandle(), m.body(),
                    toWire(m.messageAttributes()), Integer.parseInt(sys.getOrDefault("ApproximateReceiveCount", "1")),
                    Long.parseLong(sys.getOrDefault("SentTimestamp", "0")), sys.get("MessageGroupId"),
                    sys.get("MessageDeduplicationId"), sys.get("SequenceNumber")));
        }
        return out;
    }

    private void wakeReceivers(String queue) {
        try {
            engine.wakeReceivers(queue);
        } catch (SqsException e) {
            // the queue is gone: its receivers end on their own with QueueDoesNotExist
        }
    }

    private static MessageFilter toFilter(MessagePredicate p) {
        return v -> p.test(toWire(v.attributes()), v.messageId(), v.priority(), v.sentTimestamp(), v.groupId(),
                v.deduplicationId(), v.sequenceNumber(), v.receiveCount());
    }

    @Override
    public void delete(String queue, List<String> receiptHandles) throws JMSException {
        delete(queue, receiptHandles, true);
    }

    @Override
    public void acknowledge(String queue, List<String> receiptHandles) throws JMSException {
        delete(queue, receiptHandles, false);
    }

    private void delete(String queue, List<String> receiptHandles, boolean durable) throws JMSException {
        for (int from = 0; from < receiptHandles.size(); from += 10) {
            List<BatchEntry<String>> entries = new ArrayList<>();
            List<String> chunk = receiptHandles.subList(from, Math.min(receiptHandles.size(), from + 10));
            for (int i = 0; i < chunk.size(); i++) {
                entries.add(new BatchEntry<>("m" + i, chunk.get(i)));
            }
            BatchResult<Void> r = call(queue, () -> durable ? engine.deleteMessageBatch(queue, entries)
                    : engine.acknowledgeBatch(queue, entries));
            if (!r.failed().isEmpty()) {
                BatchResult.Failure f = r.failed().get(0);
                throw new JMSException("Acknowledging a message of queue " + queue + " in " + describe()
                        + " failed: " + f.message(), f.code());
            }
        }
    }

    @Override
    public void changeVisibility(String queue, String receiptHandle, int seconds) throws JMSException {
        call(queue, () -> {
            engine.changeMessageVisibility(queue, receiptHandle, seconds);
            return null;
        });
    }

    @Override
    public List<IncomingMessage> browse(String queue, MessagePredicate filter, int limit) throws JMSException {
        List<MessageView> views = call(queue, () -> engine.browse(queue, filter == null ? null : toFilter(filter), limit));
        List<IncomingMessage> out = new ArrayList<>(views.size());
        for (MessageView v : views) {
            out.add(new IncomingMessage(queue, v.messageId(), null, v.body(), toWire(v.attributes()),
                    v.receiveCount(), v.sentTimestamp(), v.groupId(), v.deduplicationId(), v.sequenceNumber()));
        }
        return out;
    }

    // ---- topics --------------------------------------------------------------------------------------

    @Override
    public String subscribe(Subscription s, String connectionId) throws JMSException {
        try {
            return engine.subscribe(new SubscriptionSpec(s.topic(), s.clientId(), s.name(), s.durable(), s.shared(),
                    s.selector(), s.noLocal()), connectionId);
        } catch (SubscriptionException e) {
            throw translate(e);
        } catch (SqsException e) {
            throw translate(s.topic(), e);
        } catch (StoreFailure e) {
            throw failure("subscribing to topic " + s.topic(), e);
        }
    }

    @Override
    public void releaseSubscription(String subscriptionQueue) throws JMSException {
        call(subscriptionQueue, () -> {
            engine.releaseSubscription(subscriptionQueue);
            return null;
        });
    }

    @Override
    public void unsubscribe(String clientId, String name) throws JMSException {
        try {
            engine.unsubscribe(clientId, name);
        } catch (SubscriptionException e) {
            throw translate(e);
        } catch (StoreFailure e) {
            throw failure("unsubscribing " + name, e);
        }
    }

    @Override
    public void publish(String topic, OutgoingMessage message, Publication p) throws JMSException {
        call(topic, () -> engine.publish(topic, request(null, message), publisher(p)));
    }

    @Override
    public boolean topicHasConsumers(String topic) {
        return engine.topicHasConsumers(topic);
    }

    private static Publisher publisher(Publication p) {
        return p == null ? Publisher.ANONYMOUS : new Publisher(p.connectionId(), p.clientId());
    }

    private JMSException translate(SubscriptionException e) {
        JMSException j = switch (e.reason()) {
            case UNKNOWN -> new InvalidDestinationException(e.getMessage(), "UnknownSubscription");
            case ACTIVE -> new IllegalStateException(e.getMessage(), "SubscriptionInUse");
            case CONFLICT -> new JMSException(e.getMessage(), "SubscriptionConflict");
            case INVALID -> new JMSException(e.getMessage(), "InvalidSubscription");
        };
        j.setLinkedException(e);
        return j;
    }

    @Override
    public List<SendReceipt> commit(Transaction tx) throws JMSException {
        List<SendMessageRequest> sends = new ArrayList<>();
        // a publish becomes one send per subscription, so receipts are matched back to the transaction's sends
        List<Integer> receiptIndex = new ArrayList<>();
        for (Transaction.Send s : tx.sends()) {
            if (s.publication() == null) {
                receiptIndex.add(sends.size());
                sends.add(request(s.queue(), s.message()));
            } else {
                receiptIndex.add(-1);
                sends.addAll(engine.fanOut(s.queue(), request(null, s.message()), publisher(s.publication())));
            }
        }
        List<UnitOfWork.Delete> deletes = tx.acks().stream()
                .map(a -> new UnitOfWork.Delete(a.queue(), a.receiptHandle())).toList();
        try {
            List<SendMessageResult> results = engine.commit(new UnitOfWork(sends, deletes, List.of()));
            List<SendReceipt> receipts = new ArrayList<>(tx.sends().size());
            for (int i = 0; i < tx.sends().size(); i++) {
                int at = receiptIndex.get(i);
                receipts.add(at < 0 ? new SendReceipt(tx.sends().get(i).message().messageId(), null)
                        : new SendReceipt(results.get(at).messageId(), results.get(at).sequenceNumber()));
            }
            return receipts;
        } catch (SqsException e) {
            TransactionRolledBackException rolledBack = new TransactionRolledBackException(
                    "The transaction was rolled back: " + e.getMessage(), e.error().code());
            rolledBack.setLinkedException(e);
            throw rolledBack;
        } catch (StoreFailure e) {
            throw failure("committing a transaction", e);
        }
    }

    @FunctionalInterface
    private interface EngineCall<T> {
        T run();
    }

    /** Runs an engine call and turns its errors into the JMSException that says what went wrong. */
    private <T> T call(String queue, EngineCall<T> call) throws JMSException {
        try {
            return call.run();
        } catch (SqsException e) {
            throw translate(queue, e);
        } catch (StoreFailure e) {
            throw failure("queue " + queue, e);
        }
    }

    private JMSException translate(String queue, SqsException e) {
        JMSException j;
        if (e.error() == SqsError.QUEUE_DOES_NOT_EXIST) {
            j = new InvalidDestinationException("Queue " + queue + " does not exist in " + describe() + ".",
                    e.error().code());
        } else if (e.error() == SqsError.INVALID_PARAMETER_VALUE || e.error() == SqsError.MISSING_PARAMETER
                || e.error() == SqsError.INVALID_MESSAGE_CONTENTS) {
            j = new MessageFormatException("Queue " + queue + " refused the request: " + e.getMessage(),
                    e.error().code());
        } else {
            j = new JMSException("Queue " + queue + " in " + describe() + ": " + e.getMessage(), e.error().code());
        }
        j.setLinkedException(e);
        return j;
    }

    private JMSException failure(String what, RuntimeException e) {
        JMSException j = new JMSException(describe() + " failed while " + what + ": " + e.getMessage());
        j.setLinkedException(e);
        return j;
    }

    static Map<String, MessageAttribute> toEngine(Map<String, WireAttribute> attributes) {
        Map<String, MessageAttribute> out = new LinkedHashMap<>();
        attributes.forEach((k, v) -> out.put(k, new MessageAttribute(v.dataType(), v.stringValue(), v.binaryValue())));
        return out;
    }

    static Map<String, WireAttribute> toWire(Map<String, MessageAttribute> attributes) {
        Map<String, WireAttribute> out = new LinkedHashMap<>();
        attributes.forEach((k, v) -> out.put(k, new WireAttribute(v.dataType(), v.stringValue(), v.binaryValue())));
        return out;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            EngineRegistry.release(options);
        }
    }
}
