package dev.sluice.server;

import dev.sluice.engine.model.SendMessageRequest;
import dev.sluice.engine.topic.Publisher;
import dev.sluice.engine.topic.SubscriptionSpec;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Topic subscriptions are queues of the engine, so SQS clients see them: listed under a name that tells topic
 * and subscription, with their depths, and tags that say what they are for.
 */
class TopicSubscriptionQueuesTest {

    @Test
    void subscriptionQueuesAreListedWithTheirDepthsAndDefinitionThroughTheSqsApi() throws Exception {
        try (ServerFixture f = new ServerFixture()) {
            String audit = f.server.engine().subscribe(
                    new SubscriptionSpec("invoices", "billing", "audit", true, false, null, false), "c1");
            f.server.engine().subscribe(SubscriptionSpec.nonDurable("invoices", null, false), "c2");
            for (int i = 0; i < 3; i++) {
                f.server.engine().publish("invoices", SendMessageRequest.of(null, "inv-" + i), Publisher.ANONYMOUS);
            }

            List<String> urls = f.sqs.listQueues(r -> r.queueNamePrefix("topic_invoices__")).queueUrls();
            assertThat(urls).hasSize(2).anyMatch(u -> u.endsWith("/" + audit));
            String auditUrl = urls.stream().filter(u -> u.endsWith("/" + audit)).findFirst().orElseThrow();
            assertThat(f.sqs.getQueueAttributes(r -> r.queueUrl(auditUrl)
                    .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes())
                    .containsEntry(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "3");
            assertThat(f.sqs.listQueueTags(r -> r.queueUrl(auditUrl)).tags())
                    .containsEntry("sluice:topic", "invoices").containsEntry("sluice:subscription-name", "audit")
                    .containsEntry("sluice:client-id", "billing").containsEntry("sluice:subscription-kind", "durable");
            assertThat(f.sqs.receiveMessage(r -> r.queueUrl(auditUrl).maxNumberOfMessages(10)).messages())
                    .extracting(m -> m.body()).containsExactlyInAnyOrder("inv-0", "inv-1", "inv-2");
        }
    }
}
