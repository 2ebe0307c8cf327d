package dev.sluice.engine.queue;

import dev.sluice.engine.error.SqsError;
import dev.sluice.engine.error.SqsException;
import dev.sluice.engine.model.MessageAttribute;
import dev.sluice.engine.model.SendMessageRequest;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

/** The rules SQS applies to a message before accepting it, with AWS's error for each. */
final class MessageValidation {

    static final int MAX_ATTRIBUTES = 10;
    private static final Pattern GROUP_OR_DEDUP_ID = Pattern.compile("[\\p{Alnum}\\p{Punct}]{1,128}");
    private static final String VALID_CHARACTERS = "Valid unicode characters are #x9 | #xA | #xD | #x20 to #xD7FF "
            + "| #xE000 to #xFFFD | #x10000 to #x10FFFF";

    private MessageValidation() {
    }

    /**
     * Validates a send against the queue's settings. {@code inBatch} selects the batch variants of AWS's
     * messages (a missing group id is an invalid value there, and size errors "cannot be validated").
     */
    static void validate(SendMessageRequest r, QueueSettings settings, boolean inBatch) {
        if (r.body() == null || r.body().isEmpty()) {
            throw SqsException.missingParameter("MessageBody");
        }
        if (settings.fifo()) {
            validateFifo(r, settings, inBatch);
        } else {
            validateStandard(r);
        }
        checkCharacters(r.body());
        validateAttributes(r.attributes());
        long size = sizeOf(r.body(), r.attributes());
        if (size > settings.maximumMessageSize()) {
            String reason = "Message must be shorter than " + settings.maximumMessageSize() + " bytes.";
            throw inBatch
                    ? new SqsException(SqsError.INVALID_PARAMETER_VALUE,
                            "One or more parameters cannot be validated. Reason: " + reason)
                    : SqsException.invalidParameters(reason);
        }
        if (r.priority() < 0 || r.priority() > 9) {
            throw SqsException.invalidParameter("Priority", r.priority(), "Must be between 0 and 9.");
        }
    }

    private static void validateFifo(SendMessageRequest r, QueueSettings settings, boolean inBatch) {
        if (r.groupId() == null) {
            throw inBatch
                    ? new SqsException(SqsError.INVALID_PARAMETER_VALUE,
                            "The request must contain the parameter MessageGroupId.")
                    : SqsException.missingParameter("MessageGroupId");
        }
        checkId("MessageGroupId", r.groupId());
        if (r.deduplicationId() != null) {
            checkId("MessageDeduplicationId", r.deduplicationId());
        } else if (!settings.contentBasedDeduplication()) {
            throw new SqsException(SqsError.INVALID_PARAMETER_VALUE, "The queue should either have "
                    + "ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly");
        }
        if (r.delaySeconds() != null && r.delaySeconds() != 0) {
            throw SqsException.invalidParameter("DelaySeconds", r.delaySeconds(),
                    "The request include parameter that is not valid for this queue type.");
        }
    }

    private static void validateStandard(SendMessageRequest r) {
        if (r.groupId() != null) {
            checkId("MessageGroupId", r.groupId());
        }
        if (r.deduplicationId() != null) {
            throw SqsException.invalidParameter("MessageDeduplicationId", r.deduplicationId(),
                    "The request includes a parameter that is not valid for this queue type.");
        }
        if (r.delaySeconds() != null && (r.delaySeconds() < 0 || r.delaySeconds() > 900)) {
            throw SqsException.invalidParameter("DelaySeconds", r.delaySeconds(),
                    "DelaySeconds must be >= 0 and <= 900.");
        }
    }

    private static void checkId(String parameter, String value) {
        if (!GROUP_OR_DEDUP_ID.matcher(value).matches()) {
            throw SqsException.invalidParameter(parameter, value, parameter
                    + " can only include alphanumeric and punctuation characters. 1 to 128 in length.");
        }
    }

    static void checkCharacters(String text) {
        if (!validCharacters(text)) {
            throw new SqsException(SqsError.INVALID_MESSAGE_CONTENTS, "Invalid characters found. " + VALID_CHARACTERS);
        }
    }

