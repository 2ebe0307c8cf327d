package dev.sluice.engine.model;

import java.util.List;

/**
 * ReceiveMessage.
 *
 * @param maxNumberOfMessages       1–10, {@code null} for 1
 * @param visibilityTimeout         {@code null} for the queue's
 * @param waitTimeSeconds           long polling, 0–20, {@code null} for the queue's ReceiveMessageWaitTimeSeconds
 * @param attributeNames            system attributes to return ({@code All} or names); both AttributeNames and
 *                                  MessageSystemAttributeNames of the API end up here
 * @param messageAttributeNames     message attributes to return: {@code All}, {@code .*}, names or {@code prefix.*}
 * @param receiveRequestAttemptId   FIFO: a retried receive with the same id returns the same messages
 * @param filter                    Sluice extension: only messages it accepts are received; the others stay
 *                                  available to other receivers. {@code null} accepts all.
 * @param waitTimeMillis            Sluice extension: long polling in milliseconds (0–20,000), for JMS's
 *                                  millisecond receive timeouts; when set it replaces waitTimeSeconds
 */
public record ReceiveMessageRequest(String queue, Integer maxNumberOfMessages, Integer visibilityTimeout,
                                    Integer waitTimeSeconds, List<String> attributeNames,
                                    List<String> messageAttributeNames, String receiveRequestAttemptId,
                                    MessageFilter filter, Long waitTimeMillis) {

    public ReceiveMessageRequest {
        attributeNames = attributeNames == null ? List.of() : attributeNames;
        messageAttributeNames = messageAttributeNames == null ? List.of() : messageAttributeNames;
    }

    /** A request as the SQS API has it, without the millisecond extension. */
    public ReceiveMessageRequest(String queue, Integer maxNumberOfMessages, Integer visibilityTimeout,
                                 Integer waitTimeSeconds, List<String> attributeNames,
                                 List<String> messageAttributeNames, String receiveRequestAttemptId,
                                 MessageFilter filter) {
        this(queue, maxNumberOfMessages, visibilityTimeout, waitTimeSeconds, attributeNames, messageAttributeNames,
                receiveRequestAttemptId, filter, null);
    }

    public ReceiveMessageRequest withWaitTimeMillis(Long millis) {
        return new ReceiveMessageRequest(queue, maxNumberOfMessages, visibilityTimeout, waitTimeSeconds,
                attributeNames, messageAttributeNames, receiveRequestAttemptId, filter, millis);
    }

    public static ReceiveMessageRequest of(String queue) {
        return new ReceiveMessageRequest(queue, null, null, null, List.of(), List.of(), null, null);
    }

    /** Up to {@code max} messages with every attribute, no waiting beyond the queue's default. */
    public static ReceiveMessageRequest all(String queue, int max) {
        return new ReceiveMessageRequest(queue, max, null, null, List.of("All"), List.of("All"), null, null);
    }

    public ReceiveMessageRequest withMax(Integer max) {
        return new ReceiveMessageRequest(queue, max, visibilityTimeout, waitTimeSeconds, attributeNames,
                messageAttributeNames, receiveRequestAttemptId, filter, waitTimeMillis);
    }

    public ReceiveMessageRequest withVisibilityTimeout(Integer seconds) {
        return new ReceiveMessageRequest(queue, maxNumberOfMessages, seconds, waitTimeSeconds, attributeNames,
                messageAttributeNames, receiveRequestAttemptId, filter, waitTimeMillis);
    }

    public ReceiveMessageRequest withWaitTimeSeconds(Integer seconds) {
        return new ReceiveMessageRequest(queue, maxNumberOfMessages, visibilityTimeout, seconds, attributeNames,
                messageAttributeNames, receiveRequestAttemptId, filter, waitTimeMillis);
    }

    public ReceiveMessageRequest withAttributeNames(List<String> names) {
        return new ReceiveMessageRequest(queue, maxNumberOfMessages, visibilityTimeout, waitTimeSeconds, names,
                messageAttributeNames, receiveRequestAttemptId, filter, waitTimeMillis);
    }

    public ReceiveMessageRequest withMessageAttributeNames(List<String> names) {
        return new ReceiveMessageRequest(queue, maxNumberOfMessages, visibilityTimeout, waitTimeSeconds,
                attributeNames, names, receiveRequestAttemptId, filter, waitTimeMillis);
    }

    public ReceiveMessageRequest withAttemptId(String attemptId) {
        return new ReceiveMessageRequest(queue, maxNumberOfMessages, visibilityTimeout, waitTimeSeconds,
                attributeNames, messageAttributeNames, attemptId, filter, waitTimeMillis);
    }

    public ReceiveMessageRequest withFilter(MessageFilter f) {
        return new ReceiveMessageRequest(queue, maxNumberOfMessages, visibilityTimeout, waitTimeSeconds,
                attributeNames, messageAttributeNames, receiveRequestAttemptId, f, waitTimeMillis);
    }
}
