package dev.sluice.engine.queue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.engine.error.SqsError;
import dev.sluice.engine.error.SqsException;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static dev.sluice.engine.queue.QueueAttributeNames.*;

/**
 * The settable attributes of a queue, validated as SQS validates them, with typed accessors for the ones
 * the engine acts on. Immutable: a change yields a new instance.
 */
public final class QueueSettings {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> REDRIVE_KEYS = Set.of("deadLetterTargetArn", "maxReceiveCount");

    private final boolean fifo;
    /** Explicitly set values, normalised; defaults are not stored so they can change with the service. */
    private final Map<String, String> values;
    private final RedrivePolicy redrivePolicy;

    private QueueSettings(boolean fifo, Map<String, String> values) {
        this.fifo = fifo;
        this.values = Map.copyOf(values);
        String redrive = values.get(REDRIVE_POLICY);
        this.redrivePolicy = redrive == null ? null : parseRedrive(redrive);
    }

    public static QueueSettings empty(boolean fifo) {
        return new QueueSettings(fifo, Map.of());
    }

    /** Restores settings that were validated before they were stored. */
    public static QueueSettings restore(boolean fifo, Map<String, String> stored) {
        return new QueueSettings(fifo, stored);
    }

    /**
     * The settings after applying {@code changes}; every change is validated first and none is applied if
     * one is invalid. {@code creating} allows FifoQueue.
     */
    public QueueSettings with(Map<String, String> changes, boolean creating) {
        Map<String, String> next = new HashMap<>(values);
        for (Map.Entry<String, String> change : changes.entrySet()) {
            String name = change.getKey();
            String value = change.getValue() == null ? "" : change.getValue();
            validateName(name, creating);
            String normalised = normalise(name, value);
            if (normalised == null) {
                next.remove(name);
            } else {
                next.put(name, normalised);
            }
        }
        boolean sqsSse = Boolean.parseBoolean(next.getOrDefault(SQS_MANAGED_SSE_ENABLED, "false"));
        if (sqsSse && next.containsKey(KMS_MASTER_KEY_ID)) {
            throw new SqsException(SqsError.INVALID_ATTRIBUTE_NAME, "You can use one type of server-side encryption "
                    + "(SSE) at one time. You can either enable KMS SSE or SQS SSE.");
        }
        if (changes.containsKey(KMS_MASTER_KEY_ID) && !changes.containsKey(SQS_MANAGED_SSE_ENABLED)) {
            next.remove(SQS_MANAGED_SSE_ENABLED);
        }
        return new QueueSettings(fifo, next);
    }

    private void validateName(String name, boolean creating) {
        if (!SETTABLE.contains(name)) {
            throw SqsException.unknownAttribute(name);
        }
        if (!fifo) {
            switch (name) {
                case DEDUPLICATION_SCOPE, FIFO_THROUGHPUT_LIMIT -> throw new SqsException(
                        SqsError.INVALID_ATTRIBUTE_NAME,
                        "You can specify the " + name + " only when FifoQueue is set to true.");
                case FIFO_QUEUE, CONTENT_BASED_DEDUPLICATION -> throw SqsException.unknownAttribute(name);
                default -> {
                }
            }
        }
    }

