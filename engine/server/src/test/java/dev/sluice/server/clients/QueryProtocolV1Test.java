package dev.sluice.server.clients;

import com.amazonaws.auth.AWSStaticCredentialsProvider;
import com.amazonaws.auth.BasicAWSCredentials;
import com.amazonaws.client.builder.AwsClientBuilder;
import com.amazonaws.services.sqs.AmazonSQS;
import com.amazonaws.services.sqs.AmazonSQSClientBuilder;
import com.amazonaws.services.sqs.model.AmazonSQSException;
import com.amazonaws.services.sqs.model.BatchEntryIdsNotDistinctException;
import com.amazonaws.services.sqs.model.ChangeMessageVisibilityRequest;
import com.amazonaws.services.sqs.model.CreateQueueRequest;
import com.amazonaws.services.sqs.model.DeleteMessageBatchRequest;
import com.amazonaws.services.sqs.model.DeleteMessageBatchRequestEntry;
import com.amazonaws.services.sqs.model.DeleteMessageBatchResult;
import com.amazonaws.services.sqs.model.GetQueueAttributesRequest;
import com.amazonaws.services.sqs.model.ListQueuesRequest;
import com.amazonaws.services.sqs.model.ListQueuesResult;
import com.amazonaws.services.sqs.model.Message;
import com.amazonaws.services.sqs.model.MessageAttributeValue;
import com.amazonaws.services.sqs.model.PurgeQueueInProgressException;
import com.amazonaws.services.sqs.model.QueueDoesNotExistException;
import com.amazonaws.services.sqs.model.QueueNameExistsException;
import com.amazonaws.services.sqs.model.ReceiptHandleIsInvalidException;
import com.amazonaws.services.sqs.model.ReceiveMessageRequest;
import com.amazonaws.services.sqs.model.SendMessageBatchRequest;
import com.amazonaws.services.sqs.model.SendMessageBatchRequestEntry;
import com.amazonaws.services.sqs.model.SendMessageBatchResult;
import com.amazonaws.services.sqs.model.SendMessageRequest;
import com.amazonaws.services.sqs.model.SendMessageResult;
import com.amazonaws.services.sqs.model.TooManyEntriesInBatchRequestException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
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
 * The AWS SDK for Java v1, which speaks the Query protocol (form-encoded requests, XML answers) and checks the
 * MD5 digests of bodies and attributes it sends and receives.
 */
class QueryProtocolV1Test {

    static Endpoint endpoint;
    static AmazonSQS sqs;

    @BeforeAll
    static void start() {
        endpoint = new Endpoint();
        sqs = AmazonSQSClientBuilder.standard()
                .withEndpointConfiguration(new AwsClientBuilder.EndpointConfiguration(endpoint.url(), "us-east-1"))
                .withCredentials(new AWSStaticCredentialsProvider(new BasicAWSCredentials("test", "test")))
                .build();
    }

    @AfterAll
    static void stop() {
        sqs.shutdown();
        endpoint.close();
    }

    static MessageAttributeValue string(String type, String value) {
        return new MessageAttributeValue().withDataType(type).withStringValue(value);
    }

    @Test
    void createStandardAndFifoGetUrlListAndAttributes() {
        String std = sqs.createQueue(new CreateQueueRequest("v1-q-std").addAttributesEntry("VisibilityTimeout", "40")
                .addTagsEntry("team", "core")).getQueueUrl();
        assertThat(std).isEqualTo(endpoint.url() + "/000000000000/v1-q-std");
        String fifo = sqs.createQueue(new CreateQueueRequest("v1-q-fifo.fifo").addAttributesEntry("FifoQueue", "true")
                .addAttributesEntry("ContentBasedDeduplication", "true")).getQueueUrl();
        assertThat(sqs.getQueueUrl("v1-q-fifo.fifo").getQueueUrl()).isEqualTo(fifo);
        assertThat(sqs.listQueues("v1-q-").getQueueUrls()).containsExactlyInAnyOrder(std, fifo);
        ListQueuesResult page = sqs.listQueues(new ListQueuesRequest("v1-q-").withMaxResults(1));
        assertThat(page.getQueueUrls()).hasSize(1);
        assertThat(page.getNextToken()).isNotBlank();
        assertThat(sqs.listQueues(new ListQueuesRequest("v1-q-").withMaxResults(1).withNextToken(page.getNextToken()))
                .getQueueUrls()).hasSize(1).doesNotContainAnyElementsOf(page.getQueueUrls());

        Map<String, String> attrs = sqs.getQueueAttributes(new GetQueueAttributesRequest(fifo).withAttributeNames("All")).getAttributes();
        assertThat(attrs).containsEntry("FifoQueue", "true").containsEntry("ContentBasedDeduplication", "true")
                .containsEntry("VisibilityTimeout", "30").containsKey("QueueArn");
        sqs.setQueueAttributes(std, Map.of("DelaySeconds", "3", "MaximumMessageSize", "4096"));
        assertThat(sqs.getQueueAttributes(std, List.of("DelaySeconds", "MaximumMessageSize", "VisibilityTimeout")).getAttributes())
                .containsExactlyInAnyOrderEntriesOf(Map.of("DelaySeconds", "3", "MaximumMessageSize", "4096", "VisibilityTimeout", "40"));

        assertThat(sqs.listQueueTags(std).getTags()).containsExactlyEntriesOf(Map.of("team", "core"));
        sqs.tagQueue(std, Map.of("env", "test", "empty", ""));
        assertThat(sqs.listQueueTags(std).getTags()).containsExactlyInAnyOrderEntriesOf(Map.of("team", "core", "env", "test", "empty", ""));
        sqs.untagQueue(std, List.of("team", "empty"));
        assertThat(sqs.listQueueTags(std).getTags()).containsExactlyEntriesOf(Map.of("env", "test"));
    }

