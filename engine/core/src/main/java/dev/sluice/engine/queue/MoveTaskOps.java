package dev.sluice.engine.queue;

import dev.sluice.engine.error.SqsError;
import dev.sluice.engine.error.SqsException;
import dev.sluice.engine.model.MoveTask;
import dev.sluice.engine.store.StoreOp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * StartMessageMoveTask, ListMessageMoveTasks and CancelMessageMoveTask: moving the messages of a
 * dead-letter queue back to their source queues (or to one destination) in the background.
 */
public final class MoveTaskOps implements AutoCloseable {

    private static final int BATCH = 10;

    private final EngineContext ctx;
    private final RedriveOps redrive;
    private final Map<String, Task> tasks = new ConcurrentHashMap<>();
    private final ExecutorService runner = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "sluice-move-task");
        t.setDaemon(true);
        return t;
    });

    public MoveTaskOps(EngineContext ctx, RedriveOps redrive) {
        this.ctx = ctx;
        this.redrive = redrive;
    }

    private static final class Task {
        final String id;
        final String handle;
        final String sourceArn;
        final String destinationArn;
        final Integer maxPerSecond;
        final long startedAt;
        final long toMove;
        volatile long moved;
        volatile String status = "RUNNING";
        volatile String failureReason;

        Task(String id, String handle, String sourceArn, String destinationArn, Integer maxPerSecond, long startedAt,
             long toMove) {
            this.id = id;
            this.handle = handle;
            this.sourceArn = sourceArn;
            this.destinationArn = destinationArn;
            this.maxPerSecond = maxPerSecond;
            this.startedAt = startedAt;
            this.toMove = toMove;
        }

        MoveTask view() {
            return new MoveTask(handle, status, sourceArn, destinationArn, maxPerSecond, moved, toMove,
                    failureReason, startedAt);
        }
    }

    public String start(String sourceArn, String destinationArn, Integer maxPerSecond) {
        Queue source = queueFor(sourceArn, "SourceArn");
        Queue destination = destinationArn == null ? null : queueFor(destinationArn, "DestinationArn");
        boolean isDeadLetterQueue = ctx.queues.all().stream().anyMatch(q -> q.settings().redrivePolicy() != null
                && q.settings().redrivePolicy().deadLetterQueueName().equals(source.name()));
        if (!isDeadLetterQueue) {
            throw new SqsException(SqsError.INVALID_PARAMETER_VALUE,
                    "Source queue must be configured as a Dead Letter Queue.");
        }
        if (maxPerSecond != null && (maxPerSecond < 1 || maxPerSecond > 500)) {
            throw SqsException.invalidParameter("MaxNumberOfMessagesPerSecond", maxPerSecond,
                    "Must be between 1 and 500, if provided.");
        }
        synchronized (tasks) {
            if (tasks.values().stream().anyMatch(t -> t.sourceArn.equals(sourceArn) && t.status.equals("RUNNING"))) {
                throw new SqsException(SqsError.INVALID_PARAMETER_VALUE, "There is already a task running. Only one "
                        + "active task is allowed for a source queue arn at a given time.");
            }
            long toMove;
            source.lock.lock();
            try {
                source.releaseDue(ctx.now());
                toMove = source.approximateVisible();
            } finally {
                source.lock.unlock();
            }
            String id = UUID.randomUUID().toString();
            String handle = Base64.getEncoder().encodeToString((id + "\n" + sourceArn).getBytes(StandardCharsets.UTF_8));
            Task task = new Task(id, handle, sourceArn, destinationArn, maxPerSecond, ctx.now(), toMove);
            tasks.put(id, task);
            runner.execute(() -> run(task, source, destination));
            return handle;
        }
    }

    public List<MoveTask> list(String sourceArn, Integer maxResults) {
        queueFor(sourceArn, "SourceArn");
        int max = maxResults == null ? 1 : maxResults;
        if (max < 1 || max > 10) {
            throw SqsException.invalidParameter("MaxResults", max, "Must be between 1 and 10, if provided.");
        }
        return tasks.values().stream().filter(t -> t.sourceArn.equals(sourceArn))
                .sorted(Comparator.comparingLong((Task t) -> t.startedAt).reversed())
                .limit(max).map(Task::view).toList();
    }

    /** Cancels a running task; answers how many messages it had moved. */
    public long cancel(String taskHandle) {
        String[] parts;
        try {
            parts = new String(Base64.getDecoder().decode(taskHandle == null ? "" : taskHandle),
                    StandardCharsets.UTF_8).split("\n", -1);
        } catch (IllegalArgumentException e) {
            parts = new String[0];
        }
        if (parts.length != 2 || !Arns.isQueueArn(parts[1])) {
            throw new SqsException(SqsError.INVALID_PARAMETER_VALUE, "Value for parameter TaskHandle is invalid.");
        }
        if (ctx.queues.find(Arns.queueName(parts[1])) == null) {
            throw notFound("SourceArn");
        }
        Task task = tasks.get(parts[0]);
        if (task == null) {
            throw new SqsException(SqsError.RESOURCE_NOT_FOUND, "Task does not exist.");
        }
        synchronized (task) {
            if (!task.status.equals("RUNNING")) {
                throw new SqsException(SqsError.INVALID_PARAMETER_VALUE, "Only active tasks can be cancelled.");
            }
            task.status = "CANCELLING";
        }
        return task.moved;
    }

    private Queue queueFor(String arn, String parameter) {
        if (!Arns.isQueueArn(arn)) {
            throw new SqsException(SqsError.INVALID_PARAMETER_VALUE, "You must use this format to specify the "
                    + parameter + ": arn:<partition>:<service>:<region>:<account-id>:<resource-id>");
        }
        Queue q = arn.equals(ctx.arnOf(Arns.queueName(arn))) ? ctx.queues.find(Arns.queueName(arn)) : null;
        if (q == null) {
            throw notFound(parameter);
        }
        return q;
    }

    private static SqsException notFound(String parameter) {
        return new SqsException(SqsError.RESOURCE_NOT_FOUND,
                "The resource that you specified for the " + parameter + " parameter doesn't exist.");
    }

    private void run(Task task, Queue source, Queue destination) {
        try {
            long windowStart = System.nanoTime();
            long movedInWindow = 0;
            while (task.status.equals("RUNNING") && task.moved < task.toMove && !source.deleted()) {
                if (task.maxPerSecond != null && movedInWindow >= task.maxPerSecond) {
                    long elapsed = System.nanoTime() - windowStart;
                    // Rate limiting is the one place real time matters: the API promises messages per second.
                    TimeUnit.NANOSECONDS.sleep(Math.max(0, TimeUnit.SECONDS.toNanos(1) - elapsed));
                    windowStart = System.nanoTime();
                    movedInWindow = 0;
                }
                int room = (int) Math.min(BATCH, task.toMove - task.moved);
                if (task.maxPerSecond != null) {
                    room = (int) Math.min(room, task.maxPerSecond - movedInWindow);
                }
                int n = moveBatch(source, destination, room);
                if (n == 0) {
                    break;
                }
                task.moved += n;
                movedInWindow += n;
            }
            synchronized (task) {
                task.status = task.status.equals("CANCELLING") ? "CANCELLED"
                        : source.deleted() ? "FAILED" : "COMPLETED";
                if (source.deleted()) {
                    task.failureReason = "The source queue was deleted.";
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            task.status = "CANCELLED";
        } catch (RuntimeException e) {
            task.failureReason = e.getMessage();
            task.status = "FAILED";
        }
    }

    private int moveBatch(Queue source, Queue destination, int max) {
        List<Entry> taken;
        CompletableFuture<Void> expiredGone = null;
        source.lock.lock();
        try {
            if (source.deleted()) {
                return 0;
            }
            long now = ctx.now();
            source.releaseDue(now);
            ctx.pageIn(source);
            List<Entry> expired = new ArrayList<>();
            taken = source.candidates(max, null, now, expired);
            taken.forEach(e -> redrive.take(source, e));
            if (!expired.isEmpty()) {
                // past their retention: they are dropped, not moved
                List<StoreOp> ops = new ArrayList<>();
                for (Entry e : expired) {
                    source.remove(e);
                    ops.add(new StoreOp.DeleteMessage(e.id, e.seq, source.name()));
                }
                expiredGone = ctx.store.submit(ops);
            }
        } finally {
            source.lock.unlock();
        }
        if (expiredGone != null) {
            ctx.awaitDurable(expiredGone);
        }
        for (Entry e : taken) {
            // with nowhere to go it stays in the dead-letter queue
            redrive.moveTaken(source, destination != null ? destination : ctx.queues.find(e.deadLetterSource),
                    List.of(e), null);
        }
        return taken.size();
    }

    @Override
    public void close() {
        tasks.values().forEach(t -> {
            if (t.status.equals("RUNNING")) {
                t.status = "CANCELLING";
            }
        });
        runner.shutdown();
    }
}
