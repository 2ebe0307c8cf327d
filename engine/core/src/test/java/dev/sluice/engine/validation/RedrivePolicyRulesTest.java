package dev.sluice.engine.validation;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static dev.sluice.engine.validation.SqsErrors.*;
import static org.assertj.core.api.Assertions.assertThat;

/** RedrivePolicy and RedriveAllowPolicy. Errors echo the policy exactly as sent. */
class RedrivePolicyRulesTest extends RulesTestBase {

    private String dlqArn;

    @BeforeEach
    void queues() {
        standardQueue("dlq");
        standardQueue("src");
        dlqArn = engine.queueArn("dlq");
    }

    private static String redriveInvalid(String policy, String reason) {
        return "Value " + policy + " for parameter RedrivePolicy is invalid. Reason: " + reason;
    }

    private void assertRedriveRejected(String policy, String reason) {
        assertRejected(() -> engine.setQueueAttributes("src", Map.of("RedrivePolicy", policy)),
                INVALID_PARAMETER_VALUE, redriveInvalid(policy, reason));
        assertThat(attribute("src", "RedrivePolicy")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "[1,2]", "42"})
    void redrivePolicyMustBeAJsonMap(String policy) {
        assertRejected(() -> engine.setQueueAttributes("src", Map.of("RedrivePolicy", policy)),
                INVALID_ATTRIBUTE_VALUE,
                "Invalid value for the parameter RedrivePolicy. Reason: Redrive policy is not a valid JSON map.");
    }

    @Test
    void maxReceiveCountIsMandatoryAndCheckedFirst() {
        assertRedriveRejected("{}", "Redrive policy does not contain mandatory attribute: maxReceiveCount.");
        assertRedriveRejected("{\"deadLetterTargetArn\":\"" + dlqArn + "\"}",
                "Redrive policy does not contain mandatory attribute: maxReceiveCount.");
    }

