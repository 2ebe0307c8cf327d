package dev.sluice.jms.backend;

/** What a send answers: the SQS MessageId (JMSMessageID is {@code ID:} + it) and, on FIFO, the sequence number. */
public record SendReceipt(String messageId, String sequenceNumber) {
}
