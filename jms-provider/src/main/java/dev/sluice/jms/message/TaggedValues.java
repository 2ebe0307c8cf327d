package dev.sluice.jms.message;

import jakarta.jms.MessageFormatException;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The binary form of one typed value (a property, a map entry or a stream field): a one-byte tag, then the value in
 * DataOutputStream layout. Strings are length-prefixed modified UTF-8, not writeUTF, so they are not capped at 64 KiB.
 * Tags are part of Sluice's wire format: never renumber them, only add.
 */
final class TaggedValues {

    private static final int NULL = 0;
    private static final int BOOLEAN = 1;
    private static final int BYTE = 2;
    private static final int SHORT = 3;
    private static final int CHAR = 4;
    private static final int INT = 5;
    private static final int LONG = 6;
    private static final int FLOAT = 7;
    private static final int DOUBLE = 8;
    private static final int STRING = 9;
    private static final int BYTES = 10;

    private TaggedValues() {
    }

    /** The values a MapMessage or StreamMessage may hold (besides null). */
    static boolean isBodyValue(Object v) {
        return MessageProperties.isPropertyType(v) || v instanceof Character || v instanceof byte[];
    }

    static void write(DataOutputStream out, Object v) throws IOException {
        if (v == null) {
            out.writeByte(NULL);
        } else if (v instanceof Boolean b) {
            out.writeByte(BOOLEAN);
            out.writeBoolean(b);
        } else if (v instanceof Byte b) {
            out.writeByte(BYTE);
            out.writeByte(b);
        } else if (v instanceof Short s) {
            out.writeByte(SHORT);
            out.writeShort(s);
        } else if (v instanceof Character c) {
            out.writeByte(CHAR);
            out.writeChar(c);
        } else if (v instanceof Integer i) {
            out.writeByte(INT);
            out.writeInt(i);
        } else if (v instanceof Long l) {
            out.writeByte(LONG);
            out.writeLong(l);
        } else if (v instanceof Float f) {
            out.writeByte(FLOAT);
            out.writeFloat(f);
        } else if (v instanceof Double d) {
            out.writeByte(DOUBLE);
            out.writeDouble(d);
        } else if (v instanceof String s) {
            out.writeByte(STRING);
            writeString(out, s);
        } else if (v instanceof byte[] b) {
            out.writeByte(BYTES);
            out.writeInt(b.length);
            out.write(b);
        } else {
            throw new IllegalArgumentException("not a message value: " + v.getClass().getName());
        }
    }

    static Object read(DataInputStream in) throws IOException, MessageFormatException {
        int tag = in.readUnsignedByte();
        return switch (tag) {
            case NULL -> null;
            case BOOLEAN -> in.readBoolean();
            case BYTE -> in.readByte();
            case SHORT -> in.readShort();
            case CHAR -> in.readChar();
            case INT -> in.readInt();
            case LONG -> in.readLong();
            case FLOAT -> in.readFloat();
            case DOUBLE -> in.readDouble();
            case STRING -> readString(in);
            case BYTES -> readBytes(in);
            default -> throw new MessageFormatException("unknown value tag " + tag + " in an encoded Sluice message;"
                    + " it was written by a newer Sluice version");
        };
    }

    /**
     * Java's modified UTF-8 (as DataOutputStream.writeUTF, surrogates encoded one by one so that any String, even
     * one with a lone surrogate, comes back unchanged) behind an int byte count instead of writeUTF's 64 KiB cap.
     */
    static void writeString(DataOutputStream out, String s) throws IOException {
        int length = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            length += (c >= 0x0001 && c <= 0x007F) ? 1 : c <= 0x07FF ? 2 : 3;
        }
        byte[] bytes = new byte[length];
        int at = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x0001 && c <= 0x007F) {
                bytes[at++] = (byte) c;
            } else if (c <= 0x07FF) {
                bytes[at++] = (byte) (0xC0 | (c >> 6));
                bytes[at++] = (byte) (0x80 | (c & 0x3F));
            } else {
                bytes[at++] = (byte) (0xE0 | (c >> 12));
                bytes[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                bytes[at++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        out.writeInt(length);
        out.write(bytes);
    }

    static String readString(DataInputStream in) throws IOException {
        byte[] bytes = readBytes(in);
        StringBuilder text = new StringBuilder(bytes.length);
        for (int i = 0; i < bytes.length; ) {
            int b = bytes[i] & 0xFF;
            if (b < 0x80) {
                text.append((char) b);
                i += 1;
            } else if ((b & 0xE0) == 0xC0 && i + 1 < bytes.length) {
                text.append((char) (((b & 0x1F) << 6) | (bytes[i + 1] & 0x3F)));
                i += 2;
            } else if ((b & 0xF0) == 0xE0 && i + 2 < bytes.length) {
                text.append((char) (((b & 0x0F) << 12) | ((bytes[i + 1] & 0x3F) << 6) | (bytes[i + 2] & 0x3F)));
                i += 3;
            } else {
                throw new java.io.UTFDataFormatException("malformed string at byte " + i);
            }
        }
        return text.toString();
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
            throw new java.io.EOFException("a length of " + length + " exceeds the encoded data");
        }
        byte[] b = new byte[length];
        in.readFully(b);
        return b;
    }
}