    @Test
    void deadLetterTargetArnIsMandatory() {
        assertRedriveRejected("{\"maxReceiveCount\":5}",
                "Redrive policy does not contain mandatory attribute: deadLetterTargetArn.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1001", "-1", "\"abc\""})
    void maxReceiveCountIsFrom1To1000(String count) {
        String policy = "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":" + count + "}";
        assertRedriveRejected(policy, "Invalid value for maxReceiveCount: " + count.replace("\"", "")
                + ", valid values are from 1 to 1000 both inclusive.");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 1000})
    void maxReceiveCountBoundariesAreAccepted(int count) {
        engine.setQueueAttributes("src", Map.of("RedrivePolicy",
                "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"" + count + "\"}"));
        assertThat(attribute("src", "RedrivePolicy"))
                .isEqualTo("{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":" + count + "}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"arn:aws:sns:us-east-1:000000000000:topic", "dlq", "arn:aws:sqs"})
    void deadLetterTargetMustBeAnSqsQueueArn(String arn) {
        assertRedriveRejected("{\"deadLetterTargetArn\":\"" + arn + "\",\"maxReceiveCount\":5}",
                "Only SQS queues are valid resources for deadLetterTargetArn.");
    }

    @Test
    void deadLetterTargetMustExist() {
        assertRedriveRejected("{\"deadLetterTargetArn\":\"" + engine.queueArn("nope") + "\",\"maxReceiveCount\":5}",
                "Dead letter target does not exist.");
        assertRedriveRejected("{\"deadLetterTargetArn\":\"arn:aws:sqs:eu-west-1:000000000000:dlq\","
                + "\"maxReceiveCount\":5}", "Dead letter target does not exist.");
    }

    @Test
    void deadLetterTargetMustBeOwnedByTheSameAccount() {
        assertRedriveRejected("{\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:111111111111:dlq\","
                + "\"maxReceiveCount\":5}", "Dead-letter target owner should be same as the source.");
    }

    @Test
    void deadLetterQueueMustBeOfTheSameTypeAsTheSource() {
        fifoQueue("dlq.fifo");
        assertRedriveRejected("{\"deadLetterTargetArn\":\"" + engine.queueArn("dlq.fifo") + "\",\"maxReceiveCount\":5}",
                "Dead-letter queue must be same type of queue as the source..");
        String policy = "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":5}";
        assertRejected(() -> engine.createQueue("src.fifo", Map.of("FifoQueue", "true", "RedrivePolicy", policy),
                Map.of()), INVALID_PARAMETER_VALUE,
                redriveInvalid(policy, "Dead-letter queue must be same type of queue as the source.."));
        assertThat(engine.listQueues("src.fifo", null, null).queueNames()).isEmpty();
    }

    @Test
    void anUnrelatedChangeIsNotRefusedWhenTheDeadLetterQueueIsGone() {
        engine.setQueueAttributes("src", Map.of("RedrivePolicy",
                "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":5}"));
        engine.deleteQueue("dlq");
        engine.setQueueAttributes("src", Map.of("DelaySeconds", "3"));
        assertThat(attribute("src", "DelaySeconds")).isEqualTo("3");
    }

    @Test
    void onlyTheTwoKnownKeysAreAllowed() {
        assertRedriveRejected("{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":5,\"extra\":1}",
                "Only following attributes are supported: [maxReceiveCount, deadLetterTargetArn].");
    }

    // ---- RedriveAllowPolicy ----------------------------------------------------------------------

    private static final String UNSUPPORTED_FORMAT = "Invalid value for the parameter RedriveAllowPolicy. Reason: "
            + "Amazon SQS can't create the redrive allow policy, as it\u2019s in an unsupported format.";

    private void assertAllowPolicyRejected(String policy, String message) {
        assertRejected(() -> engine.setQueueAttributes("dlq", Map.of("RedriveAllowPolicy", policy)),
                INVALID_PARAMETER_VALUE, message);
        assertThat(attribute("dlq", "RedriveAllowPolicy")).isNull();
    }

    private static String allowInvalid(String policy, String reason) {
        return "Value " + policy + " for parameter RedriveAllowPolicy is invalid. Reason: Amazon SQS can't create "
                + "the redrive allow policy. " + reason;
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "[]", "{}", "{\"redrivePermission\":\"sometimes\"}",
            "{\"redrivePermission\":\"allowAll\",\"other\":1}",
            "{\"redrivePermission\":\"byQueue\",\"sourceQueueArns\":\"arn:aws:sqs:us-east-1:000000000000:src\"}",
            "{\"redrivePermission\":\"byQueue\",\"sourceQueueArns\":[1]}"})
    void redriveAllowPolicyInAnUnsupportedFormat(String policy) {
        assertAllowPolicyRejected(policy, UNSUPPORTED_FORMAT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"redrivePermission\":\"byQueue\"}",
            "{\"redrivePermission\":\"byQueue\",\"sourceQueueArns\":[]}"})
    void byQueueNeedsSourceQueueArns(String policy) {
        assertAllowPolicyRejected(policy, allowInvalid(policy, "When you specify the byQueue permission type, you "
                + "must also specify one or more sourceQueueArns values."));
    }

    @Test
    void atMost10SourceQueueArns() {
        String ten = byQueue(10);
        engine.setQueueAttributes("dlq", Map.of("RedriveAllowPolicy", ten));
        assertThat(attribute("dlq", "RedriveAllowPolicy")).isEqualTo(ten);
        String eleven = byQueue(11);
        assertRejected(() -> engine.setQueueAttributes("dlq", Map.of("RedriveAllowPolicy", eleven)),
                INVALID_PARAMETER_VALUE,
                allowInvalid(eleven, "The maximum number of source queue ARNs you can specify is 10."));
        assertThat(attribute("dlq", "RedriveAllowPolicy")).isEqualTo(ten);
    }

    private String byQueue(int n) {
        return IntStream.range(0, n).mapToObj(i -> "\"" + engine.queueArn("s" + i) + "\"")
                .collect(Collectors.joining(",", "{\"redrivePermission\":\"byQueue\",\"sourceQueueArns\":[", "]}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"allowAll", "denyAll"})
    void sourceQueueArnsOnlyWithByQueue(String permission) {
        String policy = "{\"redrivePermission\":\"" + permission + "\",\"sourceQueueArns\":[\""
                + engine.queueArn("src") + "\"]}";
        assertAllowPolicyRejected(policy, allowInvalid(policy,
                "To specify one or more source queue ARNs, you must set redrivePermission to byQueue."));
    }

    @Test
    void aDeadLetterQueueThatDeniesAllRefusesSources() {
        engine.setQueueAttributes("dlq", Map.of("RedriveAllowPolicy", "{\"redrivePermission\":\"denyAll\"}"));
        String policy = "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":5}";
        // No AWS text for this rule in the oracle: assert the code and the RedrivePolicy form only.
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> engine.setQueueAttributes("src", Map.of("RedrivePolicy", policy)))
                .isInstanceOfSatisfying(dev.sluice.engine.error.SqsException.class, e -> {
                    assertThat(e.error().code()).isEqualTo("InvalidParameterValue");
                    assertThat(e.getMessage()).startsWith("Value " + policy + " for parameter RedrivePolicy is invalid.");
                });
        assertThat(attribute("src", "RedrivePolicy")).isNull();
    }
}