    /** The stored form of a value, or {@code null} to go back to the default. */
    private String normalise(String name, String value) {
        return switch (name) {
            case DELAY_SECONDS -> integer(name, value, 0, 900);
            case MAXIMUM_MESSAGE_SIZE -> integer(name, value, 1024, 1_048_576);
            case MESSAGE_RETENTION_PERIOD -> integer(name, value, 60, 1_209_600);
            case RECEIVE_MESSAGE_WAIT_TIME_SECONDS -> integer(name, value, 0, 20);
            case VISIBILITY_TIMEOUT -> integer(name, value, 0, 43_200);
            case KMS_DATA_KEY_REUSE_PERIOD_SECONDS -> integer(name, value, 60, 86_400);
            case SQS_MANAGED_SSE_ENABLED, CONTENT_BASED_DEDUPLICATION -> bool(name, value);
            case FIFO_QUEUE -> {
                if (!"true".equalsIgnoreCase(value)) {
                    throw SqsException.invalidAttributeValue(name, "Modifying queue type is not supported.");
                }
                yield null;
            }
            case DEDUPLICATION_SCOPE -> oneOf(name, value, "messageGroup", "queue");
            case FIFO_THROUGHPUT_LIMIT -> oneOf(name, value, "perQueue", "perMessageGroupId");
            case REDRIVE_POLICY -> value.isEmpty() ? null : parseRedrive(value).toJson();
            case REDRIVE_ALLOW_POLICY -> value.isEmpty() ? null : RedriveAllowPolicy.parse(value).toJson();
            case POLICY -> value.isEmpty() ? null : policy(value);
            case KMS_MASTER_KEY_ID -> value.isEmpty() ? null : value;
            default -> throw SqsException.unknownAttribute(name);
        };
    }

