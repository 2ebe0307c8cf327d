package dev.sluice.jms.sqs;

import dev.sluice.jms.backend.OutgoingMessage;
import dev.sluice.jms.backend.SendReceipt;
import jakarta.jms.JMSException;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Client-side batching of concurrent sends: while one send to a queue is on its way, the sends other threads make
 * to that queue wait and then go together in one SendMessageBatch (≤10 entries, ≤1 MiB). Each caller still
 * returns only once its own message was stored, with its own receipt or error. No linger: a lone sender is never
 * delayed, and batches form only when senders would otherwise queue up behind each other.
 */
final class SendBatcher {

    /** Sends one batch (a single message alone: SendMessage); fills in each entry's outcome. */
    @FunctionalInterface
    interface BatchSender {
        void send(String queue, List<Pending> batch);
    }

    /** One caller's message and, once sent, its receipt or failure. */
    static final class Pending {
        final OutgoingMessage message;
        SendReceipt receipt;
        JMSException failure;
        boolean done;

        Pending(OutgoingMessage message) {
            this.message = message;
        }
    }

    private static final class Lane {
        final Deque<Pending> waiting = new ArrayDeque<>();
        boolean sending;
    }

    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
    private final BatchSender sender;

    SendBatcher(BatchSender sender) {
        this.sender = sender;
    }

    /** Sends waiting for their batch on the queue (for tests and diagnostics). */
    int waiting(String queue) {
        Lane lane = lanes.get(queue);
        if (lane == null) {
            return 0;
        }
        synchronized (lane) {
            return lane.waiting.size();
        }
    }

    SendReceipt send(String queue, OutgoingMessage message) throws JMSException {
        Lane lane = lanes.computeIfAbsent(queue, q -> new Lane());
        Pending mine = new Pending(message);
        boolean interrupted = false;
        synchronized (lane) {
            lane.waiting.addLast(mine);
        }
        try {
            while (true) {
                List<Pending> batch;
                synchronized (lane) {
                    while (!mine.done && lane.sending) {
                        try {
                            lane.wait();
                        } catch (InterruptedException e) {
                            interrupted = true; // the send is under way for this caller too: see it through
                        }
                    }
                    if (mine.done) {
                        break;
                    }
                    // this caller leads the next batch: the oldest waiting sends, its own among them or ahead of it
                    lane.sending = true;
                    batch = take(lane.waiting);
                }
                try {
                    sender.send(queue, batch);
                } catch (RuntimeException e) {
                    JMSException j = new JMSException("Sending to queue " + queue + " failed: " + e);
                    j.setLinkedException(e);
                    batch.stream().filter(p -> !p.done).forEach(p -> p.failure = j);
                } finally {
                    synchronized (lane) {
                        batch.forEach(p -> p.done = true);
                        lane.sending = false;
                        lane.notifyAll();
                    }
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
        return mine.receipt;
    }

    /** Up to 10 waiting sends within 1 MiB, oldest first (at least one, whatever its size). */
    private static List<Pending> take(Deque<Pending> waiting) {
        List<Pending> batch = new ArrayList<>();
        long bytes = 0;
        while (!waiting.isEmpty() && batch.size() < Batches.MAX_ENTRIES) {
            Pending next = waiting.peekFirst();
            long size = WireAttributes.size(next.message.body(), next.message.attributes());
            if (!batch.isEmpty() && bytes + size > Batches.MAX_BYTES) {
                break;
            }
            batch.add(waiting.pollFirst());
            bytes += size;
        }
        return batch;
    }
}
