package dev.sluice.engine.queue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.engine.error.SqsError;
import dev.sluice.engine.error.SqsException;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Which source queues may use this queue as their dead-letter queue. */
public record RedriveAllowPolicy(String redrivePermission, List<String> sourceQueueArns) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PARAMETER = QueueAttributeNames.REDRIVE_ALLOW_POLICY;
    private static final Set<String> PERMISSIONS = Set.of("allowAll", "denyAll", "byQueue");

    static RedriveAllowPolicy parse(String value) {
        JsonNode node;
        try {
            node = JSON.readTree(value);
        } catch (Exception e) {
            node = null;
        }
        if (node == null || !node.isObject() || !node.has("redrivePermission")
                || !PERMISSIONS.contains(node.get("redrivePermission").asText())) {
            throw unsupportedFormat();
        }
        node.fieldNames().forEachRemaining(name -> {
            if (!name.equals("redrivePermission") && !name.equals("sourceQueueArns")) {
                throw unsupportedFormat();
            }
        });
        String permission = node.get("redrivePermission").asText();
        List<String> arns = new ArrayList<>();
        JsonNode list = node.get("sourceQueueArns");
        if (list != null) {
            if (!list.isArray()) {
                throw unsupportedFormat();
            }
            for (JsonNode arn : list) {
                if (!arn.isTextual()) {
                    throw unsupportedFormat();
                }
                arns.add(arn.asText());
            }
        }
        String prefix = "Amazon SQS can't create the redrive allow policy. ";
        if (permission.equals("byQueue") && arns.isEmpty()) {
            throw SqsException.invalidParameter(PARAMETER, value, prefix + "When you specify the byQueue permission "
                    + "type, you must also specify one or more sourceQueueArns values.");
        }
        if (arns.size() > 10) {
            throw SqsException.invalidParameter(PARAMETER, value, prefix
                    + "The maximum number of source queue ARNs you can specify is 10.");
        }
        if (!permission.equals("byQueue") && list != null) {
            throw SqsException.invalidParameter(PARAMETER, value, prefix
                    + "To specify one or more source queue ARNs, you must set redrivePermission to byQueue.");
        }
        return new RedriveAllowPolicy(permission, List.copyOf(arns));
    }

    private static SqsException unsupportedFormat() {
        return new SqsException(SqsError.INVALID_PARAMETER_VALUE, "Invalid value for the parameter RedriveAllowPolicy. "
                + "Reason: Amazon SQS can't create the redrive allow policy, as it\u2019s in an unsupported format.");
    }

    /** Whether a queue with this ARN may send its dead letters here. */
    public boolean allows(String sourceArn) {
        return switch (redrivePermission) {
            case "allowAll" -> true;
            case "denyAll" -> false;
            default -> sourceQueueArns.contains(sourceArn);
        };
    }

    String toJson() {
        ObjectNode node = JSON.createObjectNode();
        node.put("redrivePermission", redrivePermission);
        if (!sourceQueueArns.isEmpty()) {
            ArrayNode arns = node.putArray("sourceQueueArns");
            sourceQueueArns.forEach(arns::add);
        }
        return node.toString();
    }
}
