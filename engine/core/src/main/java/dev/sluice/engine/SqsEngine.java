package dev.sluice.engine;

import dev.sluice.engine.model.BatchEntry;
import dev.sluice.engine.model.BatchResult;
import dev.sluice.engine.model.ChangeVisibilityRequest;
import dev.sluice.engine.model.ListQueuesResult;
import dev.sluice.engine.model.MessageFilter;
import dev.sluice.engine.model.MessageView;
import dev.sluice.engine.model.MoveTask;
import dev.sluice.engine.model.ReceiveMessageRequest;
import dev.sluice.engine.model.ReceivedMessage;
import dev.sluice.engine.model.SendMessageRequest;
import dev.sluice.engine.model.SendMessageResult;
import dev.sluice.engine.queue.DeleteMessageOps;
import dev.sluice.engine.queue.EngineContext;
import dev.sluice.engine.queue.MoveTaskOps;
import dev.sluice.engine.queue.QueueAdminOps;
import dev.sluice.engine.queue.ReceiveMessageOps;
import dev.sluice.engine.queue.Recovery;
import dev.sluice.engine.queue.RedriveOps;
import dev.sluice.engine.queue.SendMessageOp;
import dev.sluice.engine.queue.UnitOfWork;
import dev.sluice.engine.queue.UnitOfWorkOps;
import dev.sluice.engine.queue.VisibilityOps;
import dev.sluice.engine.store.MemoryStore;
import dev.sluice.engine.store.MessageStore;
import dev.sluice.engine.store.SqliteStore;
import dev.sluice.engine.topic.Publisher;
import dev.sluice.engine.topic.SubscriptionSpec;
import dev.sluice.engine.topic.TopicOps;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * An SQS-semantics engine: every operation of the SQS API, with AWS's validation and errors
 * ({@link dev.sluice.engine.error.SqsException}), plus the extensions a JMS provider needs (filtered
 * receive, browse, priority, atomic units of work). Queues are named, not addressed by URL; the HTTP
 * endpoint maps URLs to names. Thread-safe; close it to release the store.
 */
