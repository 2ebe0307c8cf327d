package dev.sluice.server.clients;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchEntryIdsNotDistinctException;
import software.amazon.awssdk.services.sqs.model.BatchRequestTooLongException;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.EmptyBatchRequestException;
import software.amazon.awssdk.services.sqs.model.InvalidAttributeNameException;
import software.amazon.awssdk.services.sqs.model.InvalidBatchEntryIdException;
import software.amazon.awssdk.services.sqs.model.ListMessageMoveTasksResultEntry;
import software.amazon.awssdk.services.sqs.model.ListQueuesResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeNameForSends;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeValue;
import software.amazon.awssdk.services.sqs.model.PurgeQueueInProgressException;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.QueueNameExistsException;
import software.amazon.awssdk.services.sqs.model.ReceiptHandleIsInvalidException;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;
import software.amazon.awssdk.services.sqs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;
import software.amazon.awssdk.services.sqs.model.SqsException;
import software.amazon.awssdk.services.sqs.model.TooManyEntriesInBatchRequestException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Every SQS operation through the AWS SDK for Java v2 (JSON protocol), with the SDK's default response checksum
 * (MD5) validation left on: a wrong MD5OfMessageBody / MD5OfMessageAttributes / MD5OfMessageSystemAttributes
 * would fail these calls with an SdkClientException.
 */
class SdkV2AllOperationsTest {

    static Endpoint endpoint;
    static SqsClient sqs;

    @BeforeAll
    static void start() {
        endpoint = new Endpoint();
        sqs = endpoint.sdkV2();
    }

    @AfterAll
    static void stop() {
        sqs.close();
        endpoint.close();
    }

    static String create(String name) {
        return sqs.createQueue(b -> b.queueName(name)).queueUrl();
    }

    static String arn(String url) {
        return sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }

    static MessageAttributeValue string(String type, String value) {
        return MessageAttributeValue.builder().dataType(type).stringValue(value).build();
    }