    private static boolean validCharacters(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0xD800) {
                continue; // nearly every character of nearly every message
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++; // #x10000 to #x10FFFF
                continue;
            }
            boolean ok = c == 0x9 || c == 0xA || c == 0xD || (c >= 0xE000 && c <= 0xFFFD);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    static void validateAttributes(Map<String, MessageAttribute> attributes) {
        if (attributes.size() > MAX_ATTRIBUTES) {
            throw new SqsException(SqsError.INVALID_PARAMETER_VALUE, "Number of message attributes ["
                    + attributes.size() + "] exceeds the allowed maximum [" + MAX_ATTRIBUTES + "].");
        }
        for (Map.Entry<String, MessageAttribute> e : attributes.entrySet()) {
            validateAttribute(e.getKey(), e.getValue());
        }
    }

    private static void validateAttribute(String name, MessageAttribute value) {
        if (name == null || name.isEmpty()) {
            throw invalid("The request must contain non-empty message (user) attribute names.");
        }
        if (name.getBytes(StandardCharsets.UTF_8).length >= 256) {
            throw invalid("Message (user) attribute names must be shorter than 256 Bytes");
        }
        if (!attributeNameCharacters(name)) {
            throw invalid("Message (user) attributes name can only contain upper and lower score characters, "
                    + "digits, periods, hyphens and underscores. ");
        }
        if (name.regionMatches(true, 0, "aws.", 0, 4) || name.regionMatches(true, 0, "amazon.", 0, 7)
                || name.startsWith(".") || name.endsWith(".")) {
            throw invalid("You can't use message attribute names beginning with 'AWS.' or 'Amazon.'. These strings "
                    + "are reserved for internal use. Additionally, they cannot start or end with '.'.");
        }
        if (name.contains("..")) {
            throw invalid("Message (user) attribute name must not have successive '.' characters.");
        }
        String type = value == null ? null : value.dataType();
        if (type == null || type.isEmpty()) {
            throw invalid("The message (user) attribute '" + name + "' must contain a non-empty message attribute type.");
        }
        if (type.getBytes(StandardCharsets.UTF_8).length >= 256) {
            throw invalid("Message (user) attribute types must be shorter than 256 Bytes");
        }
        String base = value.baseType();
        boolean labelOk = type.length() == base.length() || type.length() > base.length() + 1;
        switch (labelOk ? base : "") {
            case "String" -> {
                if (value.stringValue() == null || value.stringValue().isEmpty()) {
                    throw invalid("Message (user) attribute '" + name + "' must contain a non-empty value of type 'String'.");
                }
                if (!validCharacters(value.stringValue())) {
                    throw invalid("Invalid characters found. " + VALID_CHARACTERS);
                }
            }
            case "Number" -> {
                if (value.stringValue() == null || value.stringValue().isEmpty()) {
                    throw invalid("Message (user) attribute '" + name + "' must contain a non-empty value of type 'Number'.");
                }
                checkNumber(name, value.stringValue());
            }
            case "Binary" -> {
                if (value.binaryValue() == null || value.binaryValue().length == 0) {
                    throw invalid("Message (user) attribute '" + name + "' must contain a non-empty value of type 'Binary'.");
                }
            }
            default -> throw invalid("The type of message (user) attribute '" + name + "' is invalid. You must use "
                    + "only the following supported type prefixes: Binary, Number, String.");
        }
    }

    /** [A-Za-z0-9_.-]+ */
    private static boolean attributeNameCharacters(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '-' || c == '.';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static void checkNumber(String name, String text) {
        try {
            BigDecimal n = new BigDecimal(text.trim());
            if (n.precision() > 38 && n.stripTrailingZeros().precision() > 38) {
                throw invalid("Value " + text + " for message (user) attribute '" + name
                        + "' is not a valid number: at most 38 digits of precision.");
            }
        } catch (NumberFormatException e) {
            throw invalid("Can't cast the value of message (user) attribute '" + name + "' to a number.");
        }
    }

    private static SqsException invalid(String message) {
        return new SqsException(SqsError.INVALID_PARAMETER_VALUE, message);
    }

    /** The size SQS counts against MaximumMessageSize: body plus each attribute's name, type and value. */
    static long sizeOf(String body, Map<String, MessageAttribute> attributes) {
        long size = utf8Length(body);
        for (Map.Entry<String, MessageAttribute> e : attributes.entrySet()) {
            MessageAttribute a = e.getValue();
            size += utf8Length(e.getKey()) + utf8Length(a.dataType());
            size += a.binaryValue() != null ? a.binaryValue().length : utf8Length(a.stringValue());
        }
        return size;
    }

    static long utf8Length(String s) {
        if (s == null) {
            return 0;
        }
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c)) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
