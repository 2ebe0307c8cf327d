package dev.sluice.engine.validation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static dev.sluice.engine.validation.SqsErrors.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Attribute names and values of CreateQueue, SetQueueAttributes and GetQueueAttributes. */
class QueueAttributeRulesTest extends RulesTestBase {

    private static final String SSE_CONFLICT = "You can use one type of server-side encryption (SSE) at one time. "
            + "You can either enable KMS SSE or SQS SSE.";

    @ParameterizedTest
    @ValueSource(strings = {"Foo", "delayseconds", "QueueArn", "ApproximateNumberOfMessages",
            "ApproximateNumberOfMessagesNotVisible", "ApproximateNumberOfMessagesDelayed", "CreatedTimestamp",
            "LastModifiedTimestamp"})
    void unknownOrReadOnlyAttributeIsInvalidAttributeName(String name) {
        assertRejected(() -> engine.createQueue("q", Map.of(name, "1"), Map.of()), INVALID_ATTRIBUTE_NAME,
                "Unknown Attribute " + name + ".");
        assertThat(engine.listQueues(null, null, null).queueNames()).isEmpty();
        standardQueue("q");
        assertRejected(() -> engine.setQueueAttributes("q", Map.of(name, "1")), INVALID_ATTRIBUTE_NAME,
                "Unknown Attribute " + name + ".");
    }

    @Test
    void fifoQueueFalseOnCreateIsUnknown() {
        assertRejected(() -> engine.createQueue("q", Map.of("FifoQueue", "false"), Map.of()), INVALID_ATTRIBUTE_NAME,
                "Unknown Attribute FifoQueue.");
        assertThat(engine.listQueues(null, null, null).queueNames()).isEmpty();
    }

    @Test
    void settingFifoQueueOnAStandardQueueIsUnknown() {
        standardQueue("q");
        for (String value : List.of("true", "false")) {
            assertRejected(() -> engine.setQueueAttributes("q", Map.of("FifoQueue", value)), INVALID_ATTRIBUTE_NAME,
                    "Unknown Attribute FifoQueue.");
        }
    }

    @Test
    void contentBasedDeduplicationOnAStandardQueueIsUnknown() {
        assertRejected(() -> engine.createQueue("q", Map.of("ContentBasedDeduplication", "true"), Map.of()),
                INVALID_ATTRIBUTE_NAME, "Unknown Attribute ContentBasedDeduplication.");
        standardQueue("q");
        assertRejected(() -> engine.setQueueAttributes("q", Map.of("ContentBasedDeduplication", "true")),
                INVALID_ATTRIBUTE_NAME, "Unknown Attribute ContentBasedDeduplication.");
    }

    @ParameterizedTest
    @CsvSource({"DeduplicationScope,messageGroup", "FifoThroughputLimit,perMessageGroupId"})
    void fifoOnlySettingsOnAStandardQueueNeedFifoQueue(String name, String value) {
        assertRejected(() -> engine.createQueue("q", Map.of(name, value), Map.of()), INVALID_ATTRIBUTE_NAME,
                "You can specify the " + name + " only when FifoQueue is set to true.");
        standardQueue("q");
        assertRejected(() -> engine.setQueueAttributes("q", Map.of(name, value)), INVALID_ATTRIBUTE_NAME,
                "You can specify the " + name + " only when FifoQueue is set to true.");
    }

    @Test
    void sqsManagedSseAndKmsAreMutuallyExclusive() {
        standardQueue("q");
        assertRejected(() -> engine.setQueueAttributes("q",
                        Map.of("SqsManagedSseEnabled", "true", "KmsMasterKeyId", "alias/aws/sqs")),
                INVALID_ATTRIBUTE_NAME, SSE_CONFLICT);
        assertThat(attribute("q", "KmsMasterKeyId")).isNull();
        assertRejected(() -> engine.createQueue("q2",
                        Map.of("SqsManagedSseEnabled", "true", "KmsMasterKeyId", "alias/aws/sqs"), Map.of()),
                INVALID_ATTRIBUTE_NAME, SSE_CONFLICT);
    }

    static Stream<Arguments> integerAttributes() {
        return Stream.of(
                Arguments.of("DelaySeconds", 0, 900),
                Arguments.of("MaximumMessageSize", 1024, 1_048_576),
                Arguments.of("MessageRetentionPeriod", 60, 1_209_600),
                Arguments.of("ReceiveMessageWaitTimeSeconds", 0, 20),
                Arguments.of("VisibilityTimeout", 0, 43_200),
                Arguments.of("KmsDataKeyReusePeriodSeconds", 60, 86_400));
    }

    @ParameterizedTest(name = "{0} in [{1}, {2}]")
    @MethodSource("integerAttributes")
    void integerAttributeOutsideItsRangeIsInvalidAttributeValue(String name, int min, int max) {
        standardQueue("q");
        for (String bad : List.of(Integer.toString(min - 1), Integer.toString(max + 1), "abc", "", " 6", "1.5")) {
            assertRejected(() -> engine.setQueueAttributes("q", Map.of(name, bad)), INVALID_ATTRIBUTE_VALUE,
                    "Invalid value for the parameter " + name + ".");
            assertRejected(() -> engine.createQueue("other", Map.of(name, bad), Map.of()), INVALID_ATTRIBUTE_VALUE,
                    "Invalid value for the parameter " + name + ".");
        }
    }

