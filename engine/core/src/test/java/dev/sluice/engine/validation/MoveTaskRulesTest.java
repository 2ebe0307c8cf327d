package dev.sluice.engine.validation;

import dev.sluice.engine.model.SendMessageRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static dev.sluice.engine.validation.SqsErrors.*;
import static org.assertj.core.api.Assertions.assertThat;

/** StartMessageMoveTask, ListMessageMoveTasks and CancelMessageMoveTask. */
class MoveTaskRulesTest extends RulesTestBase {

    private String dlqArn;
    private String srcArn;

    @BeforeEach
    void deadLetterQueue() {
        standardQueue("dlq");
        dlqArn = engine.queueArn("dlq");
        engine.createQueue("src", Map.of("RedrivePolicy",
                "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":1}"), Map.of());
        srcArn = engine.queueArn("src");
    }

    private static String arnFormat(String parameter) {
        return "You must use this format to specify the " + parameter
                + ": arn:<partition>:<service>:<region>:<account-id>:<resource-id>";
    }

    @Test
    void sourceMustBeADeadLetterQueue() {
        assertRejected(() -> engine.startMessageMoveTask(srcArn, null, null), INVALID_PARAMETER_VALUE,
                "Source queue must be configured as a Dead Letter Queue.");
        assertThat(engine.listMessageMoveTasks(srcArn, 10)).isEmpty();
    }

    @Test
    void destinationMustExist() {
        assertRejected(() -> engine.startMessageMoveTask(dlqArn, engine.queueArn("nope"), null), RESOURCE_NOT_FOUND,
                "The resource that you specified for the DestinationArn parameter doesn't exist.");
        assertThat(engine.listMessageMoveTasks(dlqArn, 10)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"nope", "elsewhere"})
    void sourceMustExist(String which) {
        String arn = which.equals("nope") ? engine.queueArn("nope") : "arn:aws:sqs:us-east-1:111111111111:dlq";
        assertRejected(() -> engine.startMessageMoveTask(arn, null, null), RESOURCE_NOT_FOUND,
                "The resource that you specified for the SourceArn parameter doesn't exist.");
        assertRejected(() -> engine.listMessageMoveTasks(arn, null), RESOURCE_NOT_FOUND,
                "The resource that you specified for the SourceArn parameter doesn't exist.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dlq", "arn:aws:sns:us-east-1:000000000000:dlq", "arn:aws:sqs:us-east-1:dlq"})
    void arnsMustBeWellFormed(String bad) {
        assertRejected(() -> engine.startMessageMoveTask(bad, null, null), INVALID_PARAMETER_VALUE,
                arnFormat("SourceArn"));
        assertRejected(() -> engine.startMessageMoveTask(dlqArn, bad, null), INVALID_PARAMETER_VALUE,
                arnFormat("DestinationArn"));
        assertRejected(() -> engine.listMessageMoveTasks(bad, null), INVALID_PARAMETER_VALUE, arnFormat("SourceArn"));
    }

    @Test
    void onlyOneRunningTaskPerSource() {
        for (int i = 0; i < 3; i++) {
            engine.sendMessage(SendMessageRequest.of("dlq", "m" + i));
        }
        // One message per second keeps the first task running while the second start is refused.
        String handle = engine.startMessageMoveTask(dlqArn, srcArn, 1);
        assertRejected(() -> engine.startMessageMoveTask(dlqArn, srcArn, null), INVALID_PARAMETER_VALUE,
                "There is already a task running. Only one active task is allowed for a source queue arn at a given "
                        + "time.");
        assertThat(engine.listMessageMoveTasks(dlqArn, 10)).singleElement()
                .satisfies(t -> assertThat(t.taskHandle()).isEqualTo(handle));
        engine.cancelMessageMoveTask(handle);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 501})
    void maxNumberOfMessagesPerSecondIsFrom1To500(int rate) {
        // The oracle has no AWS text for this rule: the engine's is asserted.
        assertRejected(() -> engine.startMessageMoveTask(dlqArn, null, rate), INVALID_PARAMETER_VALUE,
                "Value " + rate + " for parameter MaxNumberOfMessagesPerSecond is invalid. Reason: Must be between 1 "
                        + "and 500, if provided.");
        assertThat(engine.listMessageMoveTasks(dlqArn, 10)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 11})
    void listMaxResultsIsFrom1To10(int max) {
        assertRejected(() -> engine.listMessageMoveTasks(dlqArn, max), INVALID_PARAMETER_VALUE,
                "Value " + max + " for parameter MaxResults is invalid. Reason: Must be between 1 and 10, if provided.");
    }

    private static String handle(String taskId, String sourceArn) {
        return Base64.getEncoder().encodeToString((taskId + "\n" + sourceArn).getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage!", "dGFzay1pZA=="})
    void undecodableTaskHandleIsInvalid(String taskHandle) {
        assertRejected(() -> engine.cancelMessageMoveTask(taskHandle), INVALID_PARAMETER_VALUE,
                "Value for parameter TaskHandle is invalid.");
    }

    @Test
    void taskHandleWithAnUnknownSourceIsResourceNotFound() {
        assertRejected(() -> engine.cancelMessageMoveTask(handle(UUID.randomUUID().toString(), engine.queueArn("gone"))),
                RESOURCE_NOT_FOUND, "The resource that you specified for the SourceArn parameter doesn't exist.");
    }

    @Test
    void taskHandleWithAnUnknownTaskIsResourceNotFound() {
        assertRejected(() -> engine.cancelMessageMoveTask(handle(UUID.randomUUID().toString(), dlqArn)),
                RESOURCE_NOT_FOUND, "Task does not exist.");
    }
}
