package dev.sluice.jms.backend;

import java.util.List;

/**
 * What a transacted session commits: the sends it buffered and the receipt handles of the messages it
 * consumed.
 */
public record Transaction(List<Send> sends, List<Ack> acks) {

    public record Send(String queue, OutgoingMessage message) {
    }

    public record Ack(String queue, String receiptHandle) {
    }

    public Transaction {
        sends = List.copyOf(sends);
        acks = List.copyOf(acks);
    }

    public boolean isEmpty() {
        return sends.isEmpty() && acks.isEmpty();
    }
}
