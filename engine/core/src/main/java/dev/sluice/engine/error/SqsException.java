package dev.sluice.engine.error;

/** A request that SQS would refuse, with AWS's own error and message. Nothing was changed. */
public class SqsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final SqsError error;

    public SqsException(SqsError error, String message) {
        super(message, null, false, false);
        this.error = error;
    }

    public SqsError error() {
        return error;
    }

    public static SqsException invalidParameter(String parameter, Object value, String reason) {
        return new SqsException(SqsError.INVALID_PARAMETER_VALUE,
                "Value " + value + " for parameter " + parameter + " is invalid. Reason: " + reason);
    }

    public static SqsException invalidParameters(String reason) {
        return new SqsException(SqsError.INVALID_PARAMETER_VALUE,
                "One or more parameters are invalid. Reason: " + reason);
    }

    public static SqsException missingParameter(String parameter) {
        return new SqsException(SqsError.MISSING_PARAMETER,
                "The request must contain the parameter " + parameter + ".");
    }

    public static SqsException queueDoesNotExist() {
        return new SqsException(SqsError.QUEUE_DOES_NOT_EXIST, "The specified queue does not exist.");
    }

    public static SqsException invalidAttributeValue(String attribute) {
        return new SqsException(SqsError.INVALID_ATTRIBUTE_VALUE,
                "Invalid value for the parameter " + attribute + ".");
    }

    public static SqsException invalidAttributeValue(String attribute, String reason) {
        return new SqsException(SqsError.INVALID_ATTRIBUTE_VALUE,
                "Invalid value for the parameter " + attribute + ". Reason: " + reason);
    }

    public static SqsException unknownAttribute(String attribute) {
        return new SqsException(SqsError.INVALID_ATTRIBUTE_NAME, "Unknown Attribute " + attribute + ".");
    }
}