    private static String integer(String name, String value, int min, int max) {
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return Integer.toString(parsed);
            }
        } catch (NumberFormatException e) {
            // reported below, as AWS reports every bad value the same way
        }
        throw SqsException.invalidAttributeValue(name);
    }

    private static String bool(String name, String value) {
        if ("true".equalsIgnoreCase(value) || "false".equalsIgnoreCase(value)) {
            return value.toLowerCase(java.util.Locale.ROOT);
        }
        throw SqsException.invalidAttributeValue(name);
    }

    private static String oneOf(String name, String value, String... allowed) {
        for (String a : allowed) {
            if (a.equals(value)) {
                return value;
            }
        }
        throw SqsException.invalidAttributeValue(name);
    }

    private static String policy(String value) {
        try {
            JsonNode node = JSON.readTree(value);
            if (node != null && node.isObject()) {
                JsonNode statements = node.get("Statement");
                if (statements != null && statements.isArray() && statements.size() > 20) {
                    throw new SqsException(SqsError.INVALID_ATTRIBUTE_VALUE, statements.size()
                            + " statements were found in the submitted policy, max allowed is 20");
                }
                return value;
            }
        } catch (SqsException e) {
            throw e;
        } catch (Exception e) {
            // reported below
        }
        throw SqsException.invalidAttributeValue(POLICY);
    }

    static RedrivePolicy parseRedrive(String value) {
        JsonNode node;
        try {
            node = JSON.readTree(value);
        } catch (Exception e) {
            node = null;
        }
        if (node == null || !node.isObject()) {
            throw SqsException.invalidAttributeValue(REDRIVE_POLICY, "Redrive policy is not a valid JSON map.");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            if (!REDRIVE_KEYS.contains(it.next())) {
                throw redriveInvalid(value, "Only following attributes are supported: [maxReceiveCount, deadLetterTargetArn].");
            }
        }
        if (!node.has("maxReceiveCount")) {
            throw redriveInvalid(value, "Redrive policy does not contain mandatory attribute: maxReceiveCount.");
        }
        if (!node.has("deadLetterTargetArn")) {
            throw redriveInvalid(value, "Redrive policy does not contain mandatory attribute: deadLetterTargetArn.");
        }
        String countText = node.get("maxReceiveCount").asText();
        int count;
        try {
            count = Integer.parseInt(countText);
        } catch (NumberFormatException e) {
            count = -1;
        }
        if (count < 1 || count > 1000) {
            throw redriveInvalid(value, "Invalid value for maxReceiveCount: " + countText
                    + ", valid values are from 1 to 1000 both inclusive.");
        }
        String arn = node.get("deadLetterTargetArn").asText();
        if (!Arns.isQueueArn(arn)) {
            throw redriveInvalid(value, "Only SQS queues are valid resources for deadLetterTargetArn.");
        }
        return new RedrivePolicy(arn, count);
    }

    static SqsException redriveInvalid(String value, String reason) {
        return SqsException.invalidParameter(REDRIVE_POLICY, value, reason);
    }

    public boolean fifo() {
        return fifo;
    }

    public int delaySeconds() {
        return intValue(DELAY_SECONDS, 0);
    }

    public int maximumMessageSize() {
        return intValue(MAXIMUM_MESSAGE_SIZE, 1_048_576);
    }

    public int messageRetentionPeriod() {
        return intValue(MESSAGE_RETENTION_PERIOD, 345_600);
    }

    public int receiveMessageWaitTimeSeconds() {
        return intValue(RECEIVE_MESSAGE_WAIT_TIME_SECONDS, 0);
    }

    public int visibilityTimeout() {
        return intValue(VISIBILITY_TIMEOUT, 30);
    }

    public boolean contentBasedDeduplication() {
        return Boolean.parseBoolean(values.getOrDefault(CONTENT_BASED_DEDUPLICATION, "false"));
    }

    /** FIFO de-duplication per message group rather than per queue. */
    public boolean deduplicatesPerGroup() {
        return "messageGroup".equals(values.get(DEDUPLICATION_SCOPE));
    }

    public RedrivePolicy redrivePolicy() {
        return redrivePolicy;
    }

    public RedriveAllowPolicy redriveAllowPolicy() {
        String v = values.get(REDRIVE_ALLOW_POLICY);
        return v == null ? null : RedriveAllowPolicy.parse(v);
    }

    private int intValue(String name, int defaultValue) {
        String v = values.get(name);
        return v == null ? defaultValue : Integer.parseInt(v);
    }

    /** The explicitly set values, for the store. */
    public Map<String, String> stored() {
        return values;
    }

    /** Every settable attribute with its effective value, defaults included, as GetQueueAttributes shows them. */
    public Map<String, String> effective() {
        Map<String, String> all = new LinkedHashMap<>();
        all.put(DELAY_SECONDS, Integer.toString(delaySeconds()));
        all.put(MAXIMUM_MESSAGE_SIZE, Integer.toString(maximumMessageSize()));
        all.put(MESSAGE_RETENTION_PERIOD, Integer.toString(messageRetentionPeriod()));
        all.put(RECEIVE_MESSAGE_WAIT_TIME_SECONDS, Integer.toString(receiveMessageWaitTimeSeconds()));
        all.put(VISIBILITY_TIMEOUT, Integer.toString(visibilityTimeout()));
        boolean kms = values.containsKey(KMS_MASTER_KEY_ID);
        all.put(SQS_MANAGED_SSE_ENABLED, values.getOrDefault(SQS_MANAGED_SSE_ENABLED, kms ? "false" : "true"));
        if (kms) {
            all.put(KMS_MASTER_KEY_ID, values.get(KMS_MASTER_KEY_ID));
            all.put(KMS_DATA_KEY_REUSE_PERIOD_SECONDS, values.getOrDefault(KMS_DATA_KEY_REUSE_PERIOD_SECONDS, "300"));
        }
        copyIfSet(all, POLICY);
        copyIfSet(all, REDRIVE_POLICY);
        copyIfSet(all, REDRIVE_ALLOW_POLICY);
        if (fifo) {
            all.put(FIFO_QUEUE, "true");
            all.put(CONTENT_BASED_DEDUPLICATION, Boolean.toString(contentBasedDeduplication()));
            all.put(DEDUPLICATION_SCOPE, values.getOrDefault(DEDUPLICATION_SCOPE, "queue"));
            all.put(FIFO_THROUGHPUT_LIMIT, values.getOrDefault(FIFO_THROUGHPUT_LIMIT, "perQueue"));
        }
        return all;
    }

    private void copyIfSet(Map<String, String> target, String name) {
        String v = values.get(name);
        if (v != null) {
            target.put(name, v);
        }
    }
}
