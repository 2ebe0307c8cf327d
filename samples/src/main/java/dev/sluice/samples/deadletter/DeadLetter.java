package dev.sluice.samples.deadletter;

/** What the inspection of a dead letter shows: which payment, how often it was tried, its body as sent. */
public record DeadLetter(String paymentId, String amount, int deliveryCount, String messageId, String body) {
}