    @Test
    void sendAndReceiveAwkwardBodiesAndAttributesWithMd5Checks() {
        String url = sqs.createQueue("v1-bodies").getQueueUrl();
        String body = "line1\r\nline2\r <tag attr=\"v\"> & &amp; ' ünïcödé 😀\t end";
        SendMessageResult sent = sqs.sendMessage(new SendMessageRequest(url, body)
                .addMessageAttributesEntry("s", string("String", "x < y & z\r"))
                .addMessageAttributesEntry("n", string("Number.float", "1.5"))
                .addMessageAttributesEntry("b", new MessageAttributeValue().withDataType("Binary")
                        .withBinaryValue(ByteBuffer.wrap(new byte[] {0, (byte) 0xfe, 10, 13}))));
        assertThat(sent.getMD5OfMessageAttributes()).isNotNull();
        Message m = sqs.receiveMessage(new ReceiveMessageRequest(url).withMessageAttributeNames("All")
                .withAttributeNames("All").withWaitTimeSeconds(2)).getMessages().get(0);
        assertThat(m.getBody()).isEqualTo(body);
        assertThat(m.getMessageId()).isEqualTo(sent.getMessageId());
        assertThat(m.getMessageAttributes().get("s").getStringValue()).isEqualTo("x < y & z\r");
        assertThat(m.getMessageAttributes().get("n").getDataType()).isEqualTo("Number.float");
        assertThat(m.getMessageAttributes().get("b").getBinaryValue()).isEqualTo(ByteBuffer.wrap(new byte[] {0, (byte) 0xfe, 10, 13}));
        assertThat(m.getAttributes()).containsEntry("ApproximateReceiveCount", "1").containsKeys("SentTimestamp", "SenderId");
        assertThat(m.getMD5OfMessageAttributes()).isEqualTo(sent.getMD5OfMessageAttributes());

        // change visibility to 0: receivable again at once
        sqs.changeMessageVisibility(new ChangeMessageVisibilityRequest(url, m.getReceiptHandle(), 0));
        Message again = sqs.receiveMessage(new ReceiveMessageRequest(url).withAttributeNames("ApproximateReceiveCount"))
                .getMessages().get(0);
        assertThat(again.getAttributes()).containsExactlyEntriesOf(Map.of("ApproximateReceiveCount", "2"));
        sqs.deleteMessage(url, again.getReceiptHandle());
        assertThat(sqs.receiveMessage(url).getMessages()).isEmpty();
    }

    @Test
    void longPollWokenBySendFromAnotherThread() throws Exception {
        String url = sqs.createQueue("v1-poll").getQueueUrl();
        CompletableFuture<List<Message>> poll = CompletableFuture.supplyAsync(
                () -> sqs.receiveMessage(new ReceiveMessageRequest(url).withWaitTimeSeconds(20)).getMessages());
        CompletableFuture.runAsync(() -> sqs.sendMessage(url, "ping")).get(10, TimeUnit.SECONDS);
        assertThat(poll.get(15, TimeUnit.SECONDS)).extracting(Message::getBody).containsExactly("ping");
    }

