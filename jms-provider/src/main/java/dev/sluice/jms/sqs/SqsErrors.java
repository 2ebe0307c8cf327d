package dev.sluice.jms.sqs;

import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.MessageFormatException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * SDK exceptions as the JMSException subclass that says what went wrong: a missing queue is an
 * InvalidDestinationException, a refused message a MessageFormatException, refused credentials a
 * JMSSecurityException; an unreachable endpoint or an SQS failure a plain JMSException naming the backend.
 * The JMS error code is SQS's (short form), so callers can tell a stale receipt handle from an outage.
 */
final class SqsErrors {

    /** The code a stale receipt handle gets, whatever the endpoint called it (see Releaser.noLongerHeld). */
    static final String STALE_RECEIPT = "ReceiptHandleIsInvalid";

    private final String backend;

    SqsErrors(String backend) {
        this.backend = backend;
    }

    /**
     * @param what  "sending to queue orders", for the message
     * @param queue the queue concerned, or null
     */
    JMSException translate(String what, String queue, SdkException e) {
        JMSException j;
        if (e instanceof AwsServiceException s) {
            String code = shortCode(s.awsErrorDetails() == null ? null : s.awsErrorDetails().errorCode());
            String detail = s.awsErrorDetails() == null || s.awsErrorDetails().errorMessage() == null ? s.getMessage()
                    : s.awsErrorDetails().errorMessage();
            if (isMissingQueue(code)) {
                j = new InvalidDestinationException("Queue " + queue + " does not exist in " + backend + ".", code);
            } else if ((s.statusCode() == 403 && !isThrottling(code)) || code.equals("InvalidClientTokenId")
                    || code.equals("SignatureDoesNotMatch") || code.equals("AccessDenied")
                    || code.equals("AccessDeniedException") || code.equals("UnrecognizedClientException")) {
                j = new JMSSecurityException(backend + " refused the credentials while " + what + ": " + detail, code);
            } else if (isStaleReceipt(code, detail)) {
                j = new JMSException(backend + " no longer knows the receipt handle while " + what
                        + " (the message was deleted, or its visibility timeout ended and it was received again): "
                        + detail, STALE_RECEIPT);
            } else if (s.statusCode() == 400 && !isThrottling(code)) {
                j = new MessageFormatException(backend + " refused " + what + ": " + detail + " (" + code + ")", code);
            } else {
                j = new JMSException(backend + " failed while " + what + ": " + detail + " (" + code + ", HTTP "
                        + s.statusCode() + ")", code);
            }
        } else if (e instanceof SdkClientException) {
            j = new JMSException(backend + " could not be reached while " + what + ": " + e.getMessage(), "Unreachable");
        } else {
            j = new JMSException(backend + " failed while " + what + ": " + e.getMessage());
        }
        j.setLinkedException(e);
        return j;
    }

    /** A batch entry's failure, as {@link #translate} would have it for the single call. */
    JMSException entryFailure(String what, String queue, String code, String message, boolean senderFault) {
        String shortCode = shortCode(code);
        if (isMissingQueue(shortCode)) {
            return new InvalidDestinationException("Queue " + queue + " does not exist in " + backend + ".", shortCode);
        }
        if (isStaleReceipt(shortCode, message)) {
            return new JMSException(backend + " no longer knows the receipt handle while " + what + ": " + message,
                    STALE_RECEIPT);
        }
        if (senderFault) {
            return new MessageFormatException(backend + " refused " + what + ": " + message + " (" + shortCode + ")",
                    shortCode);
        }
        return new JMSException(backend + " failed while " + what + ": " + message + " (" + shortCode + ")", shortCode);
    }

    /** "AWS.SimpleQueueService.NonExistentQueue" → "NonExistentQueue": the JSON and Query forms of a code differ. */
    static String shortCode(String code) {
        if (code == null) {
            return "Unknown";
        }
        int dot = code.lastIndexOf('.');
        return dot < 0 ? code : code.substring(dot + 1);
    }

    static boolean isMissingQueue(String code) {
        return code.equals("NonExistentQueue") || code.equals("QueueDoesNotExist");
    }

    static boolean isStaleReceipt(String code, String message) {
        String text = message == null ? "" : message;
        return code.equals("ReceiptHandleIsInvalid") || code.equals("MessageNotInflight")
                || code.equals("InvalidReceiptHandle")
                || (code.equals("InvalidParameterValue") && text.toLowerCase(java.util.Locale.ROOT).contains("receipt"));
    }

    /** Throttling or a reached limit; SQS answers RequestThrottled and OverLimit with HTTP 403, not a credentials error. */
    static boolean isThrottling(String code) {
        return code.equals("RequestThrottled") || code.equals("ThrottlingException") || code.equals("Throttling")
                || code.equals("OverLimit");
    }
}
