package dev.sluice.jms.ack;

import dev.sluice.jms.backend.OutgoingMessage;
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
    private final List<Buffered> sends = new ArrayList<>();

    /**
     * A send waiting for the commit: {@code sentAt} is when it was made, in the backend's time (its delivery delay
     * runs from then); {@code onCommitted} gets its receipt.
     */
    private record Buffered(Transaction.Send send, long sentAt, Consumer<SendReceipt> onCommitted) {
    }

    public TransactedAcknowledger(QueueBackend backend, Releaser releaser) {
        this.backend = backend;
        this.releaser = releaser;
    }

    /** Buffers a send until commit; {@code onCommitted} gets its receipt once it is committed. */
    public synchronized void send(Transaction.Send send, Consumer<SendReceipt> onCommitted) {
        sends.add(new Buffered(send, backend.currentTimeMillis(), onCommitted));
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
        long now = backend.currentTimeMillis();
        Transaction tx = new Transaction(sends.stream().map(b -> delayFromTheSend(b.send(), now - b.sentAt())).toList(),
                consumed.stream().map(d -> new Transaction.Ack(d.queue(), d.receiptHandle())).toList());
        List<Consumer<SendReceipt>> callbacks = sends.stream().map(Buffered::onCommitted).toList();
        List<Delivered> toRelease = new ArrayList<>(consumed);
        sends.clear();
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

    /**
     * Jakarta Messaging 3.4.13: a transacted send's delivery time is the time of the send plus the delivery delay,
     * not the time of the commit. The time the transaction was open is taken off the delay (DelaySeconds, rounded
     * up, so never early); a commit after the delivery time makes the message available at once.
     */
    static Transaction.Send delayFromTheSend(Transaction.Send s, long elapsedMillis) {
        OutgoingMessage m = s.message();
        if (m.delaySeconds() == 0 || elapsedMillis <= 0) {
            return s;
        }
        long remainingMillis = Math.max(0, m.delaySeconds() * 1000L - elapsedMillis);
        int delaySeconds = remainingMillis == 0 ? OutgoingMessage.DUE_NOW : (int) ((remainingMillis + 999) / 1000);
        OutgoingMessage due = new OutgoingMessage(m.body(), m.attributes(), delaySeconds, m.groupId(),
                m.deduplicationId(), m.priority(), m.messageId());
        return new Transaction.Send(s.queue(), due, s.publication());
    }

    public synchronized void rollback() throws JMSException {
        sends.clear();
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