    @Test
    void batchSendAndDelete() {
        String url = sqs.createQueue("v1-batch").getQueueUrl();
        SendMessageBatchResult sent = sqs.sendMessageBatch(new SendMessageBatchRequest(url).withEntries(
                new SendMessageBatchRequestEntry("a", "first & <one>").addMessageAttributesEntry("k", string("String", "v")),
                new SendMessageBatchRequestEntry("b", "second \r\n"),
                new SendMessageBatchRequestEntry("c", "bad").withDelaySeconds(1000)));
        assertThat(sent.getSuccessful()).extracting(e -> e.getId()).containsExactlyInAnyOrder("a", "b");
        assertThat(sent.getFailed()).singleElement().satisfies(f -> {
            assertThat(f.getId()).isEqualTo("c");
            assertThat(f.getSenderFault()).isTrue();
            assertThat(f.getCode()).isEqualTo("InvalidParameterValue");
        });
        List<Message> got = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            got.addAll(sqs.receiveMessage(new ReceiveMessageRequest(url).withMaxNumberOfMessages(10).withMessageAttributeNames("All"))
                    .getMessages());
            return got.size() >= 2;
        });
        assertThat(got).extracting(Message::getBody).containsExactlyInAnyOrder("first & <one>", "second \r\n");
        DeleteMessageBatchResult deleted = sqs.deleteMessageBatch(new DeleteMessageBatchRequest(url, got.stream()
                .map(m -> new DeleteMessageBatchRequestEntry("d" + got.indexOf(m), m.getReceiptHandle())).collect(Collectors.toList())));
        assertThat(deleted.getSuccessful()).hasSize(2);
        assertThat(deleted.getFailed()).isEmpty();
    }

    @Test
    void purgeDeleteQueueAndErrors() {
        String url = sqs.createQueue("v1-errors").getQueueUrl();
        sqs.sendMessage(url, "x");
        sqs.purgeQueue(new com.amazonaws.services.sqs.model.PurgeQueueRequest(url));
        assertThatThrownBy(() -> sqs.purgeQueue(new com.amazonaws.services.sqs.model.PurgeQueueRequest(url)))
                .isInstanceOfSatisfying(PurgeQueueInProgressException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(403);
                    assertThat(e.getErrorCode()).isEqualTo("AWS.SimpleQueueService.PurgeQueueInProgress");
                    assertThat(e.getErrorMessage()).isEqualTo("Only one PurgeQueue operation on v1-errors is allowed every 60 seconds.");
                });
        assertThatThrownBy(() -> sqs.deleteMessage(url, "garbage"))
                .isInstanceOfSatisfying(ReceiptHandleIsInvalidException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(404); // the model's httpError for ReceiptHandleIsInvalid
                    assertThat(e.getErrorCode()).isEqualTo("ReceiptHandleIsInvalid");
                    assertThat(e.getErrorMessage()).isEqualTo("The input receipt handle \"garbage\" is not a valid receipt handle.");
                });
        List<SendMessageBatchRequestEntry> eleven = IntStream.range(0, 11)
                .mapToObj(i -> new SendMessageBatchRequestEntry("e" + i, "b")).collect(Collectors.toList());
        assertThatThrownBy(() -> sqs.sendMessageBatch(url, eleven))
                .isInstanceOfSatisfying(TooManyEntriesInBatchRequestException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo("AWS.SimpleQueueService.TooManyEntriesInBatchRequest");
                    assertThat(e.getErrorMessage()).isEqualTo("Maximum number of entries per request are 10. You have sent 11.");
                });
        assertThatThrownBy(() -> sqs.sendMessageBatch(url, List.of(new SendMessageBatchRequestEntry("x", "1"),
                new SendMessageBatchRequestEntry("x", "2"))))
                .isInstanceOfSatisfying(BatchEntryIdsNotDistinctException.class, e ->
                        assertThat(e.getErrorCode()).isEqualTo("AWS.SimpleQueueService.BatchEntryIdsNotDistinct"));
        assertThatThrownBy(() -> sqs.createQueue(new CreateQueueRequest("v1-errors").addAttributesEntry("DelaySeconds", "5")))
                .isInstanceOfSatisfying(QueueNameExistsException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo("QueueAlreadyExists");
                    assertThat(e.getErrorMessage()).isEqualTo(
                            "A queue already exists with the same name and a different value for attribute DelaySeconds");
                });
        assertThatThrownBy(() -> sqs.receiveMessage(new ReceiveMessageRequest(url).withWaitTimeSeconds(21)))
                .isInstanceOfSatisfying(AmazonSQSException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(400);
                    assertThat(e.getErrorCode()).isEqualTo("InvalidParameterValue");
                    assertThat(e.getErrorMessage()).isEqualTo(
                            "Value 21 for parameter WaitTimeSeconds is invalid. Reason: Must be >= 0 and <= 20, if provided.");
                });
        sqs.deleteQueue(url);
        assertThatThrownBy(() -> sqs.getQueueUrl("v1-errors"))
                .isInstanceOfSatisfying(QueueDoesNotExistException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(400);
                    assertThat(e.getErrorCode()).isEqualTo("AWS.SimpleQueueService.NonExistentQueue");
                    assertThat(e.getErrorMessage()).isEqualTo("The specified queue does not exist for this wsdl version.");
                });
        assertThatThrownBy(() -> sqs.sendMessage(url, "x")).isInstanceOf(QueueDoesNotExistException.class);
    }
}
