package dev.sluice.engine.queue;

import dev.sluice.engine.error.SqsError;
import dev.sluice.engine.error.SqsException;
import dev.sluice.engine.store.StoreOp;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Receipt handles: opaque to callers, they name the queue, the message (its id, and the sequence number the
 * store keeps it under, so a delete after a restart finds a message not yet back in memory) and the receive (a
 * nonce that changes with every receive), so a handle from an earlier receive is recognisably stale.
 *
 * <p>Handles of the first format ({@code s1}, without the sequence number) are still accepted: a message
 * received before an upgrade can be deleted after it.
 */
final class ReceiptHandles {

    /** @param seq the stored sequence number, or {@link StoreOp.DeleteMessage#UNKNOWN_SEQ} in an {@code s1} handle */
    record Decoded(String queue, String messageId, long seq, long nonce) {
    }

    private static final String VERSION = "s2";
    private static final String VERSION_WITHOUT_SEQ = "s1";

    private ReceiptHandles() {
    }

    static String encode(String queue, String messageId, long seq, long nonce) {
        String plain = VERSION + "\n" + queue + "\n" + messageId + "\n" + Long.toHexString(nonce) + "\n"
                + Long.toHexString(seq);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a handle given for {@code queue}; anything else is ReceiptHandleIsInvalid. */
    static Decoded decode(String handle, String queue) {
        if (handle == null || handle.isEmpty()) {
            throw SqsException.missingParameter("ReceiptHandle");
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(handle), StandardCharsets.UTF_8).split("\n", -1);
            boolean current = parts.length == 5 && parts[0].equals(VERSION);
            boolean old = parts.length == 4 && parts[0].equals(VERSION_WITHOUT_SEQ);
            if ((current || old) && parts[1].equals(queue)) {
                long nonce = Long.parseUnsignedLong(parts[3], 16);
                long seq = current ? Long.parseLong(parts[4], 16) : StoreOp.DeleteMessage.UNKNOWN_SEQ;
                // nonce 0 marks a message never received: no receive handed out such a handle
                if (nonce != 0 && (old || seq > 0)) {
                    return new Decoded(parts[1], parts[2], seq, nonce);
                }
            }
        } catch (IllegalArgumentException e) {
            // reported below: malformed handles are all the same error
        }
        throw new SqsException(SqsError.RECEIPT_HANDLE_IS_INVALID,
                "The input receipt handle \"" + handle + "\" is not a valid receipt handle.");
    }
}
