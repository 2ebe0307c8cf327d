package dev.sluice.jms;

import jakarta.jms.IllegalStateException;

/**
 * The messaging domain a session was created for. A session from createSession serves both; one from
 * createQueueSession refuses topic methods and one from createTopicSession queue methods, with an
 * IllegalStateException, as the QueueSession and TopicSession contracts require.
 */
enum SessionDomain {
    ANY, QUEUE, TOPIC;

    void requireTopics(String method) throws IllegalStateException {
        if (this == QUEUE) {
            throw new IllegalStateException(method + " is a topic method; this is a QueueSession.");
        }
    }

    void requireQueues(String method) throws IllegalStateException {
        if (this == TOPIC) {
            throw new IllegalStateException(method + " is a queue method; this is a TopicSession.");
        }
    }
}
