package dev.sluice.jms.sqs;

import software.amazon.awssdk.services.sqs.SqsClient;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Queue name → queue URL, asked of SQS once (GetQueueUrl) and then kept: every other SQS action takes the URL.
 * A queue found missing, or deleted through this backend, is forgotten so a re-created one is found again.
 */
final class QueueUrls {

    private final SqsClient sqs;
    private final Map<String, String> urls = new ConcurrentHashMap<>();

    QueueUrls(SqsClient sqs) {
        this.sqs = sqs;
    }

    /** The URL; an SqsException of the SDK (QueueDoesNotExist) when there is no such queue. */
    String url(String queue) {
        String known = urls.get(queue);
        if (known != null) {
            return known;
        }
        String url = sqs.getQueueUrl(r -> r.queueName(queue)).queueUrl();
        urls.put(queue, url);
        return url;
    }

    void remember(String queue, String url) {
        urls.put(queue, url);
    }

    void forget(String queue) {
        urls.remove(queue);
    }
}
