package dev.sluice.engine.topic;

import dev.sluice.engine.error.SqsError;
import dev.sluice.engine.error.SqsException;
import dev.sluice.engine.model.MessageFilter;
import dev.sluice.engine.model.MessageView;
import dev.sluice.engine.model.SendMessageRequest;
import dev.sluice.engine.queue.EngineContext;
import dev.sluice.engine.queue.Queue;
import dev.sluice.engine.queue.QueueAdminOps;
import dev.sluice.engine.queue.UnitOfWork;
import dev.sluice.engine.queue.UnitOfWorkOps;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Topics as fan-out: a topic is only a name, each subscription is a queue of its own (visibility, receive counts,
 * redrive apply per subscription), and a publish sends one copy to every subscription queue whose selector and
 * noLocal admit it, all in one unit of work (one store commit: every subscriber gets the message or none does).
 *
 * <p>Selectors are evaluated at fan-out, so a subscription queue holds only what its subscriber will receive
 * (a durable subscription with a selector does not accumulate messages nobody can take). The engine stores the
 * selector as text and compiles it with the compiler the JMS provider installs, because the selector language
 * is JMS's, not the engine's.
 *
 * <p>Durable and shared durable subscriptions are kept across restarts as their queues' tags; a non-durable
 * subscription's queue is deleted with its last consumer (and at the next start, if the JVM died first).
 */
public final class TopicOps {

    private static final System.Logger LOG = System.getLogger(TopicOps.class.getName());

    private final EngineContext ctx;
    private final QueueAdminOps admin;
    private final UnitOfWorkOps units;
    /** Subscriptions with a name, by {@link SubscriptionSpec#key()}. */
    private final Map<String, Subscription> named = new HashMap<>();
    private final Map<String, Subscription> byQueue = new HashMap<>();
    private final Map<String, Set<Subscription>> byTopic = new HashMap<>();
    private volatile Function<String, MessageFilter> selectorCompiler;

    public TopicOps(EngineContext ctx, QueueAdminOps admin, UnitOfWorkOps units) {
        this.ctx = ctx;
        this.admin = admin;
        this.units = units;
    }

    /** Installs how selector text becomes a filter (the JMS provider's selector language). */
    public void useSelectorCompiler(Function<String, MessageFilter> compiler) {
        this.selectorCompiler = compiler;
    }

    /** Re-registers durable subscriptions from their queues and drops non-durable ones left by a crash. */
    public synchronized void restore() {
        for (Queue q : ctx.queues.all()) {
            SubscriptionSpec spec = SubscriptionTags.parse(q.tags());
            if (spec == null) {
                continue;
            }
            if (spec.durable()) {
                register(new Subscription(spec, q.name()));
            } else {
                LOG.log(System.Logger.Level.INFO, "Deleting queue {0} of a non-durable subscription left from "
                        + "before the restart", q.name());
                admin.delete(q.name());
            }
        }
    }

    /**
     * Adds a consumer to a subscription, creating the subscription (and its queue) or replacing an inactive one
     * whose topic, selector or noLocal changed, as JMS prescribes.
     *
     * @param connectionId the subscriber's connection, for noLocal on a non-durable subscription
     * @return the name of the queue to receive from
     */
    public synchronized String subscribe(SubscriptionSpec spec, String connectionId) {
        String key = spec.key();
        Subscription existing = key == null ? null : named.get(key);
        if (existing != null) {
            SubscriptionSpec have = existing.spec;
            if (have.durable() != spec.durable() || have.shared() != spec.shared()) {
                throw new SubscriptionException(SubscriptionException.Reason.CONFLICT, "Cannot create a "
                        + spec.describe() + ": a " + have.describe() + " has that name.");
            }
            if (!spec.shared() && existing.consumers > 0) {
                throw new SubscriptionException(SubscriptionException.Reason.ACTIVE, "The " + have.describe()
                        + " already has an active consumer.");
            }
            if (!have.sameDefinition(spec)) {
                if (existing.consumers > 0) {
                    throw new SubscriptionException(SubscriptionException.Reason.CONFLICT, "The " + have.describe()
                            + (have.selector() == null ? "" : " with selector '" + have.selector() + "'")
                            + " is in use, so it cannot change to topic '" + spec.topic() + "'"
                            + (spec.selector() == null ? "" : " and selector '" + spec.selector() + "'") + ".");
                }
                // an inactive durable subscription whose definition changes is deleted and replaced
                drop(existing);
                existing = null;
            }
        }
        if (existing == null) {
            String queue = SubscriptionQueueNames.of(spec);
            while (ctx.queues.find(queue) != null) {
                // the readable part of two subscriptions' names may be equal (a shared non-durable 'x' and a
                // durable 'nondurable-x'), and so may the random suffix: never take another queue's name
                queue = SubscriptionQueueNames.of(spec);
            }
            admin.createOwned(queue, SubscriptionTags.of(spec));
            existing = new Subscription(spec, queue);
            register(existing);
        }
        existing.consumers++;
        if (!spec.durable()) {
            existing.ownerConnection = connectionId;
        }
        return existing.queue;
    }

