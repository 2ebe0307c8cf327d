package dev.sluice.engine.queue;

import dev.sluice.engine.error.SqsError;
import dev.sluice.engine.error.SqsException;
import dev.sluice.engine.model.ListQueuesResult;
import dev.sluice.engine.store.StoreOp;
import dev.sluice.engine.store.StoredQueue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

import static dev.sluice.engine.queue.QueueAttributeNames.*;

/**
 * The queue lifecycle: CreateQueue, GetQueueUrl, ListQueues, DeleteQueue, Get/SetQueueAttributes,
 * PurgeQueue and ListDeadLetterSourceQueues.
 */
public final class QueueAdminOps {

    private static final Pattern STANDARD_NAME = Pattern.compile("[A-Za-z0-9_-]{1,80}");
    private static final Pattern FIFO_NAME = Pattern.compile("[A-Za-z0-9_-]{1,75}\\.fifo");
    private static final long PURGE_INTERVAL_MILLIS = 60_000;

    private final EngineContext ctx;
    /** Serialises creates and deletes, so two creates of one name cannot both win. */
    private final Object lifecycle = new Object();

    public QueueAdminOps(EngineContext ctx) {
        this.ctx = ctx;
    }

    public String create(String name, Map<String, String> attributes, Map<String, String> tags) {
        return create(name, attributes, tags, true);
    }

    /**
     * Creates a queue the engine makes for itself (a topic subscription's): its tags are the engine's record of
     * what the queue is for, so they may hold values longer than SQS allows a user's tag (a whole selector).
     */
    public String createOwned(String name, Map<String, String> tags) {
        return create(name, Map.of(), tags, false);
    }

    private String create(String name, Map<String, String> attributes, Map<String, String> tags, boolean userTags) {
        if (name == null) {
            throw SqsException.missingParameter("QueueName");
        }
        Map<String, String> attrs = attributes == null ? Map.of() : attributes;
        boolean fifo = "true".equalsIgnoreCase(attrs.get(FIFO_QUEUE));
        if (fifo && !FIFO_NAME.matcher(name).matches()) {
            throw new SqsException(SqsError.INVALID_PARAMETER_VALUE, "The name of a FIFO queue can only include "
                    + "alphanumeric characters, hyphens, or underscores, must end with .fifo suffix and be 1 to 80 in length");
        }
        if (!fifo && !STANDARD_NAME.matcher(name).matches()) {
            throw new SqsException(SqsError.INVALID_PARAMETER_VALUE,
                    "Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length");
        }
        QueueSettings settings = QueueSettings.empty(fifo).with(attrs, true);
        checkRedriveTarget(name, fifo, settings, attrs);
        Map<String, String> validTags = !userTags ? Map.copyOf(tags)
                : Tags.validateNew(Map.of(), tags == null ? Map.of() : tags, name);
        CompletableFuture<Void> durable;
        synchronized (lifecycle) {
            long now = ctx.now();
            Queue existing = ctx.queues.find(name);
            if (existing != null) {
                Map<String, String> current = existing.settings().effective();
                for (Map.Entry<String, String> e : settings.effective().entrySet()) {
                    if (attrs.containsKey(e.getKey()) && !e.getValue().equals(current.get(e.getKey()))) {
                        throw new SqsException(SqsError.QUEUE_ALREADY_EXISTS, "A queue already exists with the "
                                + "same name and a different value for attribute " + e.getKey());
                    }
                }
                return name;
            }
            if (ctx.queues.deletedRecently(name, now)) {
                throw new SqsException(SqsError.QUEUE_DELETED_RECENTLY, "You must wait 60 seconds after deleting a "
                        + "queue before you can create another with the same name.");
            }
            Queue q = new Queue(name, ctx.arnOf(name), settings, validTags, now, now, ctx.memoryLimitPerQueue);
            ctx.queues.add(q);
            durable = ctx.store.submit(new StoreOp.PutQueue(stored(q)));
        }
        ctx.awaitDurable(durable);
        return name;
    }