public final class SqsEngine implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(SqsEngine.class.getName());

    private final EngineContext ctx;
    private final QueueAdminOps admin;
    private final SendMessageOp sending;
    private final ReceiveMessageOps receiving;
    private final DeleteMessageOps deleting;
    private final VisibilityOps visibility;
    private final MoveTaskOps moveTasks;
    private final UnitOfWorkOps units;
    private final TopicOps topics;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SqsEngine(EngineOptions options, MessageStore store) {
        this.ctx = new EngineContext(options.clock(), store, options.region(), options.account(),
                options.memoryLimitPerQueue());
        RedriveOps redrive = new RedriveOps(ctx);
        this.admin = new QueueAdminOps(ctx);
        this.sending = new SendMessageOp(ctx);
        this.receiving = new ReceiveMessageOps(ctx, redrive);
        this.deleting = new DeleteMessageOps(ctx);
        this.visibility = new VisibilityOps(ctx);
        this.moveTasks = new MoveTaskOps(ctx, redrive);
        this.units = new UnitOfWorkOps(ctx, sending);
        Recovery.restore(ctx);
        this.topics = new TopicOps(ctx, admin, units);
        topics.restore();
        options.clock().onAdvance(this::wakeWaiters);
    }

    public static SqsEngine open(EngineOptions options) {
        MessageStore store = options.storage() == EngineOptions.Storage.MEMORY
                ? new MemoryStore() : SqliteStore.open(options.dataDir());
        SqsEngine engine = new SqsEngine(options, store);
        LOG.log(System.Logger.Level.INFO, "Sluice engine open: {0} storage{1}, {2} queue(s)",
                options.storage().name().toLowerCase(java.util.Locale.ROOT),
                options.dataDir() == null ? "" : " in " + options.dataDir(), engine.ctx.queues.all().size());
        return engine;
    }

    public static SqsEngine inMemory() {
        return open(EngineOptions.memory());
    }

    public String region() {
        return ctx.region;
    }

    public String account() {
        return ctx.account;
    }

    /** The ARN of a queue with this name in this engine's region and account. */
    public String queueArn(String queueName) {
        return ctx.arnOf(queueName);
    }

    // ---- queues -----------------------------------------------------------------------------------

    public String createQueue(String name, Map<String, String> attributes, Map<String, String> tags) {
        return admin.create(name, attributes, tags);
    }

    public String createQueue(String name) {
        return admin.create(name, Map.of(), Map.of());
    }

    public String getQueueUrl(String name) {
        return admin.getUrl(name);
    }

    public ListQueuesResult listQueues(String prefix, Integer maxResults, String nextToken) {
        return admin.list(prefix, maxResults, nextToken);
    }

    public void deleteQueue(String name) {
        admin.delete(name);
    }

    public Map<String, String> getQueueAttributes(String name, List<String> attributeNames) {
        return admin.getAttributes(name, attributeNames);
    }

    public void setQueueAttributes(String name, Map<String, String> attributes) {
        admin.setAttributes(name, attributes);
    }

    public void purgeQueue(String name) {
        admin.purge(name);
    }

    public ListQueuesResult listDeadLetterSourceQueues(String name, Integer maxResults, String nextToken) {
        return admin.listDeadLetterSources(name, maxResults, nextToken);
    }

    public void tagQueue(String name, Map<String, String> tags) {
        admin.tag(name, tags);
    }

    public void untagQueue(String name, List<String> tagKeys) {
        admin.untag(name, tagKeys);
    }

    public Map<String, String> listQueueTags(String name) {
        return admin.listTags(name);
    }

    // ---- messages ---------------------------------------------------------------------------------

    public SendMessageResult sendMessage(SendMessageRequest request) {
        return sending.send(request);
    }

    public BatchResult<SendMessageResult> sendMessageBatch(String queue, List<BatchEntry<SendMessageRequest>> entries) {
        return sending.sendBatch(queue, entries);
    }

    public List<ReceivedMessage> receiveMessage(ReceiveMessageRequest request) {
        return receiving.receive(request);
    }

    /**
     * An embedder's extension: a receive whose long poll also ends, with nothing, once {@code stopWaiting} is true
     * and {@link #wakeReceivers} was called for the queue. Unlike an interrupt it never ends a receive that has
     * taken messages.
     */
    public List<ReceivedMessage> receiveMessage(ReceiveMessageRequest request, BooleanSupplier stopWaiting) {
        return receiving.receive(request, stopWaiting);
    }

    /** Makes the queue's waiting receives check their {@code stopWaiting}. */
    public void wakeReceivers(String queue) {
        receiving.wakeReceivers(queue);
    }

    public void deleteMessage(String queue, String receiptHandle) {
        deleting.delete(queue, receiptHandle);
    }

    public BatchResult<Void> deleteMessageBatch(String queue, List<BatchEntry<String>> receiptHandles) {
        return deleting.deleteBatch(queue, receiptHandles);
    }

    public void changeMessageVisibility(String queue, String receiptHandle, Integer visibilityTimeout) {
        visibility.change(queue, new ChangeVisibilityRequest(receiptHandle, visibilityTimeout));
    }

    public BatchResult<Void> changeMessageVisibilityBatch(String queue,
                                                         List<BatchEntry<ChangeVisibilityRequest>> entries) {
        return visibility.changeBatch(queue, entries);
    }

    // ---- dead-letter move tasks --------------------------------------------------------------------

    public String startMessageMoveTask(String sourceArn, String destinationArn, Integer maxNumberOfMessagesPerSecond) {
        return moveTasks.start(sourceArn, destinationArn, maxNumberOfMessagesPerSecond);
    }

    public List<MoveTask> listMessageMoveTasks(String sourceArn, Integer maxResults) {
        return moveTasks.list(sourceArn, maxResults);
    }

    public long cancelMessageMoveTask(String taskHandle) {
        return moveTasks.cancel(taskHandle);
    }

    // ---- extensions for the JMS provider ----------------------------------------------------------

    /**
     * Deletes received messages without waiting for the disk flush (JMS AUTO_ACKNOWLEDGE and DUPS_OK): after
     * a crash such a message may be delivered again, as with a classic broker's asynchronous acknowledgements.
     */
    public BatchResult<Void> acknowledgeBatch(String queue, List<BatchEntry<String>> receiptHandles) {
        return deleting.deleteBatch(queue, receiptHandles, false);
    }

    /** Peeks at visible messages in delivery order without receiving them. */
    public List<MessageView> browse(String queue, MessageFilter filter, int limit) {
        return receiving.browse(queue, filter, limit);
    }

    /**
     * Applies sends, deletes and visibility changes on any queues all together, or none of them.
     *
     * @return the results of the sends, in order
     */
    public List<SendMessageResult> commit(UnitOfWork unit) {
        return units.commit(unit);
    }

    // ---- topics (Sluice extension: fan-out to one queue per subscription) ------------------------------

    /** How subscription selectors (text) become filters; the JMS provider installs its selector language. */
    public void useSelectorCompiler(java.util.function.Function<String, MessageFilter> compiler) {
        topics.useSelectorCompiler(compiler);
    }

    /**
     * Adds a consumer to a subscription (creating it when needed).
     *
     * @return the subscription's queue, to receive from
     * @throws dev.sluice.engine.topic.SubscriptionException if JMS's subscription rules refuse it
     */
    public String subscribe(SubscriptionSpec spec, String connectionId) {
        return topics.subscribe(spec, connectionId);
    }

    /** A consumer of the subscription whose queue this is closed. */
    public void releaseSubscription(String subscriptionQueue) {
        topics.release(subscriptionQueue);
    }

    /** Deletes the durable subscription and its messages. */
    public void unsubscribe(String clientId, String subscriptionName) {
        topics.unsubscribe(clientId, subscriptionName);
    }

    /** Publishes to every subscription of the topic in one store commit; returns how many got the message. */
    public int publish(String topic, SendMessageRequest message, Publisher publisher) {
        return topics.publish(topic, message, publisher);
    }

    /** The sends a publish consists of, for a caller that commits them in a larger {@link UnitOfWork}. */
    public List<SendMessageRequest> fanOut(String topic, SendMessageRequest message, Publisher publisher) {
        return topics.fanOut(topic, message, publisher);
    }

    public List<String> subscriptionQueues(String topic) {
        return topics.subscriptionQueues(topic);
    }

    public boolean topicHasConsumers(String topic) {
        return topics.hasConsumers(topic);
    }

    private void wakeWaiters() {
        for (var q : ctx.queues.all()) {
            q.lock.lock();
            try {
                q.changed.signalAll();
            } finally {
                q.lock.unlock();
            }
        }
    }

    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        moveTasks.close();
        Recovery.handOver(ctx);
        wakeWaiters();
        ctx.store.close();
    }
}
