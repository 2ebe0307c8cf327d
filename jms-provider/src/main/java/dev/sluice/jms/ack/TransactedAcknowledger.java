package dev.sluice.jms.ack;

import dev.sluice.jms.backend.QueueBackend;
import dev.sluice.jms.backend.SendReceipt;
import dev.sluice.jms.backend.Transaction;
import jakarta.jms.JMSException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * SESSION_TRANSACTED: sends are buffered and received messages remembered; commit deletes the received
 * messages and sends the buffered ones as one unit (atomically on the embedded engine), rollback discards
 * the sends and releases the received messages for redelivery.
 */
public final class TransactedAcknowledger implements Acknowledger {

    private final QueueBackend backend;
    private final Releaser releaser;
    private final List<Delivered> consumed = new ArrayList<>();
    private final List<Transaction.Send> sends = new ArrayList<>();
    private final List<Consumer<SendReceipt>> afterCommit = new ArrayList<>();

    public TransactedAcknowledger(QueueBackend backend, Releaser releaser) {
        this.backend = backend;
        this.releaser = releaser;
    }

    /** Buffers a send until commit; {@code onCommitted} gets its receipt once it is committed. */
    public synchronized void send(Transaction.Send send, Consumer<SendReceipt> onCommitted) {
        sends.add(send);
        afterCommit.add(onCommitted);
    }

    @Override
    public synchronized void received(Delivered d) {
        consumed.add(d);
    }

    @Override
    public void handedToListener(Delivered d) {
        received(d);
    }

    @Override
    public void listenerReturned(Delivered d) {
        // counted when handed over; the application acknowledges (or commits) it
    }

    @Override
    public void listenerThrew(Delivered d) {
        // stays unacknowledged: recover/rollback or the visibility timeout brings it back
    }

    @Override
    public void acknowledge() {
        // in a transacted session, commit acknowledges
    }

    public synchronized void commit() throws JMSException {
        Transaction tx = new Transaction(sends, consumed.stream()
                .map(d -> new Transaction.Ack(d.queue(), d.receiptHandle())).toList());
        List<Consumer<SendReceipt>> callbacks = new ArrayList<>(afterCommit);
        List<Delivered> toRelease = new ArrayList<>(consumed);
        sends.clear();
        afterCommit.clear();
        consumed.clear();
        if (tx.isEmpty()) {
            return;
        }
        List<SendReceipt> receipts;
        try {
            receipts = backend.commit(tx);
        } catch (JMSException e) {
            releaser.releaseAll(toRelease);
            throw e;
        }
        for (int i = 0; i < callbacks.size() && i < receipts.size(); i++) {
            callbacks.get(i).accept(receipts.get(i));
        }
    }

    public synchronized void rollback() throws JMSException {
        sends.clear();
        afterCommit.clear();
        List<Delivered> all = new ArrayList<>(consumed);
        consumed.clear();
        releaser.releaseAll(all);
    }

    @Override
    public void recover() throws JMSException {
        rollback();
    }

    @Override
    public void close() throws JMSException {
        rollback();
    }
}
