package dev.sluice.engine.semantics;

import dev.sluice.engine.EngineOptions.Storage;
import dev.sluice.engine.model.MessageAttribute;
import dev.sluice.engine.model.ReceiveMessageRequest;
import dev.sluice.engine.model.ReceivedMessage;
import dev.sluice.engine.model.SendMessageRequest;
import dev.sluice.engine.model.SendMessageResult;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MessageAttributesTest extends EngineSemanticsTest {

    private static final String TRACE = "Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1";

    @BothStorages
    void allSystemAttributesOfAFifoMessageAreReturned(Storage mode) {
        open(mode);
        createFifo("q.fifo", Map.of());
        long sentAt = clock.millis();
        SendMessageResult sent = engine.sendMessage(SendMessageRequest.of("q.fifo", "body").withGroupId("grp")
                .withDeduplicationId("dedup").withTraceHeader(TRACE).withSenderId("AIDASENDER"));
        clock.advanceSeconds(3);

        ReceivedMessage m = receiveOne("q.fifo");
        assertThat(m.attributes()).containsOnly(
                Map.entry("SenderId", "AIDASENDER"),
                Map.entry("SentTimestamp", Long.toString(sentAt)),
                Map.entry("ApproximateReceiveCount", "1"),
                Map.entry("ApproximateFirstReceiveTimestamp", Long.toString(sentAt + 3000)),
                Map.entry("SequenceNumber", sent.sequenceNumber()),
                Map.entry("MessageGroupId", "grp"),
                Map.entry("MessageDeduplicationId", "dedup"),
                Map.entry("AWSTraceHeader", TRACE));
    }

    @BothStorages
    void standardMessageSystemAttributesAndFirstReceiveTimestampStaysFixed(Storage mode) {
        open(mode);
        create("q", Map.of("VisibilityTimeout", "10"));
        long sentAt = clock.millis();
        send("q", "body");
        ReceivedMessage first = receiveOne("q");
        clock.advanceSeconds(10);
        ReceivedMessage second = receiveOne("q");

        assertThat(second.attributes()).containsOnlyKeys("SenderId", "SentTimestamp", "ApproximateReceiveCount",
                "ApproximateFirstReceiveTimestamp");
        assertThat(second.attributes().get("SenderId")).isEqualTo(engine.account());
        assertThat(second.attributes().get("SentTimestamp")).isEqualTo(Long.toString(sentAt));
        assertThat(second.attributes().get("ApproximateFirstReceiveTimestamp"))
                .isEqualTo(first.attributes().get("ApproximateFirstReceiveTimestamp"))
                .isEqualTo(Long.toString(sentAt));
        assertThat(second.attributes().get("ApproximateReceiveCount")).isEqualTo("2");
    }

    @BothStorages
    void onlyTheRequestedSystemAttributesAreReturned(Storage mode) {
        open(mode);
        create("q", Map.of());
        engine.sendMessage(SendMessageRequest.of("q", "a").withTraceHeader(TRACE));
        engine.sendMessage(SendMessageRequest.of("q", "b").withTraceHeader(TRACE));

        ReceivedMessage named = engine.receiveMessage(ReceiveMessageRequest.of("q")
                .withAttributeNames(List.of("SentTimestamp", "AWSTraceHeader"))).get(0);
        assertThat(named.attributes()).containsOnlyKeys("SentTimestamp", "AWSTraceHeader");
        ReceivedMessage none = engine.receiveMessage(ReceiveMessageRequest.of("q")).get(0);
        assertThat(none.attributes()).isEmpty();
    }

    @BothStorages
    void messageAttributesAreFilteredByAllNamesAndPrefix(Storage mode) {
        open(mode);
        create("q", Map.of());
        Map<String, MessageAttribute> attrs = Map.of(
                "foo.a", MessageAttribute.string("1"),
                "foo.b", MessageAttribute.number("2"),
                "bar", MessageAttribute.binary(new byte[]{1, 2, 3}));
        for (int i = 0; i < 5; i++) {
            engine.sendMessage(SendMessageRequest.of("q", "m" + i).withAttributes(attrs));
        }

        assertThat(receiveWith(List.of("All")).messageAttributes()).isEqualTo(attrs);
        assertThat(receiveWith(List.of(".*")).messageAttributes()).isEqualTo(attrs);
        assertThat(receiveWith(List.of("bar")).messageAttributes()).containsOnlyKeys("bar");
        assertThat(receiveWith(List.of("foo.*")).messageAttributes()).containsOnlyKeys("foo.a", "foo.b");
        ReceivedMessage none = receiveWith(List.of());
        assertThat(none.messageAttributes()).isEmpty();
        assertThat(none.md5OfMessageAttributes()).isNull();
    }

    private ReceivedMessage receiveWith(List<String> messageAttributeNames) {
        List<ReceivedMessage> got = engine.receiveMessage(ReceiveMessageRequest.of("q")
                .withMessageAttributeNames(messageAttributeNames));
        assertThat(got).hasSize(1);
        return got.get(0);
    }

    @BothStorages
    void md5OfBodyAndOfMessageAttributesMatchAwsVectors(Storage mode) {
        open(mode);
        create("q", Map.of());
        SendMessageResult sent = engine.sendMessage(SendMessageRequest.of("q", "foobar")
                .withAttributes(Map.of("attribName1", MessageAttribute.string("attribValue 1"))));

        assertThat(sent.md5OfMessageBody()).isEqualTo("3858f62230ac3c915f300c664312c63f");
        assertThat(sent.md5OfMessageAttributes()).isEqualTo("19e27d4e946b072f3f58da80d94fd778");
        ReceivedMessage m = receiveOne("q");
        assertThat(m.md5OfBody()).isEqualTo("3858f62230ac3c915f300c664312c63f");
        assertThat(m.md5OfMessageAttributes()).isEqualTo("19e27d4e946b072f3f58da80d94fd778");
    }

    @BothStorages
    void aMessageWithoutAttributesHasNoAttributeDigest(Storage mode) {
        open(mode);
        create("q", Map.of());
        SendMessageResult sent = send("q", "plain");
        assertThat(sent.md5OfMessageAttributes()).isNull();
        assertThat(sent.md5OfMessageSystemAttributes()).isNull();
        assertThat(receiveOne("q").md5OfMessageAttributes()).isNull();
    }
}