    /** A consumer of the subscription closed; a non-durable subscription ends with its last consumer. */
    public synchronized void release(String queue) {
        Subscription s = byQueue.get(queue);
        if (s == null || s.consumers == 0) {
            return;
        }
        if (--s.consumers == 0 && !s.spec.durable()) {
            drop(s);
        }
    }

    /** Deletes a durable subscription and the messages it holds. */
    public synchronized void unsubscribe(String clientId, String name) {
        Subscription s = named.get(SubscriptionSpec.key(true, clientId, name));
        if (s == null || !s.spec.durable()) {
            throw new SubscriptionException(SubscriptionException.Reason.UNKNOWN, "There is no durable subscription '"
                    + name + "'" + (clientId == null ? " without a client identifier." : " of client '" + clientId + "'."));
        }
        if (s.consumers > 0) {
            throw new SubscriptionException(SubscriptionException.Reason.ACTIVE, "The " + s.spec.describe()
                    + " has " + s.consumers + " active consumer(s); close them before unsubscribing.");
        }
        drop(s);
    }

    /** The subscription queues of a topic, for inspection and tests. */
    public synchronized List<String> subscriptionQueues(String topic) {
        return byTopic.getOrDefault(topic, Set.of()).stream().map(s -> s.queue).toList();
    }

    /** Whether any consumer is subscribed to the topic (a temporary topic with subscribers cannot be deleted). */
    public synchronized boolean hasConsumers(String topic) {
        return byTopic.getOrDefault(topic, Set.of()).stream().anyMatch(s -> s.consumers > 0);
    }

    /**
     * The sends that deliver {@code message} to the topic's subscriptions: one per admitting subscription, each
     * with its own MessageId (a message id names one message in one queue).
     */
    public List<SendMessageRequest> fanOut(String topic, SendMessageRequest message, Publisher publisher) {
        List<Subscription> targets;
        synchronized (this) {
            targets = List.copyOf(byTopic.getOrDefault(topic, Set.of()));
        }
        MessageView view = null;
        List<SendMessageRequest> sends = new ArrayList<>(targets.size());
        for (Subscription s : targets) {
            if (s.excludes(publisher)) {
                continue;
            }
            if (s.spec.selector() != null) {
                if (view == null) {
                    // the publish's own MessageId (if the publisher chose one) is what a selector on JMSMessageID sees
                    view = new MessageView(message.messageId(), message.body(), message.attributes(), message.priority(),
                            ctx.now(), 0, message.groupId(), message.deduplicationId(), null);
                }
                if (!filterOf(s).accepts(view)) {
                    continue;
                }
            }
            sends.add(new SendMessageRequest(s.queue, message.body(), message.delaySeconds(), message.attributes(),
                    message.traceHeader(), message.groupId(), message.deduplicationId(), message.priority(),
                    message.senderId(), null));
        }
        return sends;
    }

    /**
     * Publishes to every subscription of the topic in one store commit.
     *
     * @return how many subscriptions got the message
     */
    public int publish(String topic, SendMessageRequest message, Publisher publisher) {
        for (int attempt = 1; ; attempt++) {
            List<SendMessageRequest> sends = fanOut(topic, message, publisher);
            if (sends.isEmpty()) {
                return 0;
            }
            try {
                units.commit(new UnitOfWork(sends, List.of(), List.of()));
                return sends.size();
            } catch (SqsException e) {
                // a subscription ended (or its queue was deleted through the SQS API) between fan-out and commit
                if (e.error() != SqsError.QUEUE_DOES_NOT_EXIST || attempt == 3) {
                    throw e;
                }
                forgetDeletedQueues();
            }
        }
    }

    /** Drops subscriptions whose queue was deleted through the SQS API. */
    private synchronized void forgetDeletedQueues() {
        byQueue.values().stream().filter(s -> ctx.queues.find(s.queue) == null).toList().forEach(this::unregister);
    }

    private MessageFilter filterOf(Subscription s) {
        MessageFilter f = s.filter;
        if (f == null) {
            Function<String, MessageFilter> compiler = selectorCompiler;
            if (compiler == null) {
                throw new IllegalStateException("The " + s.spec.describe() + " has selector '" + s.spec.selector()
                        + "' but no selector compiler is installed in this engine.");
            }
            f = compiler.apply(s.spec.selector());
            s.filter = f;
        }
        return f;
    }

    private void register(Subscription s) {
        if (s.spec.key() != null) {
            named.put(s.spec.key(), s);
        }
        byQueue.put(s.queue, s);
        byTopic.computeIfAbsent(s.spec.topic(), t -> new LinkedHashSet<>()).add(s);
    }

    private void unregister(Subscription s) {
        if (s.spec.key() != null) {
            named.remove(s.spec.key(), s);
        }
        byQueue.remove(s.queue);
        Set<Subscription> subs = byTopic.get(s.spec.topic());
        if (subs != null) {
            subs.remove(s);
            if (subs.isEmpty()) {
                byTopic.remove(s.spec.topic());
            }
        }
    }

    private void drop(Subscription s) {
        unregister(s);
        if (ctx.queues.find(s.queue) != null) {
            try {
                admin.delete(s.queue);
            } catch (SqsException e) {
                if (e.error() != SqsError.QUEUE_DOES_NOT_EXIST) {
                    throw e;
                }
            }
        }
    }
}