    /** Checks that a RedrivePolicy names an existing dead-letter queue of the same type that accepts us. */
    private void checkRedriveTarget(String name, boolean fifo, QueueSettings settings, Map<String, String> changes) {
        RedrivePolicy policy = settings.redrivePolicy();
        // Only a policy in this request is checked (an unrelated change must not fail because the DLQ went away);
        // errors echo the policy as sent.
        if (policy == null || !changes.containsKey(REDRIVE_POLICY)) {
            return;
        }
        String json = changes.get(REDRIVE_POLICY);
        String[] arn = policy.deadLetterTargetArn().split(":", -1);
        if (!arn[4].equals(ctx.account)) {
            throw QueueSettings.redriveInvalid(json, "Dead-letter target owner should be same as the source.");
        }
        Queue dlq = policy.deadLetterTargetArn().equals(ctx.arnOf(policy.deadLetterQueueName()))
                ? ctx.queues.find(policy.deadLetterQueueName()) : null;
        if (dlq == null) {
            throw QueueSettings.redriveInvalid(json, "Dead letter target does not exist.");
        }
        if (dlq.fifo() != fifo) {
            throw QueueSettings.redriveInvalid(json, "Dead-letter queue must be same type of queue as the source..");
        }
        RedriveAllowPolicy allow = dlq.settings().redriveAllowPolicy();
        if (allow != null && !allow.allows(ctx.arnOf(name))) {
            throw QueueSettings.redriveInvalid(json, "Source queue is not allowed by the dead-letter queue's "
                    + "RedriveAllowPolicy.");
        }
    }

    public String getUrl(String name) {
        if (name == null || name.isEmpty()) {
            throw SqsException.missingParameter("QueueName");
        }
        return ctx.queues.require(name).name();
    }

    public ListQueuesResult list(String prefix, Integer maxResults, String nextToken) {
        return page(ctx.queues.namesFrom(prefix), maxResults, nextToken);
    }

    public ListQueuesResult listDeadLetterSources(String name, Integer maxResults, String nextToken) {
        Queue dlq = ctx.queues.require(name);
        List<String> sources = ctx.queues.all().stream()
                .filter(q -> q.settings().redrivePolicy() != null
                        && q.settings().redrivePolicy().deadLetterQueueName().equals(dlq.name()))
                .map(Queue::name).toList();
        return page(sources, maxResults, nextToken);
    }

