package dev.sluice.engine.validation;

import dev.sluice.engine.model.BatchEntry;
import dev.sluice.engine.model.ChangeVisibilityRequest;
import dev.sluice.engine.model.ReceiveMessageRequest;
import dev.sluice.engine.model.SendMessageRequest;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import dev.sluice.engine.SqsEngine;

import static dev.sluice.engine.validation.SqsErrors.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;

/** CreateQueue's name rules, QueueAlreadyExists, QueueDeletedRecently, and NonExistentQueue on every action. */
class QueueNameRulesTest extends RulesTestBase {

    private static final String STANDARD_NAME_RULE =
            "Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length";
    private static final String FIFO_NAME_RULE = "The name of a FIFO queue can only include alphanumeric characters, "
            + "hyphens, or underscores, must end with .fifo suffix and be 1 to 80 in length";

    static Stream<String> badStandardNames() {
        return Stream.of("", "a".repeat(81), "invalid/name", "dot.name", "bang!", "caf\u00e9", "with space", "x.fifo");
    }

    @ParameterizedTest
    @MethodSource("badStandardNames")
    void standardQueueNameMustBeOneTo80WordCharacters(String name) {
        assertRejected(() -> engine.createQueue(name), INVALID_PARAMETER_VALUE, STANDARD_NAME_RULE);
        assertThat(engine.listQueues(null, null, null).queueNames()).isEmpty();
    }

    @Test
    void standardQueueNameOf80CharactersIsAccepted() {
        String name = "a".repeat(78) + "-_";
        assertThat(engine.createQueue(name)).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"no-suffix", "bad/name.fifo", ".fifo", "x.FIFO"})
    void fifoQueueNameMustEndInFifo(String name) {
        assertRejected(() -> engine.createQueue(name, Map.of("FifoQueue", "true"), Map.of()),
                INVALID_PARAMETER_VALUE, FIFO_NAME_RULE);
    }

    @Test
    void fifoSuffixCountsTowardThe80Characters() {
        String ok = "a".repeat(75) + ".fifo";
        assertThat(fifoQueue(ok)).isEqualTo(ok);
        String tooLong = "a".repeat(76) + ".fifo";
        assertRejected(() -> fifoQueue(tooLong), INVALID_PARAMETER_VALUE, FIFO_NAME_RULE);
    }

    @Test
    void queueNameIsRequired() {
        assertRejected(() -> engine.createQueue(null), MISSING_PARAMETER,
                "The request must contain the parameter QueueName.");
        assertRejected(() -> engine.getQueueUrl(null), MISSING_PARAMETER,
                "The request must contain the parameter QueueName.");
    }

    @Test
    void queueNamesAreCaseSensitive() {
        standardQueue("Orders");
        standardQueue("orders");
        assertThat(engine.listQueues(null, null, null).queueNames()).containsExactly("Orders", "orders");
        assertRejected(() -> engine.getQueueUrl("ORDERS"), QUEUE_DOES_NOT_EXIST, "The specified queue does not exist.");
    }

    @Test
    void recreatingWithADifferentAttributeValueIsQueueAlreadyExists() {
        engine.createQueue("q", Map.of("DelaySeconds", "1"), Map.of());
        assertRejected(() -> engine.createQueue("q", Map.of("DelaySeconds", "2"), Map.of()), QUEUE_ALREADY_EXISTS,
                "A queue already exists with the same name and a different value for attribute DelaySeconds");
        assertThat(attribute("q", "DelaySeconds")).isEqualTo("1");
    }

    @Test
    void recreatingAFifoQueueWithADifferentContentBasedDeduplicationIsQueueAlreadyExists() {
        engine.createQueue("q.fifo", Map.of("FifoQueue", "true", "ContentBasedDeduplication", "false"), Map.of());
        assertRejected(() -> engine.createQueue("q.fifo",
                        Map.of("FifoQueue", "true", "ContentBasedDeduplication", "true"), Map.of()),
                QUEUE_ALREADY_EXISTS, "A queue already exists with the same name and a different value for "
                        + "attribute ContentBasedDeduplication");
    }

    @Test
    void recreatingWithTheSameOrNoAttributesReturnsTheExistingQueue() {
        engine.createQueue("q", Map.of("DelaySeconds", "1"), Map.of());
        engine.sendMessage(SendMessageRequest.of("q", "kept"));
        assertThat(engine.createQueue("q", Map.of("DelaySeconds", "1"), Map.of())).isEqualTo("q");
        assertThat(engine.createQueue("q")).isEqualTo("q");
        assertThat(delayedCount("q")).isEqualTo(1);
    }

    @Test
    void recreatingWithin60SecondsOfDeleteIsQueueDeletedRecently() {
        standardQueue("q");
        engine.deleteQueue("q");
        clock.advance(Duration.ofMillis(59_999));
        assertRejected(() -> standardQueue("q"), QUEUE_DELETED_RECENTLY,
                "You must wait 60 seconds after deleting a queue before you can create another with the same name.");
        assertRejected(() -> engine.getQueueUrl("q"), QUEUE_DOES_NOT_EXIST, "The specified queue does not exist.");
        clock.advance(Duration.ofMillis(1));
        assertThat(standardQueue("q")).isEqualTo("q");
    }

    static Stream<Arguments> actionsOnAMissingQueue() {
        String q = "missing";
        List<Map.Entry<String, Consumer<SqsEngine>>> actions = List.of(
                Map.entry("GetQueueUrl", e -> e.getQueueUrl(q)),
                Map.entry("DeleteQueue", e -> e.deleteQueue(q)),
                Map.entry("GetQueueAttributes", e -> e.getQueueAttributes(q, List.of("All"))),
                Map.entry("SetQueueAttributes", e -> e.setQueueAttributes(q, Map.of("DelaySeconds", "1"))),
                Map.entry("PurgeQueue", e -> e.purgeQueue(q)),
                Map.entry("ListDeadLetterSourceQueues", e -> e.listDeadLetterSourceQueues(q, null, null)),
                Map.entry("TagQueue", e -> e.tagQueue(q, Map.of("k", "v"))),
                Map.entry("UntagQueue", e -> e.untagQueue(q, List.of("k"))),
                Map.entry("ListQueueTags", e -> e.listQueueTags(q)),
                Map.entry("SendMessage", e -> e.sendMessage(SendMessageRequest.of(q, "b"))),
                Map.entry("SendMessageBatch", e -> e.sendMessageBatch(q,
                        List.of(new BatchEntry<>("a", SendMessageRequest.of(q, "b"))))),
                Map.entry("ReceiveMessage", e -> e.receiveMessage(ReceiveMessageRequest.of(q))),
                Map.entry("DeleteMessage", e -> e.deleteMessage(q, "handle")),
                Map.entry("DeleteMessageBatch", e -> e.deleteMessageBatch(q, List.of(new BatchEntry<>("a", "handle")))),
                Map.entry("ChangeMessageVisibility", e -> e.changeMessageVisibility(q, "handle", 10)),
                Map.entry("ChangeMessageVisibilityBatch", e -> e.changeMessageVisibilityBatch(q,
                        List.of(new BatchEntry<>("a", new ChangeVisibilityRequest("handle", 10))))));
        return actions.stream().map(a -> Arguments.of(named(a.getKey(), a.getValue())));
    }

    @ParameterizedTest
    @MethodSource("actionsOnAMissingQueue")
    void everyActionOnAMissingQueueIsNonExistentQueue(Consumer<SqsEngine> action) {
        ThrowingCallable call = () -> action.accept(engine);
        assertRejected(call, QUEUE_DOES_NOT_EXIST, "The specified queue does not exist.");
    }
}