    @ParameterizedTest(name = "{0} in [{1}, {2}]")
    @MethodSource("integerAttributes")
    void integerAttributeBoundariesAreAccepted(String name, int min, int max) {
        standardQueue("q");
        engine.setQueueAttributes("q", Map.of("KmsMasterKeyId", "alias/aws/sqs"));
        engine.setQueueAttributes("q", Map.of(name, Integer.toString(min)));
        assertThat(attribute("q", name)).isEqualTo(Integer.toString(min));
        engine.setQueueAttributes("q", Map.of(name, Integer.toString(max)));
        assertThat(attribute("q", name)).isEqualTo(Integer.toString(max));
    }

    @Test
    void rejectedSetQueueAttributesChangesNothing() {
        standardQueue("q");
        Map<String, String> before = engine.getQueueAttributes("q", List.of("All"));
        assertRejected(() -> engine.setQueueAttributes("q", Map.of("DelaySeconds", "5", "VisibilityTimeout", "43201")),
                INVALID_ATTRIBUTE_VALUE, "Invalid value for the parameter VisibilityTimeout.");
        assertThat(engine.getQueueAttributes("q", List.of("All"))).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "[]", "\"text\""})
    void policyMustBeAJsonPolicyDocument(String policy) {
        standardQueue("q");
        assertRejected(() -> engine.setQueueAttributes("q", Map.of("Policy", policy)), INVALID_ATTRIBUTE_VALUE,
                "Invalid value for the parameter Policy.");
        assertThat(attribute("q", "Policy")).isNull();
    }

    @Test
    void policyHasAtMost20Statements() {
        standardQueue("q");
        engine.setQueueAttributes("q", Map.of("Policy", policyWith(20)));
        assertThat(attribute("q", "Policy")).isEqualTo(policyWith(20));
        assertRejected(() -> engine.setQueueAttributes("q", Map.of("Policy", policyWith(21))), INVALID_ATTRIBUTE_VALUE,
                "21 statements were found in the submitted policy, max allowed is 20");
        assertThat(attribute("q", "Policy")).isEqualTo(policyWith(20));
    }

    private static String policyWith(int statements) {
        return IntStream.range(0, statements)
                .mapToObj(i -> "{\"Sid\":\"s" + i + "\",\"Effect\":\"Allow\",\"Principal\":\"*\","
                        + "\"Action\":\"sqs:SendMessage\",\"Resource\":\"*\"}")
                .collect(Collectors.joining(",", "{\"Version\":\"2012-10-17\",\"Statement\":[", "]}"));
    }

    @Test
    void emptyPolicyAndRedrivePolicyRemoveThem() {
        standardQueue("q");
        engine.setQueueAttributes("q", Map.of("Policy", policyWith(1)));
        engine.setQueueAttributes("q", Map.of("Policy", "", "RedrivePolicy", ""));
        assertThat(engine.getQueueAttributes("q", List.of("All"))).doesNotContainKeys("Policy", "RedrivePolicy");
    }

    @Test
    void aFifoQueueCannotBecomeStandard() {
        fifoQueue("q.fifo");
        assertRejected(() -> engine.setQueueAttributes("q.fifo", Map.of("FifoQueue", "false")), INVALID_ATTRIBUTE_VALUE,
                "Invalid value for the parameter FifoQueue. Reason: Modifying queue type is not supported.");
        engine.setQueueAttributes("q.fifo", Map.of("FifoQueue", "true"));
        assertThat(attribute("q.fifo", "FifoQueue")).isEqualTo("true");
    }

    @ParameterizedTest
    @CsvSource({"ContentBasedDeduplication,yes", "SqsManagedSseEnabled,1", "DeduplicationScope,group",
            "FifoThroughputLimit,perGroup"})
    void enumeratedAttributeWithAnUnknownValueIsInvalidAttributeValue(String name, String value) {
        fifoQueue("q.fifo");
        assertRejected(() -> engine.setQueueAttributes("q.fifo", Map.of(name, value)), INVALID_ATTRIBUTE_VALUE,
                "Invalid value for the parameter " + name + ".");
    }

    @Test
    void setQueueAttributesNeedsAttributes() {
        standardQueue("q");
        assertRejected(() -> engine.setQueueAttributes("q", Map.of()), MISSING_PARAMETER,
                "The request must contain the parameter Attributes.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Foo", "FifoQueue", "ContentBasedDeduplication", "DeduplicationScope",
            "FifoThroughputLimit"})
    void getQueueAttributesOfAnUnknownNameIsInvalidAttributeName(String name) {
        standardQueue("q");
        assertRejected(() -> engine.getQueueAttributes("q", List.of("DelaySeconds", name)), INVALID_ATTRIBUTE_NAME,
                "Unknown Attribute " + name + ".");
    }

    @Test
    void getQueueAttributesWithoutNamesReturnsNone() {
        standardQueue("q");
        assertThat(engine.getQueueAttributes("q", List.of())).isEmpty();
    }
}
