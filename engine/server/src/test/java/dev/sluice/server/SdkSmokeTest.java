package dev.sluice.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SdkSmokeTest {

    static ServerFixture fx;

    @BeforeAll
    static void start() throws InterruptedException {
        fx = new ServerFixture();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @Test
    void sendReceiveDeleteWithAttributesThroughTheJsonProtocol() {
        String url = fx.sqs.createQueue(b -> b.queueName("smoke")).queueUrl();
        assertThat(url).isEqualTo(fx.server.endpointUrl() + "/000000000000/smoke");
        fx.sqs.sendMessage(b -> b.queueUrl(url).messageBody("hello \r\n wörld \uD83D\uDE00")
                .messageAttributes(Map.of("OrderId", MessageAttributeValue.builder().dataType("String").stringValue("42").build())));
        ReceiveMessageResponse r = fx.sqs.receiveMessage(b -> b.queueUrl(url).messageAttributeNames("All")
                .messageSystemAttributeNamesWithStrings("All").maxNumberOfMessages(10));
        assertThat(r.messages()).singleElement().satisfies(m -> {
            assertThat(m.body()).isEqualTo("hello \r\n wörld \uD83D\uDE00");
            assertThat(m.messageAttributes().get("OrderId").stringValue()).isEqualTo("42");
            assertThat(m.attributesAsStrings()).containsEntry("ApproximateReceiveCount", "1");
        });
        fx.sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(r.messages().get(0).receiptHandle()));
        assertThat(fx.sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNamesWithStrings("All")).attributesAsStrings())
                .containsEntry("ApproximateNumberOfMessages", "0").containsEntry("ApproximateNumberOfMessagesNotVisible", "0");
    }

    @Test
    void unknownQueueIsQueueDoesNotExist() {
        assertThatThrownBy(() -> fx.sqs.getQueueUrl(b -> b.queueName("nope")))
                .isInstanceOfSatisfying(QueueDoesNotExistException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AWS.SimpleQueueService.NonExistentQueue");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The specified queue does not exist.");
                });
    }
}
