package dev.sluice.jms.sqs;

import dev.sluice.jms.SluiceSettings;
import dev.sluice.jms.backend.Capability;
import dev.sluice.jms.backend.IncomingMessage;
import dev.sluice.jms.backend.InvalidQueue;
import dev.sluice.jms.backend.MessagePredicate;
import dev.sluice.jms.backend.OutgoingMessage;
import dev.sluice.jms.backend.QueueBackend;
import dev.sluice.jms.backend.QueueInfo;
import dev.sluice.jms.backend.SendReceipt;
import dev.sluice.jms.backend.Transaction;
import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResultEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The provider's queues in any SQS endpoint (Amazon SQS, Sluice's server, ElasticMQ) through the AWS SDK for
 * Java v2. No capability beyond the SQS API: selectors, browsing, priority ordering, topics and atomic
 * transactions are refused by the provider before they get here; transactions commit best effort
 * ({@link BestEffortCommit}).
 *
 * <p>A receive asks SQS for up to {@code prefetch} messages (long polling); what the consumer did not ask for
 * waits in a {@link PrefetchBuffer} with its visibility extended. FIFO queues never prefetch: a buffered later
 * message of a group would overtake an earlier one that returns to the queue. Closing gives buffered
 * messages back at once (visibility 0).
 */
public final class SqsBackend implements QueueBackend {

    private static final System.Logger LOG = System.getLogger(SqsBackend.class.getName());
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final Pattern DEAD_LETTER_ARN = Pattern.compile("\"deadLetterTargetArn\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern MAX_RECEIVE_COUNT = Pattern.compile("\"maxReceiveCount\"\\s*:\\s*\"?(\\d+)\"?");
    private static final int MAX_WAIT_SECONDS = 20;

    private final SqsClient sqs;
    private final String description;
    private final SqsErrors errors;
    private final QueueUrls urls;
    private final int prefetch;
    private final int maxAttempts;
    private final PrefetchBuffer buffer = new PrefetchBuffer();
    private final Map<String, Integer> queueVisibility = new ConcurrentHashMap<>();
    /** Runs ReceiveMessage calls, so the thread that waits for one can be interrupted (an HTTP read cannot). */
    private final ExecutorService pollers;
    /** Extends the visibility of prefetched messages; only with prefetch > 1. */
    private final ScheduledExecutorService timer;
    private final AtomicInteger pollsInFlight = new AtomicInteger();
    private final SendBatcher batcher = new SendBatcher(this::sendNow);
    private volatile boolean closed;

    SqsBackend(SqsClient sqs, String description, int prefetch, int maxAttempts) {
        this.sqs = sqs;
        this.description = description;
        this.errors = new SqsErrors(description);
        this.urls = new QueueUrls(sqs);
        this.prefetch = prefetch;
        this.maxAttempts = maxAttempts;
        this.pollers = Executors.newCachedThreadPool(daemon("sluice-sqs-receive-"));
        if (prefetch > 1) {
            timer = Executors.newSingleThreadScheduledExecutor(daemon("sluice-sqs-prefetch-"));
            timer.scheduleWithFixedDelay(this::tendBuffer, 500, 500, TimeUnit.MILLISECONDS);
        } else {
            timer = null;
        }
    }

    /** The backend a {@code sluice:sqs} URL names; no SQS call is made yet. */
    public static SqsBackend open(SluiceSettings settings) throws JMSException {
        return new SqsBackend(SqsClients.build(settings), SqsClients.describe(settings), settings.prefetch(),
                settings.maxAttempts());
    }

