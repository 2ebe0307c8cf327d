package dev.sluice.engine.queue;

import dev.sluice.engine.error.SqsError;
import dev.sluice.engine.error.SqsException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Receipt handles: opaque to callers, they name the queue, the message and the receive (a nonce that
 * changes with every receive), so a handle from an earlier receive is recognisably stale.
 */
final class ReceiptHandles {

    record Decoded(String queue, String messageId, long nonce) {
    }

    private static final String VERSION = "s1";

    private ReceiptHandles() {
    }

    static String encode(String queue, String messageId, long nonce) {
        String plain = VERSION + "\n" + queue + "\n" + messageId + "\n" + Long.toHexString(nonce);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a handle given for {@code queue}; anything else is ReceiptHandleIsInvalid. */
    static Decoded decode(String handle, String queue) {
        if (handle == null || handle.isEmpty()) {
            throw SqsException.missingParameter("ReceiptHandle");
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(handle), StandardCharsets.UTF_8).split("\n", -1);
            if (parts.length == 4 && parts[0].equals(VERSION) && parts[1].equals(queue)) {
                long nonce = Long.parseUnsignedLong(parts[3], 16);
                if (nonce != 0) { // 0 marks a message never received: no receive handed out such a handle
                    return new Decoded(parts[1], parts[2], nonce);
                }
            }
        } catch (IllegalArgumentException e) {
            // reported below: malformed handles are all the same error
        }
        throw new SqsException(SqsError.RECEIPT_HANDLE_IS_INVALID,
                "The input receipt handle \"" + handle + "\" is not a valid receipt handle.");
    }
}
