package dev.sluice.jms.sqs;

import dev.sluice.jms.backend.OutgoingMessage;
import dev.sluice.jms.backend.SendReceipt;
import dev.sluice.jms.backend.Transaction;
import jakarta.jms.JMSException;
import jakarta.jms.TransactionRolledBackException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResultEntry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A transacted session's commit on SQS, which has no transactions: best effort, in an order that can
 * duplicate but never lose.
 * <ol>
 * <li>Every queue is looked up first: a missing one fails the commit before anything happened
 * (TransactionRolledBackException).</li>
 * <li>The buffered sends, in send order, as SendMessageBatch calls (≤10 entries, ≤1 MiB). Entries SQS failed
 * on its side are retried with back-off (a failed entry was not stored, so that retry cannot duplicate it).
 * If sending stops part-way, the commit fails with a JMSException that says how many sends were made; if it
 * stops before the first, with TransactionRolledBackException.</li>
 * <li>Then the received messages are deleted (DeleteMessageBatch, retried the same way; deleting is
 * idempotent). A message whose receipt handle went stale (its visibility timeout ended) cannot be deleted: it
 * is delivered again, and the commit says so.</li>
 * </ol>
 * A crash between 2 and 3 leaves the sends made and the received messages to be delivered again: duplicates,
 * no loss. See docs/sqs-backend.md.
 */
final class BestEffortCommit {

    private final SqsBackend backend;
    private final SqsClient sqs;
    private final SqsErrors errors;
    private final int maxAttempts;

    BestEffortCommit(SqsBackend backend, SqsClient sqs, SqsErrors errors, int maxAttempts) {
        this.backend = backend;
        this.sqs = sqs;
        this.errors = errors;
        this.maxAttempts = maxAttempts;
    }

    List<SendReceipt> commit(Transaction tx) throws JMSException {
        try {
            for (Transaction.Send s : tx.sends()) {
                backend.url(s.queue());
            }
            for (Transaction.Ack a : tx.acks()) {
                backend.url(a.queue());
            }
        } catch (JMSException e) {
            throw rolledBack("a queue of the transaction cannot be used: " + e.getMessage(), e);
        }
        List<SendReceipt> receipts = send(tx.sends());
        deleteReceived(tx.acks(), receipts.size());
        return receipts;
    }

    // ---- sends --------------------------------------------------------------------------------------------

    private record Indexed(int index, Transaction.Send send) {
    }

    private List<SendReceipt> send(List<Transaction.Send> sends) throws JMSException {
        SendReceipt[] receipts = new SendReceipt[sends.size()];
        int done = 0;
        // runs of consecutive sends to one queue, so the order of the whole transaction is kept
        List<List<Indexed>> runs = new ArrayList<>();
        for (int i = 0; i < sends.size(); i++) {
            Indexed x = new Indexed(i, sends.get(i));
            if (runs.isEmpty() || !runs.get(runs.size() - 1).get(0).send().queue().equals(x.send().queue())) {
                runs.add(new ArrayList<>());
            }
            runs.get(runs.size() - 1).add(x);
        }
        for (List<Indexed> run : runs) {
            String queue = run.get(0).send().queue();
            for (List<Indexed> batch : Batches.of(run, x -> WireAttributes.size(x.send().message().body(),
                    x.send().message().attributes()))) {
                try {
                    sendBatch(queue, batch, receipts);
                } catch (JMSException e) {
                    done += (int) batch.stream().filter(x -> receipts[x.index()] != null).count();
                    if (done == 0) {
                        throw rolledBack("no send was made: " + e.getMessage(), e);
                    }
                    JMSException partial = new JMSException("The transaction was only partly committed on "
                            + backend.describe() + " (SQS has no transactions): " + done + " of " + sends.size()
                            + " sends were made, then: " + e.getMessage() + ". No received message was acknowledged: "
                            + "they will be delivered again.", "PartialCommit");
                    partial.setLinkedException(e);
                    throw partial;
                }
                done += batch.size();
            }
        }
        return List.of(receipts);
    }