    @Test
    void createQueuesWithAttributesAndTagsGetUrlAndList() {
        String std = sqs.createQueue(b -> b.queueName("v2-std").attributesWithStrings(Map.of("VisibilityTimeout", "45",
                "DelaySeconds", "2")).tags(Map.of("team", "core"))).queueUrl();
        assertThat(std).isEqualTo(endpoint.url() + "/000000000000/v2-std");
        String fifo = sqs.createQueue(b -> b.queueName("v2-fifo.fifo").attributes(Map.of(
                QueueAttributeName.FIFO_QUEUE, "true", QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "true",
                QueueAttributeName.DEDUPLICATION_SCOPE, "messageGroup",
                QueueAttributeName.FIFO_THROUGHPUT_LIMIT, "perMessageGroupId")).tags(Map.of("kind", "fifo"))).queueUrl();
        assertThat(sqs.getQueueUrl(b -> b.queueName("v2-fifo.fifo")).queueUrl()).isEqualTo(fifo);
        assertThat(sqs.listQueueTags(b -> b.queueUrl(std)).tags()).containsExactlyEntriesOf(Map.of("team", "core"));
        Map<String, String> attrs = sqs.getQueueAttributes(b -> b.queueUrl(fifo).attributeNames(QueueAttributeName.ALL))
                .attributesAsStrings();
        assertThat(attrs).containsEntry("FifoQueue", "true").containsEntry("ContentBasedDeduplication", "true")
                .containsEntry("DeduplicationScope", "messageGroup").containsEntry("FifoThroughputLimit", "perMessageGroupId")
                .containsEntry("QueueArn", "arn:aws:sqs:us-east-1:000000000000:v2-fifo.fifo");
        assertThat(sqs.getQueueAttributes(b -> b.queueUrl(std).attributeNames(QueueAttributeName.ALL)).attributesAsStrings())
                .containsEntry("VisibilityTimeout", "45").containsEntry("DelaySeconds", "2")
                .containsEntry("MaximumMessageSize", "1048576").containsEntry("MessageRetentionPeriod", "345600");
        // same attributes: idempotent; different ones: QueueAlreadyExists
        assertThat(sqs.createQueue(b -> b.queueName("v2-std").attributesWithStrings(Map.of("VisibilityTimeout", "45"))).queueUrl())
                .isEqualTo(std);
        assertThatThrownBy(() -> sqs.createQueue(b -> b.queueName("v2-std").attributesWithStrings(Map.of("VisibilityTimeout", "46"))))
                .isInstanceOfSatisfying(QueueNameExistsException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("QueueAlreadyExists");
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("A queue already exists with the same name and a different value for attribute VisibilityTimeout");
                });
    }

    @Test
    void listQueuesByPrefixAndInPages() {
        List<String> urls = IntStream.range(0, 5).mapToObj(i -> create("page-" + i)).collect(Collectors.toList());
        create("other-page");
        assertThat(sqs.listQueues(b -> b.queueNamePrefix("page-")).queueUrls()).containsExactlyInAnyOrderElementsOf(urls);
        List<String> seen = new ArrayList<>();
        ListQueuesResponse page = sqs.listQueues(b -> b.queueNamePrefix("page-").maxResults(2));
        seen.addAll(page.queueUrls());
        assertThat(page.queueUrls()).hasSize(2);
        while (page.nextToken() != null) {
            String token = page.nextToken();
            page = sqs.listQueues(b -> b.queueNamePrefix("page-").maxResults(2).nextToken(token));
            seen.addAll(page.queueUrls());
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(urls);
        // the paginator follows NextToken too
        assertThat(sqs.listQueuesPaginator(b -> b.queueNamePrefix("page-").maxResults(2)).queueUrls())
                .containsExactlyInAnyOrderElementsOf(urls);
    }

    @Test
    void setAndGetAttributesIncludingRedriveAndRedriveAllowPolicies() {
        String dlq = create("attrs-dlq");
        String src = create("attrs-src");
        String dlqArn = arn(dlq);
        String redrive = "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"3\"}";
        sqs.setQueueAttributes(b -> b.queueUrl(src).attributes(Map.of(QueueAttributeName.REDRIVE_POLICY, redrive,
                QueueAttributeName.VISIBILITY_TIMEOUT, "10", QueueAttributeName.MAXIMUM_MESSAGE_SIZE, "2048")));
        String allow = "{\"redrivePermission\":\"byQueue\",\"sourceQueueArns\":[\"" + arn(src) + "\"]}";
        sqs.setQueueAttributes(b -> b.queueUrl(dlq).attributes(Map.of(QueueAttributeName.REDRIVE_ALLOW_POLICY, allow)));
        Map<String, String> got = sqs.getQueueAttributes(b -> b.queueUrl(src).attributeNames(QueueAttributeName.ALL)).attributesAsStrings();
        assertThat(got).containsEntry("VisibilityTimeout", "10").containsEntry("MaximumMessageSize", "2048")
                .containsKey("RedrivePolicy");
        assertThat(got.get("RedrivePolicy")).contains(dlqArn).contains("\"maxReceiveCount\":3");
        assertThat(sqs.getQueueAttributes(b -> b.queueUrl(dlq).attributeNames(QueueAttributeName.REDRIVE_ALLOW_POLICY))
                .attributes().get(QueueAttributeName.REDRIVE_ALLOW_POLICY)).contains("byQueue").contains(arn(src));
        assertThat(sqs.listDeadLetterSourceQueues(b -> b.queueUrl(dlq)).queueUrls()).containsExactly(src);

        assertThatThrownBy(() -> sqs.getQueueAttributes(b -> b.queueUrl(src).attributeNamesWithStrings("Foobar")))
                .isInstanceOfSatisfying(InvalidAttributeNameException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidAttributeName");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Unknown Attribute Foobar.");
                });
        assertThatThrownBy(() -> sqs.setQueueAttributes(b -> b.queueUrl(src).attributesWithStrings(Map.of("VisibilityTimeout", "99999"))))
                .isInstanceOfSatisfying(SqsException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidAttributeValue");
                });
    }

    @Test
    void tagUntagAndListTags() {
        String url = create("tags");
        sqs.tagQueue(b -> b.queueUrl(url).tags(Map.of("a", "1", "b", "2", "c", "")));
        assertThat(sqs.listQueueTags(b -> b.queueUrl(url)).tags()).containsExactlyInAnyOrderEntriesOf(Map.of("a", "1", "b", "2", "c", ""));
        sqs.untagQueue(b -> b.queueUrl(url).tagKeys("a", "c", "missing"));
        assertThat(sqs.listQueueTags(b -> b.queueUrl(url)).tags()).containsExactlyEntriesOf(Map.of("b", "2"));
    }

    @Test
    void sendWithEveryAttributeTypeDelayAndTraceHeaderThenReceiveWithFilters() {
        String url = create("attributes");
        byte[] binary = {0, 1, 2, (byte) 0xff, 0x1e};
        Map<String, MessageAttributeValue> attributes = Map.of(
                "text", string("String", "héllo ✓"),
                "count", string("Number", "42"),
                "ratio", string("Number.float", "3.25"),
                "label", string("String.custom-label", "custom"),
                "blob", MessageAttributeValue.builder().dataType("Binary").binaryValue(SdkBytes.fromByteArray(binary)).build(),
                "blob2", MessageAttributeValue.builder().dataType("Binary.gzip").binaryValue(SdkBytes.fromUtf8String("zz")).build());
        String trace = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";
        SendMessageResponse sent = sqs.sendMessage(b -> b.queueUrl(url).messageBody("body \r\n & <xml> 😀")
                .messageAttributes(attributes).delaySeconds(1)
                .messageSystemAttributes(Map.of(MessageSystemAttributeNameForSends.AWS_TRACE_HEADER,
                        MessageSystemAttributeValue.builder().dataType("String").stringValue(trace).build())));
        assertThat(sent.md5OfMessageBody()).isNotNull();
        assertThat(sent.md5OfMessageAttributes()).isNotNull();
        assertThat(sent.md5OfMessageSystemAttributes()).isEqualTo("5ae4d5d7636402d80f4eb6d213245a88");
        // delayed: not there at once, there within the long poll
        assertThat(sqs.receiveMessage(b -> b.queueUrl(url)).messages()).isEmpty();
        ReceiveMessageResponse r = sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(5).visibilityTimeout(0)
                .messageAttributeNames("All").messageSystemAttributeNames(MessageSystemAttributeName.ALL));
        Message m = r.messages().get(0);
        assertThat(m.messageId()).isEqualTo(sent.messageId());
        assertThat(m.body()).isEqualTo("body \r\n & <xml> 😀");
        assertThat(m.messageAttributes()).isEqualTo(attributes);
        assertThat(m.md5OfMessageAttributes()).isEqualTo(sent.md5OfMessageAttributes());
        assertThat(m.attributes()).containsEntry(MessageSystemAttributeName.AWS_TRACE_HEADER, trace)
                .containsEntry(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "1")
                .containsKeys(MessageSystemAttributeName.SENT_TIMESTAMP, MessageSystemAttributeName.SENDER_ID);

        Message filtered = sqs.receiveMessage(b -> b.queueUrl(url).visibilityTimeout(0).messageAttributeNames("count", "bl.*")
                .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages().get(0);
        assertThat(filtered.messageAttributes()).containsOnlyKeys("count", "blob", "blob2");
        assertThat(filtered.attributes()).containsOnlyKeys(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)
                .containsEntry(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "2");
        Message none = sqs.receiveMessage(b -> b.queueUrl(url).visibilityTimeout(30)).messages().get(0);
        assertThat(none.messageAttributes()).isEmpty();
        assertThat(none.attributes()).isEmpty();
        // VisibilityTimeout 30 on that receive: hidden now
        assertThat(sqs.receiveMessage(b -> b.queueUrl(url)).messages()).isEmpty();
        sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(none.receiptHandle()));
    }

    @Test
    void longPollIsWokenBySendFromAnotherThread() throws Exception {
        String url = create("long-poll");
        CompletableFuture<ReceiveMessageResponse> poll = CompletableFuture.supplyAsync(
                () -> sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(20)));
        await().atMost(Duration.ofSeconds(5)).until(() -> endpoint.server.engine() != null);
        long start = System.nanoTime();
        CompletableFuture.runAsync(() -> sqs.sendMessage(b -> b.queueUrl(url).messageBody("wake up"))).get(10, TimeUnit.SECONDS);
        ReceiveMessageResponse r = poll.get(15, TimeUnit.SECONDS);
        assertThat(r.messages()).extracting(Message::body).containsExactly("wake up");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
    }

    @Test
    void batchSendWithOneFailingEntryThenBatchDeleteAndChangeVisibility() {
        String url = create("batch");
        SendMessageBatchResponse sent = sqs.sendMessageBatch(b -> b.queueUrl(url).entries(
                SendMessageBatchRequestEntry.builder().id("ok-1").messageBody("one")
                        .messageAttributes(Map.of("n", string("Number", "1"))).build(),
                SendMessageBatchRequestEntry.builder().id("ok-2").messageBody("two").delaySeconds(0).build(),
                SendMessageBatchRequestEntry.builder().id("bad").messageBody("x").delaySeconds(901).build()));
        assertThat(sent.successful()).extracting(e -> e.id()).containsExactlyInAnyOrder("ok-1", "ok-2");
        assertThat(sent.failed()).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo("bad");
            assertThat(f.senderFault()).isTrue();
            assertThat(f.code()).isEqualTo("InvalidParameterValue");
        });
        List<Message> got = receiveAll(url, 2);
        // ChangeMessageVisibilityBatch: one valid, one invalid receipt handle
        var changed = sqs.changeMessageVisibilityBatch(b -> b.queueUrl(url).entries(
                ChangeMessageVisibilityBatchRequestEntry.builder().id("c1").receiptHandle(got.get(0).receiptHandle()).visibilityTimeout(0).build(),
                ChangeMessageVisibilityBatchRequestEntry.builder().id("c2").receiptHandle("garbage").visibilityTimeout(0).build()));
        assertThat(changed.successful()).extracting(e -> e.id()).containsExactly("c1");
        assertThat(changed.failed()).singleElement().satisfies(f -> assertThat(f.code()).isEqualTo("ReceiptHandleIsInvalid"));
        Message again = sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(2)).messages().get(0);
        assertThat(again.messageId()).isEqualTo(got.get(0).messageId());
        sqs.changeMessageVisibility(b -> b.queueUrl(url).receiptHandle(got.get(1).receiptHandle()).visibilityTimeout(60));
        DeleteMessageBatchResponse deleted = sqs.deleteMessageBatch(b -> b.queueUrl(url).entries(
                DeleteMessageBatchRequestEntry.builder().id("d1").receiptHandle(again.receiptHandle()).build(),
                DeleteMessageBatchRequestEntry.builder().id("d2").receiptHandle(got.get(1).receiptHandle()).build()));
        assertThat(deleted.successful()).hasSize(2);
        assertThat(deleted.failed()).isEmpty();
        assertThat(sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.ALL)).attributesAsStrings())
                .containsEntry("ApproximateNumberOfMessages", "0").containsEntry("ApproximateNumberOfMessagesNotVisible", "0");
    }

    static List<Message> receiveAll(String url, int n) {
        List<Message> got = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            got.addAll(sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).visibilityTimeout(30)).messages());
            return got.size() >= n;
        });
        return got;
    }

    @Test
    void visibilityTimeoutExpiresAndChangeMessageVisibilityZeroReleases() {
        String url = create("visibility");
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("v"));
        Message first = sqs.receiveMessage(b -> b.queueUrl(url).visibilityTimeout(1)).messages().get(0);
        assertThat(sqs.receiveMessage(b -> b.queueUrl(url)).messages()).isEmpty();
        // after the 1 s timeout the message is back, with a new receipt handle
        List<Message> again = new ArrayList<>();
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200)).until(() -> {
            again.addAll(sqs.receiveMessage(b -> b.queueUrl(url).visibilityTimeout(60)).messages());
            return !again.isEmpty();
        });
        assertThat(again.get(0).receiptHandle()).isNotEqualTo(first.receiptHandle());
        assertThat(again.get(0).attributesAsStrings()).isEmpty();
        sqs.changeMessageVisibility(b -> b.queueUrl(url).receiptHandle(again.get(0).receiptHandle()).visibilityTimeout(0));
        Message third = sqs.receiveMessage(b -> b.queueUrl(url).messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
                .messages().get(0);
        assertThat(third.attributes()).containsEntry(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "3");
    }

    @Test
    void fifoOrderingAndDeduplication() {
        String url = sqs.createQueue(b -> b.queueName("order.fifo").attributesWithStrings(Map.of("FifoQueue", "true"))).queueUrl();
        SendMessageResponse s1 = sqs.sendMessage(b -> b.queueUrl(url).messageBody("g1-a").messageGroupId("g1").messageDeduplicationId("a"));
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("g2-a").messageGroupId("g2").messageDeduplicationId("b"));
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("g1-b").messageGroupId("g1").messageDeduplicationId("c"));
        SendMessageResponse dup = sqs.sendMessage(b -> b.queueUrl(url).messageBody("g1-a again").messageGroupId("g1").messageDeduplicationId("a"));
        assertThat(dup.messageId()).isEqualTo(s1.messageId());
        assertThat(s1.sequenceNumber()).isNotBlank();
        List<Message> got = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
        assertThat(got).extracting(Message::body).containsExactly("g1-a", "g1-b", "g2-a");
        assertThat(got.get(0).attributes()).containsEntry(MessageSystemAttributeName.MESSAGE_GROUP_ID, "g1")
                .containsEntry(MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID, "a")
                .containsEntry(MessageSystemAttributeName.SEQUENCE_NUMBER, s1.sequenceNumber());
        // the group is blocked while its head is in flight
        assertThat(sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)).messages()).isEmpty();
        got.forEach(m -> sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle())));
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("still a duplicate").messageGroupId("g1").messageDeduplicationId("a"));
        assertThat(sqs.receiveMessage(b -> b.queueUrl(url)).messages()).isEmpty();
        assertThatThrownBy(() -> sqs.sendMessage(b -> b.queueUrl(url).messageBody("x").messageGroupId("g1")))
                .isInstanceOfSatisfying(SqsException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(
                            "The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly");
                });
    }

    @Test
    void purgeDeleteQueueAndTheirErrors() {
        String url = create("purge");
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("gone"));
        sqs.purgeQueue(b -> b.queueUrl(url));
        assertThat(sqs.receiveMessage(b -> b.queueUrl(url)).messages()).isEmpty();
        assertThatThrownBy(() -> sqs.purgeQueue(b -> b.queueUrl(url)))
                .isInstanceOfSatisfying(PurgeQueueInProgressException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(403);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AWS.SimpleQueueService.PurgeQueueInProgress");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Only one PurgeQueue operation on purge is allowed every 60 seconds.");
                });
        sqs.deleteQueue(b -> b.queueUrl(url));
        assertThatThrownBy(() -> sqs.sendMessage(b -> b.queueUrl(url).messageBody("x")))
                .isInstanceOfSatisfying(QueueDoesNotExistException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AWS.SimpleQueueService.NonExistentQueue");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The specified queue does not exist.");
                });
    }

    @Test
    void typedErrors() {
        String url = create("errors");
        assertThatThrownBy(() -> sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle("garbage")))
                .isInstanceOfSatisfying(ReceiptHandleIsInvalidException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404); // the model's httpError for ReceiptHandleIsInvalid
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ReceiptHandleIsInvalid");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The input receipt handle \"garbage\" is not a valid receipt handle.");
                });
        List<SendMessageBatchRequestEntry> eleven = IntStream.range(0, 11)
                .mapToObj(i -> SendMessageBatchRequestEntry.builder().id("e" + i).messageBody("b").build()).toList();
        assertThatThrownBy(() -> sqs.sendMessageBatch(b -> b.queueUrl(url).entries(eleven)))
                .isInstanceOfSatisfying(TooManyEntriesInBatchRequestException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AWS.SimpleQueueService.TooManyEntriesInBatchRequest");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Maximum number of entries per request are 10. You have sent 11.");
                });
        assertThatThrownBy(() -> sqs.sendMessageBatch(b -> b.queueUrl(url).entries(
                SendMessageBatchRequestEntry.builder().id("same").messageBody("1").build(),
                SendMessageBatchRequestEntry.builder().id("same").messageBody("2").build())))
                .isInstanceOfSatisfying(BatchEntryIdsNotDistinctException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AWS.SimpleQueueService.BatchEntryIdsNotDistinct");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Id same repeated.");
                });
        assertThatThrownBy(() -> sqs.deleteMessageBatch(b -> b.queueUrl(url).entries(List.of())))
                .isInstanceOfSatisfying(EmptyBatchRequestException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AWS.SimpleQueueService.EmptyBatchRequest");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("There should be at least one DeleteMessageBatchRequestEntry in the request.");
                });
        assertThatThrownBy(() -> sqs.sendMessageBatch(b -> b.queueUrl(url).entries(
                SendMessageBatchRequestEntry.builder().id("bad:id").messageBody("1").build())))
                .isInstanceOfSatisfying(InvalidBatchEntryIdException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AWS.SimpleQueueService.InvalidBatchEntryId");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(
                            "A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can be at most 80 letters long.");
                });
        String big = "a".repeat(600_000);
        assertThatThrownBy(() -> sqs.sendMessageBatch(b -> b.queueUrl(url).entries(
                SendMessageBatchRequestEntry.builder().id("1").messageBody(big).build(),
                SendMessageBatchRequestEntry.builder().id("2").messageBody(big).build())))
                .isInstanceOfSatisfying(BatchRequestTooLongException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AWS.SimpleQueueService.BatchRequestTooLong");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(
                            "Batch requests cannot be longer than 1048576 bytes. You have sent 1200000 bytes.");
                });
        assertThatThrownBy(() -> sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(11)))
                .isInstanceOfSatisfying(SqsException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(
                            "Value 11 for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, if provided.");
                });
        assertThatThrownBy(() -> sqs.getQueueUrl(b -> b.queueName("nope")))
                .isInstanceOf(QueueDoesNotExistException.class);
    }

    @Test
    void moveMessagesOutOfTheDeadLetterQueueBackToTheSource() {
        String dlq = create("move-dlq");
        String src = sqs.createQueue(b -> b.queueName("move-src").attributesWithStrings(Map.of("VisibilityTimeout", "0",
                "RedrivePolicy", "{\"deadLetterTargetArn\":\"" + arn(dlq) + "\",\"maxReceiveCount\":1}"))).queueUrl();
        for (int i = 0; i < 3; i++) {
            int n = i;
            sqs.sendMessage(b -> b.queueUrl(src).messageBody("m" + n));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            sqs.receiveMessage(b -> b.queueUrl(src).maxNumberOfMessages(10));
            return count(dlq) == 3;
        });
        assertThat(sqs.listDeadLetterSourceQueues(b -> b.queueUrl(dlq)).queueUrls()).containsExactly(src);

        String handle = sqs.startMessageMoveTask(b -> b.sourceArn(arn(dlq)).destinationArn(arn(src))).taskHandle();
        assertThat(handle).isNotBlank();
        await().atMost(Duration.ofSeconds(20)).until(() -> "COMPLETED".equals(
                sqs.listMessageMoveTasks(b -> b.sourceArn(arn(dlq))).results().get(0).status()));
        ListMessageMoveTasksResultEntry done = sqs.listMessageMoveTasks(b -> b.sourceArn(arn(dlq)).maxResults(10)).results().get(0);
        assertThat(done.approximateNumberOfMessagesMoved()).isEqualTo(3L);
        assertThat(done.approximateNumberOfMessagesToMove()).isEqualTo(3L);
        assertThat(done.sourceArn()).isEqualTo(arn(dlq));
        assertThat(done.destinationArn()).isEqualTo(arn(src));
        assertThat(count(src)).isEqualTo(3);
        assertThat(count(dlq)).isZero();

        // cancel: a slow task on a refilled DLQ, then the handle of a finished task is refused
        sqs.setQueueAttributes(b -> b.queueUrl(src).attributesWithStrings(Map.of("VisibilityTimeout", "0")));
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            sqs.receiveMessage(b -> b.queueUrl(src).maxNumberOfMessages(10));
            return count(dlq) == 3;
        });
        String slow = sqs.startMessageMoveTask(b -> b.sourceArn(arn(dlq)).destinationArn(arn(src))
                .maxNumberOfMessagesPerSecond(1)).taskHandle();
        long moved = sqs.cancelMessageMoveTask(b -> b.taskHandle(slow)).approximateNumberOfMessagesMoved();
        assertThat(moved).isBetween(0L, 3L);
        await().atMost(Duration.ofSeconds(10)).until(() -> "CANCELLED".equals(
                sqs.listMessageMoveTasks(b -> b.sourceArn(arn(dlq))).results().get(0).status()));
        assertThatThrownBy(() -> sqs.cancelMessageMoveTask(b -> b.taskHandle(slow)))
                .isInstanceOf(SqsException.class);

        assertThatThrownBy(() -> sqs.startMessageMoveTask(b -> b.sourceArn(arn(dlq))
                .destinationArn("arn:aws:sqs:us-east-1:000000000000:nope")))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(
                            "The resource that you specified for the DestinationArn parameter doesn't exist.");
                });
        assertThatThrownBy(() -> sqs.startMessageMoveTask(b -> b.sourceArn(arn(src))))
                .isInstanceOfSatisfying(SqsException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Source queue must be configured as a Dead Letter Queue.");
                });
    }

    static int count(String url) {
        Map<String, String> a = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributesAsStrings();
        return Integer.parseInt(a.get("ApproximateNumberOfMessages")) + Integer.parseInt(a.get("ApproximateNumberOfMessagesNotVisible"));
    }

    @Test
    void checksumValidationIsOn() {
        // the SDK's default: a response whose MD5 does not match the body raises SdkClientException; here it matches
        String url = create("md5");
        SendMessageResponse r = sqs.sendMessage(b -> b.queueUrl(url).messageBody("foobar")
                .messageAttributes(Map.of("attribName1", string("String", "attribValue 1"))));
        assertThat(r.md5OfMessageBody()).isEqualTo("3858f62230ac3c915f300c664312c63f");
        assertThat(r.md5OfMessageAttributes()).isEqualTo("19e27d4e946b072f3f58da80d94fd778");
    }
}