    private static java.util.concurrent.ThreadFactory daemon(String prefix) {
        return r -> {
            Thread t = new Thread(r, prefix + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.noneOf(Capability.class);
    }

    // ---- queues -----------------------------------------------------------------------------------------

    @Override
    public QueueInfo queue(String name) throws JMSException {
        Map<String, String> a = call("reading the attributes of queue " + name, name, () -> sqs.getQueueAttributes(r -> r
                .queueUrl(urls.url(name))
                // All, not the four needed: some endpoints (ElasticMQ) refuse FifoQueue by name on a standard queue
                .attributeNames(QueueAttributeName.ALL))
                .attributesAsStrings());
        int visibility = Integer.parseInt(a.getOrDefault("VisibilityTimeout", "30"));
        queueVisibility.put(name, visibility);
        String redrive = a.get("RedrivePolicy");
        String deadLetterQueue = null;
        int maxReceiveCount = 0;
        if (redrive != null) {
            Matcher arn = DEAD_LETTER_ARN.matcher(redrive);
            Matcher max = MAX_RECEIVE_COUNT.matcher(redrive);
            if (arn.find()) {
                deadLetterQueue = arn.group(1).substring(arn.group(1).lastIndexOf(':') + 1);
            }
            if (max.find()) {
                maxReceiveCount = Integer.parseInt(max.group(1));
            }
        }
        return new QueueInfo(name, "true".equals(a.get("FifoQueue")), "true".equals(a.get("ContentBasedDeduplication")),
                visibility, deadLetterQueue, maxReceiveCount);
    }

    @Override
    public void createQueue(String name, Map<String, String> attributes) throws JMSException {
        try {
            String url = call("creating queue " + name, name,
                    () -> sqs.createQueue(r -> r.queueName(name).attributesWithStrings(attributes)).queueUrl());
            urls.remember(name, url);
        } catch (MessageFormatException refused) {
            throw InvalidQueue.from(refused);
        }
    }

    @Override
    public void deleteQueue(String name) throws JMSException {
        buffer.removeAll(name); // their receipt handles die with the queue
        call("deleting queue " + name, name, () -> sqs.deleteQueue(r -> r.queueUrl(urls.url(name))));
        urls.forget(name);
        queueVisibility.remove(name);
    }

    // ---- sending ----------------------------------------------------------------------------------------

    /** Concurrent sends to one queue share SendMessageBatch calls (see SendBatcher). */
    @Override
    public SendReceipt send(String queue, OutgoingMessage m) throws JMSException {
        checkOpen();
        return batcher.send(queue, m);
    }

    /**
     * One batch of the SendBatcher: a lone message as SendMessage (the SDK retries it), several as SendMessageBatch,
     * whose entries SQS failed on its side are retried by themselves, as docs/sqs-backend.md promises.
     */
    private void sendNow(String queue, List<SendBatcher.Pending> batch) {
        boolean fifo = isFifo(queue);
        // the batch carries other threads' sends: an interrupt of this one does not fail theirs (kept for the end)
        boolean interrupted = false;
        try {
            if (batch.size() == 1) {
                OutgoingMessage m = batch.get(0).message;
                SendMessageResponse r = call("sending to queue " + queue, queue, () -> sqs.sendMessage(b -> b
                        .queueUrl(urls.url(queue))
                        .messageBody(m.body())
                        .delaySeconds(m.delaySecondsParameter())
                        .messageAttributes(WireAttributes.toSdk(m.attributes()))
                        .messageGroupId(fifo ? m.groupId() : null)
                        .messageDeduplicationId(fifo ? m.deduplicationId() : null)));
                batch.get(0).receipt = new SendReceipt(r.messageId(), r.sequenceNumber());
                return;
            }
            String url = url(queue);
            // entries SQS failed on its side (SenderFault false) were not stored: retried by themselves, with back-off
            Set<Integer> pending = new TreeSet<>();
            for (int i = 0; i < batch.size(); i++) {
                pending.add(i);
            }
            for (int attempt = 1; !pending.isEmpty(); attempt++) {
                List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
                pending.forEach(i -> entries.add(BestEffortCommit.entry(Integer.toString(i), batch.get(i).message,
                        fifo)));
                SendMessageBatchResponse r = call("sending to queue " + queue, queue,
                        () -> sqs.sendMessageBatch(b -> b.queueUrl(url).entries(entries)));
                for (SendMessageBatchResultEntry ok : r.successful()) {
                    int i = Integer.parseInt(ok.id());
                    batch.get(i).receipt = new SendReceipt(ok.messageId(), ok.sequenceNumber());
                    pending.remove(i);
                }
                for (BatchResultErrorEntry failed : r.failed()) {
                    int i = Integer.parseInt(failed.id());
                    if (Boolean.TRUE.equals(failed.senderFault()) || attempt >= maxAttempts) {
                        batch.get(i).failure = errors.entryFailure("sending to queue " + queue, queue, failed.code(),
                                failed.message(), Boolean.TRUE.equals(failed.senderFault()));
                        pending.remove(i);
                    }
                }
                if (!pending.isEmpty() && attempt >= maxAttempts) {
                    JMSException lost = new JMSException(description + " answered no outcome for a message sent to "
                            + "queue " + queue + " in a SendMessageBatch");
                    pending.forEach(i -> batch.get(i).failure = lost);
                    pending.clear();
                } else if (!pending.isEmpty()) {
                    interrupted |= BestEffortCommit.pauseBeforeRetry(attempt);
                }
            }
        } catch (JMSException e) {
            // a stored one stays sent, and one refused earlier keeps its own reason
            batch.stream().filter(p -> p.receipt == null && p.failure == null).forEach(p -> p.failure = e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** SQS's rule: a FIFO queue's name ends in .fifo. MessageGroupId goes only there (see docs/sqs-backend.md). */
    static boolean isFifo(String queue) {
        return queue.endsWith(".fifo");
    }

    // ---- receiving --------------------------------------------------------------------------------------

    @Override
    public List<IncomingMessage> receive(String queue, int max, long waitMillis, Integer visibilitySeconds,
                                         MessagePredicate filter) throws JMSException {
        if (filter != null) {
            throw new JMSException("Unsupported feature: message selectors. " + description + " cannot filter.",
                    "UnsupportedCapability");
        }
        checkOpen();
        boolean prefetching = prefetch > max && !isFifo(queue);
        PrefetchBuffer.Key key = new PrefetchBuffer.Key(queue, visibilitySeconds);
        if (prefetching) {
            List<PrefetchBuffer.Held> ready = buffer.take(key, max, System.nanoTime());
            if (!ready.isEmpty()) {
                return handOver(queue, ready);
            }
        }
        int fetch = Math.min(10, prefetching ? prefetch : max);
        int waitSeconds = (int) Math.min(MAX_WAIT_SECONDS, (Math.max(0, waitMillis) + 999) / 1000);
        String url = url(queue);
        pollsInFlight.incrementAndGet();
        CompletableFuture<List<Message>> poll;
        try {
            poll = CompletableFuture.supplyAsync(() -> sqs.receiveMessage(r -> r
                    .queueUrl(url)
                    .maxNumberOfMessages(fetch)
                    .waitTimeSeconds(waitSeconds)
                    .visibilityTimeout(visibilitySeconds)
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                    .messageAttributeNames("All")).messages(), pollers);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            pollsInFlight.decrementAndGet();
            throw closedError();
        }
        poll.whenComplete((r, e) -> pollsInFlight.decrementAndGet());
        List<Message> got;
        try {
            got = poll.get();
        } catch (InterruptedException e) {
            // the caller is closing: whatever the poll still brings goes straight back to the queue
            poll.thenAccept(late -> releaseLate(queue, late));
            Thread.currentThread().interrupt();
            return List.of();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SdkException sdk) {
                if (SqsErrors.isMissingQueue(SqsErrors.shortCode(code(sdk)))) {
                    urls.forget(queue);
                }
                throw errors.translate("receiving from queue " + queue, queue, sdk);
            }
            throw new JMSException(description + " failed while receiving from queue " + queue + ": " + e.getCause());
        }
        List<IncomingMessage> out = new ArrayList<>(Math.min(max, got.size()));
        List<PrefetchBuffer.Held> extra = new ArrayList<>();
        long now = System.nanoTime();
        for (Message m : got) {
            IncomingMessage in = WireAttributes.incoming(queue, m);
            if (out.size() < max) {
                out.add(in);
            } else {
                extra.add(new PrefetchBuffer.Held(in, visibilitySeconds != null ? visibilitySeconds
                        : defaultVisibility(queue), now));
            }
        }
        if (!extra.isEmpty()) {
            buffer.put(key, extra, now);
        }
        return out;
    }

    /**
     * Buffered messages about to be handed over get a fresh visibility timeout if half of theirs is gone; one
     * whose receipt handle SQS no longer accepts slipped back to the queue (an extension failed) and is dropped.
     */
    private List<IncomingMessage> handOver(String queue, List<PrefetchBuffer.Held> ready) throws JMSException {
        long now = System.nanoTime();
        List<PrefetchBuffer.Held> stale = ready.stream().filter(h -> h.needsExtension(now)).toList();
        Set<String> lost = stale.isEmpty() ? Set.of() : changeVisibilityBatch(queue, stale, false);
        return ready.stream().map(h -> h.message).filter(m -> !lost.contains(m.receiptHandle())).toList();
    }

    private int defaultVisibility(String queue) {
        Integer known = queueVisibility.get(queue);
        if (known != null) {
            return known;
        }
        try {
            return queue(queue).visibilityTimeoutSeconds();
        } catch (JMSException e) {
            return 30; // SQS's default; the extension task corrects nothing worse than an early extension
        }
    }

    private static String code(SdkException e) {
        return e instanceof software.amazon.awssdk.awscore.exception.AwsServiceException s && s.awsErrorDetails() != null
                ? s.awsErrorDetails().errorCode() : null;
    }

    /** Messages a poll returned after its caller had gone: visible again at once. */
    private void releaseLate(String queue, List<Message> late) {
        if (late.isEmpty()) {
            return;
        }
        List<PrefetchBuffer.Held> held = late.stream()
                .map(m -> new PrefetchBuffer.Held(WireAttributes.incoming(queue, m), 0, System.nanoTime())).toList();
        try {
            changeVisibilityBatch(queue, held, true);
        } catch (JMSException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not give back " + late.size() + " message(s) of queue " + queue
                    + " received after their consumer closed; they return after their visibility timeout: "
                    + e.getMessage());
        }
    }

    /** The prefetch timer: extends buffered messages before they could go to another consumer; gives back idle ones. */
    private void tendBuffer() {
        long now = System.nanoTime();
        try {
            for (Map.Entry<String, List<PrefetchBuffer.Held>> e : byQueue(buffer.removeIdle(now)).entrySet()) {
                changeVisibilityBatch(e.getKey(), e.getValue(), true);
            }
            for (Map.Entry<String, List<PrefetchBuffer.Held>> e : byQueue(buffer.dueForExtension(now)).entrySet()) {
                changeVisibilityBatch(e.getKey(), e.getValue(), false);
            }
        } catch (JMSException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not extend the visibility of prefetched messages; they may be "
                    + "delivered to another consumer as well: " + e.getMessage());
        }
    }

    private static Map<String, List<PrefetchBuffer.Held>> byQueue(List<PrefetchBuffer.Held> messages) {
        Map<String, List<PrefetchBuffer.Held>> out = new java.util.LinkedHashMap<>();
        for (PrefetchBuffer.Held h : messages) {
            out.computeIfAbsent(h.message.queue(), q -> new ArrayList<>()).add(h);
        }
        return out;
    }

    /**
     * ChangeMessageVisibilityBatch, 10 at a time: to 0 ({@code release}) or to each message's own timeout
     * (an extension). Answers the receipt handles SQS refused: such a message is no longer held by this
     * backend (it went back to the queue), which for a release is what was wanted anyway.
     */
    private Set<String> changeVisibilityBatch(String queue, List<PrefetchBuffer.Held> messages, boolean release)
            throws JMSException {
        String url = url(queue);
        Set<String> refused = new java.util.HashSet<>();
        for (List<PrefetchBuffer.Held> chunk : Batches.of(messages, h -> 0)) {
            List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                PrefetchBuffer.Held h = chunk.get(i);
                entries.add(ChangeMessageVisibilityBatchRequestEntry.builder().id("m" + i)
                        .receiptHandle(h.message.receiptHandle())
                        .visibilityTimeout(release ? 0 : h.visibilitySeconds).build());
            }
            long now = System.nanoTime();
            var r = call("changing the visibility of messages of queue " + queue, queue,
                    () -> sqs.changeMessageVisibilityBatch(b -> b.queueUrl(url).entries(entries)));
            r.failed().forEach(f -> refused.add(chunk.get(Integer.parseInt(f.id().substring(1))).message.receiptHandle()));
            chunk.forEach(h -> h.extended(now));
        }
        return refused;
    }

    // ---- acknowledging and releasing --------------------------------------------------------------------

    @Override
    public void delete(String queue, List<String> receiptHandles) throws JMSException {
        List<String> stale = deleteBatch(queue, receiptHandles);
        if (!stale.isEmpty()) {
            throw new JMSException(description + " could not delete " + stale.size() + " of " + receiptHandles.size()
                    + " message(s) of queue " + queue + ": their receipt handles are no longer valid (deleted already, "
                    + "or their visibility timeout ended and they were received again)", SqsErrors.STALE_RECEIPT);
        }
    }

    /**
     * DeleteMessageBatch, 10 at a time, retrying entries SQS failed on its side; answers the receipt handles
     * that were stale (a delete of those can never succeed, and needs not: see Releaser.noLongerHeld).
     */
    List<String> deleteBatch(String queue, List<String> receiptHandles) throws JMSException {
        String url = url(queue);
        List<String> stale = new ArrayList<>();
        for (List<String> chunk : Batches.of(receiptHandles, h -> 0)) {
            List<String> pending = chunk;
            for (int attempt = 1; !pending.isEmpty(); attempt++) {
                List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
                for (int i = 0; i < pending.size(); i++) {
                    entries.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(i))
                            .receiptHandle(pending.get(i)).build());
                }
                DeleteMessageBatchResponse r = call("deleting messages of queue " + queue, queue,
                        () -> sqs.deleteMessageBatch(b -> b.queueUrl(url).entries(entries)));
                List<String> retry = new ArrayList<>();
                for (var failed : r.failed()) {
                    String handle = pending.get(Integer.parseInt(failed.id()));
                    JMSException e = errors.entryFailure("deleting a message of queue " + queue, queue, failed.code(),
                            failed.message(), Boolean.TRUE.equals(failed.senderFault()));
                    if (SqsErrors.STALE_RECEIPT.equals(e.getErrorCode())) {
                        stale.add(handle);
                    } else if (Boolean.TRUE.equals(failed.senderFault()) || attempt >= maxAttempts) {
                        throw e;
                    } else {
                        retry.add(handle);
                    }
                }
                pending = retry;
                if (!pending.isEmpty()) {
                    BestEffortCommit.backOff(attempt);
                }
            }
        }
        return stale;
    }

    @Override
    public void changeVisibility(String queue, String receiptHandle, int seconds) throws JMSException {
        call("changing the visibility of a message of queue " + queue, queue,
                () -> sqs.changeMessageVisibility(r -> r.queueUrl(urls.url(queue)).receiptHandle(receiptHandle)
                        .visibilityTimeout(seconds)));
    }

    @Override
    public List<IncomingMessage> browse(String queue, MessagePredicate filter, int limit) throws JMSException {
        throw new JMSException("Unsupported feature: queue browsing. " + description + " can only receive.",
                "UnsupportedCapability");
    }

    @Override
    public List<SendReceipt> commit(Transaction transaction) throws JMSException {
        checkOpen();
        return new BestEffortCommit(this, sqs, errors, maxAttempts).commit(transaction);
    }

    // ---- plumbing ---------------------------------------------------------------------------------------

    String url(String queue) throws JMSException {
        return call("looking up queue " + queue, queue, () -> urls.url(queue));
    }

    @FunctionalInterface
    interface SqsCall<T> {
        T run();
    }

    /** Runs an SDK call (already retried by the SDK's strategy) and turns its failure into the right JMSException. */
    <T> T call(String what, String queue, SqsCall<T> call) throws JMSException {
        try {
            return call.run();
        } catch (SdkException e) {
            if (queue != null && SqsErrors.isMissingQueue(SqsErrors.shortCode(code(e)))) {
                urls.forget(queue);
            }
            throw errors.translate(what, queue, e);
        }
    }

    private void checkOpen() throws JMSException {
        if (closed) {
            throw closedError();
        }
    }

    private JMSException closedError() {
        return new jakarta.jms.IllegalStateException("The connection to " + description + " is closed.");
    }

    /**
     * Gives prefetched messages back (visibility 0) and closes the SDK client. A long poll still running
     * (its consumer was interrupted) ends by itself within 20 s and gives back what it got; the client is
     * closed after it, on a background thread, so closing a connection does not wait for SQS.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (timer != null) {
            timer.shutdownNow();
        }
        byQueue(buffer.removeAll(null)).forEach((queue, held) -> {
            try {
                changeVisibilityBatch(queue, held, true);
            } catch (JMSException e) {
                LOG.log(System.Logger.Level.WARNING, "Could not give back " + held.size() + " prefetched message(s) of "
                        + queue + "; they return after their visibility timeout: " + e.getMessage());
            }
        });
        pollers.shutdown();
        if (pollsInFlight.get() == 0) {
            sqs.close();
            return;
        }
        Thread closer = new Thread(() -> {
            try {
                pollers.awaitTermination(MAX_WAIT_SECONDS + 15, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                sqs.close();
            }
        }, "sluice-sqs-close-" + THREADS.incrementAndGet());
        closer.setDaemon(true);
        closer.start();
    }
}