    private void sendBatch(String queue, List<Indexed> batch, SendReceipt[] receipts) throws JMSException {
        String url = backend.url(queue);
        boolean fifo = SqsBackend.isFifo(queue);
        Map<String, Indexed> pending = new LinkedHashMap<>();
        batch.forEach(x -> pending.put(Integer.toString(x.index()), x));
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            pending.forEach((id, x) -> entries.add(entry(id, x.send().message(), fifo)));
            SendMessageBatchResponse r = backend.call("sending a batch to queue " + queue, queue,
                    () -> sqs.sendMessageBatch(b -> b.queueUrl(url).entries(entries)));
            for (SendMessageBatchResultEntry ok : r.successful()) {
                Indexed x = pending.remove(ok.id());
                receipts[x.index()] = new SendReceipt(ok.messageId(), ok.sequenceNumber());
            }
            for (BatchResultErrorEntry failed : r.failed()) {
                if (Boolean.TRUE.equals(failed.senderFault()) || attempt >= maxAttempts) {
                    throw errors.entryFailure("sending to queue " + queue, queue, failed.code(), failed.message(),
                            Boolean.TRUE.equals(failed.senderFault()));
                }
            }
            if (!pending.isEmpty() && attempt >= maxAttempts) {
                // an answer that names neither success nor failure for an entry: do not ask forever
                throw new JMSException(backend.describe() + " answered no outcome for " + pending.size()
                        + " message(s) sent to queue " + queue + " in a SendMessageBatch, " + attempt + " times");
            }
            if (!pending.isEmpty()) {
                backOff(attempt);
            }
        }
    }

    /** A SendMessageBatch entry; MessageGroupId and MessageDeduplicationId go only to a FIFO queue. */
    static SendMessageBatchRequestEntry entry(String id, OutgoingMessage m, boolean fifo) {
        return SendMessageBatchRequestEntry.builder()
                .id(id)
                .messageBody(m.body())
                .delaySeconds(m.delaySecondsParameter())
                .messageAttributes(WireAttributes.toSdk(m.attributes()))
                .messageGroupId(fifo ? m.groupId() : null)
                .messageDeduplicationId(fifo ? m.deduplicationId() : null)
                .build();
    }

    // ---- deletes ------------------------------------------------------------------------------------------

    private void deleteReceived(List<Transaction.Ack> acks, int sent) throws JMSException {
        Map<String, List<String>> byQueue = new LinkedHashMap<>();
        acks.forEach(a -> byQueue.computeIfAbsent(a.queue(), q -> new ArrayList<>()).add(a.receiptHandle()));
        int stale = 0;
        for (Map.Entry<String, List<String>> e : byQueue.entrySet()) {
            try {
                stale += backend.deleteBatch(e.getKey(), e.getValue()).size();
            } catch (JMSException failure) {
                JMSException j = new JMSException("The transaction's " + sent + " send(s) were made on "
                        + backend.describe() + ", but acknowledging its received messages failed: "
                        + failure.getMessage() + ". Those not deleted will be delivered again.", "PartialCommit");
                j.setLinkedException(failure);
                throw j;
            }
        }
        if (stale > 0) {
            throw new JMSException("The transaction's " + sent + " send(s) were made on " + backend.describe() + ", but "
                    + stale + " of its " + acks.size() + " received message(s) could not be acknowledged: their "
                    + "visibility timeout had ended, so they will be (or were) delivered again. Commit within the "
                    + "visibility timeout, or raise it.", "PartialCommit");
        }
    }

    private JMSException rolledBack(String why, JMSException cause) {
        TransactionRolledBackException e = new TransactionRolledBackException("The transaction was rolled back on "
                + backend.describe() + ": " + why, cause.getErrorCode());
        e.setLinkedException(cause);
        return e;
    }

    /** 100 ms, 200 ms, 400 ms … (at most 5 s) between retries of failed batch entries. */
    static void backOff(int attempt) throws JMSException {
        if (pauseBeforeRetry(attempt)) {
            Thread.currentThread().interrupt();
            throw new JMSException("Interrupted while retrying a batch");
        }
    }

    /** Sleeps before retry {@code attempt}; true if the sleep was interrupted (the flag is then cleared). */
    static boolean pauseBeforeRetry(int attempt) {
        try {
            Thread.sleep(Math.min(5_000, 100L << Math.min(6, attempt - 1)));
            return false;
        } catch (InterruptedException e) {
            return true;
        }
    }
}
