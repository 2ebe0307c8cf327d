package dev.sluice.jms.backend;

import java.util.List;

/**
 * What a transacted session commits: the sends it buffered and the receipt handles of the messages it
 * consumed.
 */
public record Transaction(List<Send> sends, List<Ack> acks) {

    /**
     * A buffered send; with a {@code publication} it is a publish and {@code queue} is the topic's name, fanned
     * out to the topic's subscriptions at commit.
     */
    public record Send(String queue, OutgoingMessage message, Publication publication) {
        public Send(String queue, OutgoingMessage message) {
            this(queue, message, null);
        }
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
