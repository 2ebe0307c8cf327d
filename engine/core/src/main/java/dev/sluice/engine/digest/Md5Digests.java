package dev.sluice.engine.digest;

import dev.sluice.engine.model.MessageAttribute;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The MD5 digests SQS returns so that clients can check what arrived; the AWS SDKs reject responses whose
 * digests differ, so these follow AWS's encoding to the byte.
 */
public final class Md5Digests {

    private static final byte STRING_TRANSPORT = 1;
    private static final byte BINARY_TRANSPORT = 2;

    private Md5Digests() {
    }

    public static String ofBody(String body) {
        return hex(md5().digest(body.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * MD5OfMessageAttributes: attributes sorted by name, each written as length-prefixed name, length-prefixed
     * data type, a transport byte (1 string or number, 2 binary) and the length-prefixed value.
     * {@code null} for no attributes, as AWS omits the field then.
     */
    public static String ofAttributes(Map<String, MessageAttribute> attributes) {
        if (attributes == null || attributes.isEmpty()) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, MessageAttribute> e : new TreeMap<>(attributes).entrySet()) {
            MessageAttribute value = e.getValue();
            writeLengthPrefixed(out, e.getKey().getBytes(StandardCharsets.UTF_8));
            writeLengthPrefixed(out, value.dataType().getBytes(StandardCharsets.UTF_8));
            if (value.isBinary()) {
                out.write(BINARY_TRANSPORT);
                writeLengthPrefixed(out, value.binaryValue());
            } else {
                out.write(STRING_TRANSPORT);
                writeLengthPrefixed(out, value.stringValue().getBytes(StandardCharsets.UTF_8));
            }
        }
        return hex(md5().digest(out.toByteArray()));
    }

    private static void writeLengthPrefixed(ByteArrayOutputStream out, byte[] bytes) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
        out.writeBytes(bytes);
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide MD5", e);
        }
    }

    private static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }
}