    /** Sorted names after the token's name, at most maxResults, with a token if more follow. */
    private static ListQueuesResult page(List<String> names, Integer maxResults, String nextToken) {
        if (maxResults != null && (maxResults < 1 || maxResults > 1000)) {
            throw new SqsException(SqsError.INVALID_PARAMETER_VALUE,
                    "Value for parameter MaxResults is invalid. Reason: MaxResults must be an integer between 1 and 1000.");
        }
        String after = null;
        if (nextToken != null && !nextToken.isEmpty()) {
            try {
                after = new String(Base64.getUrlDecoder().decode(nextToken), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw SqsException.invalidParameter("NextToken", nextToken, "Invalid NextToken value.");
            }
        }
        final String from = after;
        List<String> rest = names.stream().sorted().filter(n -> from == null || n.compareTo(from) > 0).toList();
        int limit = maxResults == null ? 1000 : maxResults;
        if (rest.size() <= limit) {
            return new ListQueuesResult(rest, null);
        }
        List<String> pageNames = rest.subList(0, limit);
        String token = maxResults == null ? null : Base64.getUrlEncoder().withoutPadding()
                .encodeToString(pageNames.get(limit - 1).getBytes(StandardCharsets.UTF_8));
        return new ListQueuesResult(List.copyOf(pageNames), token);
    }

    public void delete(String name) {
        CompletableFuture<Void> durable;
        synchronized (lifecycle) {
            Queue q = ctx.queues.require(name);
            q.lock.lock();
            try {
                q.markDeleted();
                ctx.queues.remove(name, ctx.now());
                durable = ctx.store.submit(new StoreOp.DropQueue(name, q.heldSequences()));
            } finally {
                q.lock.unlock();
            }
        }
        ctx.awaitDurable(durable);
    }

    public Map<String, String> getAttributes(String name, List<String> names) {
        Queue q = ctx.queues.require(name);
        List<String> wanted = names == null ? List.of() : names;
        for (String n : wanted) {
            if (!n.equals(ALL) && (!isKnown(n) || (!q.fifo() && FIFO_ONLY.contains(n)))) {
                throw SqsException.unknownAttribute(n);
            }
        }
        Map<String, String> all = new LinkedHashMap<>();
        q.lock.lock();
        try {
            q.releaseDue(ctx.now());
            all.put(APPROXIMATE_NUMBER_OF_MESSAGES, Long.toString(q.approximateVisible()));
            all.put(APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, Long.toString(q.approximateNotVisible()));
            all.put(APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED, Long.toString(q.approximateDelayed()));
            all.put(CREATED_TIMESTAMP, Long.toString(q.createdAt() / 1000));
            all.put(LAST_MODIFIED_TIMESTAMP, Long.toString(q.lastModifiedAt() / 1000));
            all.put(QUEUE_ARN, q.arn());
            all.putAll(q.settings().effective());
        } finally {
            q.lock.unlock();
        }
        if (wanted.contains(ALL)) {
            return all;
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String n : wanted) {
            if (all.containsKey(n)) {
                out.put(n, all.get(n));
            }
        }
        return out;
    }

    public void setAttributes(String name, Map<String, String> attributes) {
        Queue q = ctx.queues.require(name);
        if (attributes == null || attributes.isEmpty()) {
            throw SqsException.missingParameter("Attributes");
        }
        CompletableFuture<Void> durable;
        q.lock.lock();
        try {
            QueueSettings next = q.settings().with(attributes, false);
            checkRedriveTarget(name, q.fifo(), next, attributes);
            q.settings(next, ctx.now());
            q.changed.signalAll();
            durable = ctx.store.submit(new StoreOp.PutQueue(stored(q)));
        } finally {
            q.lock.unlock();
        }
        ctx.awaitDurable(durable);
    }

    public void purge(String name) {
        Queue q = ctx.queues.require(name);
        CompletableFuture<Void> durable;
        q.lock.lock();
        try {
            long now = ctx.now();
            if (q.lastPurgeAt() != Long.MIN_VALUE && now - q.lastPurgeAt() < PURGE_INTERVAL_MILLIS) {
                throw new SqsException(SqsError.PURGE_QUEUE_IN_PROGRESS,
                        "Only one PurgeQueue operation on " + name + " is allowed every 60 seconds.");
            }
            List<Long> held = q.heldSequences();
            long upTo = q.purge(now, ctx.currentSequence());
            durable = ctx.store.submit(new StoreOp.PurgeQueue(name, upTo, held));
        } finally {
            q.lock.unlock();
        }
        ctx.awaitDurable(durable);
    }

    public Map<String, String> listTags(String name) {
        return ctx.queues.require(name).tags();
    }

    public void tag(String name, Map<String, String> tags) {
        Queue q = ctx.queues.require(name);
        if (tags == null || tags.isEmpty()) {
            throw SqsException.missingParameter("Tags");
        }
        updateTags(q, Tags.validateNew(q.tags(), tags, name));
    }

    public void untag(String name, List<String> keys) {
        Queue q = ctx.queues.require(name);
        if (keys == null || keys.isEmpty()) {
            throw SqsException.missingParameter("TagKeys");
        }
        Map<String, String> next = new LinkedHashMap<>(q.tags());
        keys.forEach(next::remove);
        updateTags(q, next);
    }

    private void updateTags(Queue q, Map<String, String> next) {
        CompletableFuture<Void> durable;
        q.lock.lock();
        try {
            q.tags(next);
            durable = ctx.store.submit(new StoreOp.PutQueue(stored(q)));
        } finally {
            q.lock.unlock();
        }
        ctx.awaitDurable(durable);
    }

    static StoredQueue stored(Queue q) {
        Map<String, String> attrs = new LinkedHashMap<>(q.settings().stored());
        if (q.fifo()) {
            attrs.put(FIFO_QUEUE, "true");
        }
        return new StoredQueue(q.name(), attrs, q.tags(), q.createdAt(), q.lastModifiedAt());
    }
}
