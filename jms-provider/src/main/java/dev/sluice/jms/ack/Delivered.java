package dev.sluice.jms.ack;

/** A message handed to the application: what it takes to acknowledge it (delete) or release it. */
public record Delivered(String queue, String receiptHandle, int deliveryCount) {
}
