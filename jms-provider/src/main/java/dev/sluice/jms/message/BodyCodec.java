package dev.sluice.jms.message;

import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.Map;

/**
 * Message bodies as SQS bodies, with the {@value WireNames#MESSAGE_TYPE} marker that says how to read them.
 *
 * <p>Where AWS's SQS JMS library has a format Sluice uses it, so both read each other's messages: {@code text} is the
 * text as-is, {@code byte} is base64 of the bytes, {@code object} is base64 of the Java serialization. SQS bodies
 * cannot be empty and only hold XML characters, so a null/empty/unsendable text, an empty BytesMessage or a null
 * object, like every Map, Stream and plain Message, is base64 of Sluice's envelope: a format-version byte (1) and a
 * kind-specific payload written with DataOutputStream:
 * <ul>
 * <li>{@code sluice.message}: nothing</li>
 * <li>{@code sluice.text} and {@code sluice.object}: a presence flag, then the string (as {@link TaggedValues}
 * writes strings) or the length-prefixed serialization</li>
 * <li>{@code sluice.bytes}: the length and the bytes</li>
 * <li>{@code sluice.map}: the entry count, then per entry the name and a tagged value ({@link TaggedValues})</li>
 * <li>{@code sluice.stream}: the field count, then the tagged values</li>
 * </ul>
 */
final class BodyCodec {

    private static final int ENVELOPE_VERSION = 1;

    record EncodedBody(String body, String type) {
    }

    private BodyCodec() {
    }

    static EncodedBody encode(SluiceMessage m) {
        if (m instanceof SluiceTextMessage text) {
            String t = text.getText();
            if (t != null && !t.isEmpty() && WireNames.isValidSqsText(t)) {
                return new EncodedBody(t, WireNames.TYPE_TEXT);
            }
            return envelope(WireNames.TYPE_SLUICE_TEXT, out -> {
                out.writeBoolean(t != null);
                if (t != null) {
                    TaggedValues.writeString(out, t);
                }
            });
        }
        if (m instanceof SluiceBytesMessage bytes) {
            byte[] b = bytes.bodyBytes();
            if (b.length > 0) {
                return new EncodedBody(Base64.getEncoder().encodeToString(b), WireNames.TYPE_BYTES);
            }
            return envelope(WireNames.TYPE_SLUICE_BYTES, out -> out.writeInt(0));
        }
        if (m instanceof SluiceObjectMessage object) {
            byte[] payload = object.payload();
            if (payload != null) {
                return new EncodedBody(Base64.getEncoder().encodeToString(payload), WireNames.TYPE_OBJECT);
            }
            return envelope(WireNames.TYPE_SLUICE_OBJECT, out -> writeOptional(out, null));
        }
        if (m instanceof SluiceMapMessage map) {
            return envelope(WireNames.TYPE_SLUICE_MAP, out -> {
                out.writeInt(map.entries().size());
                for (Map.Entry<String, Object> e : map.entries().entrySet()) {
                    TaggedValues.writeString(out, e.getKey());
                    TaggedValues.write(out, e.getValue());
                }
            });
        }
        if (m instanceof SluiceStreamMessage stream) {
            return envelope(WireNames.TYPE_SLUICE_STREAM, out -> {
                out.writeInt(stream.values().size());
                for (Object v : stream.values()) {
                    TaggedValues.write(out, v);
                }
            });
        }
        return envelope(WireNames.TYPE_SLUICE_MESSAGE, out -> { });
    }

    /** The message a marker and body describe, not yet marked received. */
    static SluiceMessage decode(String type, String body, ObjectMessagePolicy policy) throws JMSException {
        if (type == null) {
            throw new MessageFormatException(WireNames.MESSAGE_TYPE + " has no string value");
        }
        switch (type) {
            case WireNames.TYPE_TEXT:
                return new SluiceTextMessage(body);
            case WireNames.TYPE_BYTES:
                return SluiceBytesMessage.readOnly(base64(body, type));
            case WireNames.TYPE_OBJECT:
                return SluiceObjectMessage.received(base64(body, type), policy);
            default:
                return decodeEnvelope(type, body, policy);
        }
    }

