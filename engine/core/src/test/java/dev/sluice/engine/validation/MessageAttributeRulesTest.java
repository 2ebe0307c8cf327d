package dev.sluice.engine.validation;

import dev.sluice.engine.model.MessageAttribute;
import dev.sluice.engine.model.SendMessageRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.LinkedHashMap;
import java.util.Map;

import static dev.sluice.engine.validation.SqsErrors.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Message (user) attributes of SendMessage. */
class MessageAttributeRulesTest extends RulesTestBase {

    @BeforeEach
    void queue() {
        standardQueue("q");
    }

    private void assertAttributesRejected(Map<String, MessageAttribute> attributes, String message) {
        assertRejected(() -> engine.sendMessage(SendMessageRequest.of("q", "b").withAttributes(attributes)),
                INVALID_PARAMETER_VALUE, message);
        assertThat(visibleCount("q")).as("nothing enqueued").isZero();
    }

    private void send(Map<String, MessageAttribute> attributes) {
        engine.sendMessage(SendMessageRequest.of("q", "b").withAttributes(attributes));
    }

    private static Map<String, MessageAttribute> attributes(int n) {
        Map<String, MessageAttribute> m = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            m.put("a" + i, MessageAttribute.string("v"));
        }
        return m;
    }

    @Test
    void tenAttributesAreAcceptedAndElevenAreNot() {
        send(attributes(10));
        assertRejected(() -> send(attributes(11)), INVALID_PARAMETER_VALUE,
                "Number of message attributes [11] exceeds the allowed maximum [10].");
        assertThat(visibleCount("q")).isEqualTo(1);
    }

    @Test
    void attributeNameMustNotBeEmpty() {
        assertAttributesRejected(Map.of("", MessageAttribute.string("v")),
                "The request must contain non-empty message (user) attribute names.");
    }

    @Test
    void attributeNameMustBeShorterThan256Bytes() {
        send(Map.of(repeat('n', 255), MessageAttribute.string("v")));
        assertAttributesRejectedAfterOne(Map.of(repeat('n', 256), MessageAttribute.string("v")),
                "Message (user) attribute names must be shorter than 256 Bytes");
    }

    private void assertAttributesRejectedAfterOne(Map<String, MessageAttribute> attributes, String message) {
        assertRejected(() -> send(attributes), INVALID_PARAMETER_VALUE, message);
        assertThat(visibleCount("q")).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"with space", "slash/name", "star*", "caf\u00e9", "colon:name"})
    void attributeNameHasOnlyWordCharactersPeriodsAndHyphens(String name) {
        assertAttributesRejected(Map.of(name, MessageAttribute.string("v")), "Message (user) attributes name can "
                + "only contain upper and lower score characters, digits, periods, hyphens and underscores. ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"AWS.x", "aws.x", "Amazon.x", "AMAZON.x", ".start", "end."})
    void attributeNameMustNotUseAReservedPrefixOrStartOrEndWithAPeriod(String name) {
        assertAttributesRejected(Map.of(name, MessageAttribute.string("v")), "You can't use message attribute "
                + "names beginning with 'AWS.' or 'Amazon.'. These strings are reserved for internal use. "
                + "Additionally, they cannot start or end with '.'.");
    }

    @Test
    void attributeNameMustNotHaveSuccessivePeriods() {
        assertAttributesRejected(Map.of("a..b", MessageAttribute.string("v")),
                "Message (user) attribute name must not have successive '.' characters.");
    }

    @Test
    void validAttributeNamesAreAccepted() {
        send(Map.of("Aws-ok_1.x", MessageAttribute.string("v"), "AmazonX", MessageAttribute.string("v")));
        assertThat(visibleCount("q")).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Foo", "string", "Strings", "String.", "Int"})
    void dataTypeMustStartWithStringNumberOrBinary(String type) {
        assertAttributesRejected(Map.of("n", new MessageAttribute(type, "1", null)), "The type of message (user) "
                + "attribute 'n' is invalid. You must use only the following supported type prefixes: Binary, Number, "
                + "String.");
    }

    @Test
    void customTypeLabelsAreAccepted() {
        send(Map.of("f", new MessageAttribute("Number.float", "1.5", null),
                "g", new MessageAttribute("Binary.gif", null, new byte[]{1}),
                "s", new MessageAttribute("String.x", "v", null)));
        assertThat(visibleCount("q")).isEqualTo(1);
    }

    @Test
    void dataTypeMustBeShorterThan256Bytes() {
        send(Map.of("n", new MessageAttribute("String." + repeat('x', 248), "v", null)));
        assertAttributesRejectedAfterOne(Map.of("n", new MessageAttribute("String." + repeat('x', 249), "v", null)),
                "Message (user) attribute types must be shorter than 256 Bytes");
    }

    @Test
    void dataTypeIsRequired() {
        // The oracle has no agreed text for this rule: the engine's own is asserted.
        assertAttributesRejected(Map.of("n", new MessageAttribute(null, "v", null)),
                "The message (user) attribute 'n' must contain a non-empty message attribute type.");
    }

    @Test
    void stringAttributeMustNotBeEmpty() {
        assertAttributesRejected(Map.of("ErrorDetails", MessageAttribute.string("")),
                "Message (user) attribute 'ErrorDetails' must contain a non-empty value of type 'String'.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1,5", "0x10", "--1"})
    void numberAttributeMustBeANumber(String value) {
        assertAttributesRejected(Map.of("n", MessageAttribute.number(value)),
                "Can't cast the value of message (user) attribute 'n' to a number.");
    }

    @Test
    void numbersAreAccepted() {
        send(Map.of("a", MessageAttribute.number("-12.5e3"), "b", MessageAttribute.number(repeat('9', 38))));
        assertThat(visibleCount("q")).isEqualTo(1);
    }

    @Test
    void stringAttributeValueWithInvalidCharactersIsInvalidParameterValue() {
        assertAttributesRejected(Map.of("n", MessageAttribute.string("bad\u0000")), "Invalid characters found. Valid "
                + "unicode characters are #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF");
    }
}