    private static SluiceMessage decodeEnvelope(String type, String body, ObjectMessagePolicy policy)
            throws JMSException {
        boolean known = switch (type) {
            case WireNames.TYPE_SLUICE_MESSAGE, WireNames.TYPE_SLUICE_TEXT, WireNames.TYPE_SLUICE_BYTES,
                    WireNames.TYPE_SLUICE_MAP, WireNames.TYPE_SLUICE_STREAM, WireNames.TYPE_SLUICE_OBJECT -> true;
            default -> false;
        };
        if (!known) {
            throw new MessageFormatException("unknown " + WireNames.MESSAGE_TYPE + " '" + type
                    + "'; known are text, byte, object and sluice.*");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(base64(body, type)))) {
            int version = in.readUnsignedByte();
            if (version != ENVELOPE_VERSION) {
                throw new MessageFormatException("a " + type + " body has format version " + version
                        + "; this Sluice reads version " + ENVELOPE_VERSION);
            }
            switch (type) {
                case WireNames.TYPE_SLUICE_TEXT: {
                    return new SluiceTextMessage(in.readBoolean() ? TaggedValues.readString(in) : null);
                }
                case WireNames.TYPE_SLUICE_BYTES: {
                    byte[] b = readLengthPrefixed(in);
                    return SluiceBytesMessage.readOnly(b);
                }
                case WireNames.TYPE_SLUICE_OBJECT:
                    return SluiceObjectMessage.received(readOptional(in), policy);
                case WireNames.TYPE_SLUICE_MAP: {
                    SluiceMapMessage map = new SluiceMapMessage();
                    int count = in.readInt();
                    for (int i = 0; i < count; i++) {
                        String name = TaggedValues.readString(in);
                        map.putDecoded(name, TaggedValues.read(in));
                    }
                    return map;
                }
                case WireNames.TYPE_SLUICE_STREAM: {
                    SluiceStreamMessage stream = new SluiceStreamMessage();
                    int count = in.readInt();
                    for (int i = 0; i < count; i++) {
                        stream.appendDecoded(TaggedValues.read(in));
                    }
                    return stream;
                }
                default:
                    return new SluiceMessage();
            }
        } catch (IOException | NegativeArraySizeException e) {
            MessageFormatException mfe = new MessageFormatException("a " + type + " body is truncated or corrupt");
            mfe.initCause(e);
            throw mfe;
        }
    }

    private interface Payload {
        void write(DataOutputStream out) throws IOException;
    }

    private static EncodedBody envelope(String type, Payload payload) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(ENVELOPE_VERSION);
            payload.write(out);
        } catch (IOException e) {
            throw new IllegalStateException("in-memory stream failed", e);
        }
        return new EncodedBody(Base64.getEncoder().encodeToString(bytes.toByteArray()), type);
    }

    private static void writeOptional(DataOutputStream out, byte[] value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeInt(value.length);
            out.write(value);
        }
    }

    private static byte[] readOptional(DataInputStream in) throws IOException {
        return in.readBoolean() ? readLengthPrefixed(in) : null;
    }

    private static byte[] readLengthPrefixed(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
            throw new java.io.EOFException("length " + length + " exceeds the body");
        }
        byte[] b = new byte[length];
        in.readFully(b);
        return b;
    }

    private static byte[] base64(String body, String type) throws MessageFormatException {
        try {
            return Base64.getDecoder().decode(body == null ? "" : body.strip());
        } catch (IllegalArgumentException e) {
            MessageFormatException mfe = new MessageFormatException("the body of a " + type
                    + " message is not valid base64: " + e.getMessage());
            mfe.initCause(e);
            throw mfe;
        }
    }
}
