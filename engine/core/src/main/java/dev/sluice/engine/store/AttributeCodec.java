package dev.sluice.engine.store;

import dev.sluice.engine.model.MessageAttribute;

import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The on-disk form of message attributes and of queue attribute/tag maps: a version byte, an entry count and
 * the entries, every string and byte array prefixed by its length as a varint. Compact (a typical attribute
 * costs its payload plus ~4 bytes), independent of Java serialization, and readable by later versions.
 *
 * <p>Lengths are stored plus one so that 0 can mean {@code null}: a {@link MessageAttribute} may carry
 * either value, and keeping nulls distinct from empty values makes a round trip exact.
 */
final class AttributeCodec {

    private static final byte VERSION = 1;

    private AttributeCodec() {
    }

    /** {@code null} for an empty map: most messages have no attributes and the column then costs nothing. */
    static byte[] encodeAttributes(Map<String, MessageAttribute> attributes) {
        if (attributes == null || attributes.isEmpty()) {
            return null;
        }
        Writer out = new Writer(attributes.size());
        attributes.forEach((name, attribute) -> {
            out.string(name);
            out.string(attribute.dataType());
            out.string(attribute.stringValue());
            out.bytes(attribute.binaryValue());
        });
        return out.toByteArray();
    }

    static Map<String, MessageAttribute> decodeAttributes(byte[] blob) {
        if (blob == null) {
            return Map.of();
        }
        Reader in = new Reader(blob);
        Map<String, MessageAttribute> attributes = new LinkedHashMap<>();
        for (int i = in.count(); i > 0; i--) {
            String name = in.string();
            attributes.put(name, new MessageAttribute(in.string(), in.string(), in.bytes()));
        }
        in.expectEnd();
        return attributes;
    }

    static byte[] encodeStrings(Map<String, String> map) {
        if (map == null || map.isEmpty()) {
            return null;
        }
        Writer out = new Writer(map.size());
        map.forEach((key, value) -> {
            out.string(key);
            out.string(value);
        });
        return out.toByteArray();
    }

    static Map<String, String> decodeStrings(byte[] blob) {
        if (blob == null) {
            return Map.of();
        }
        Reader in = new Reader(blob);
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = in.count(); i > 0; i--) {
            map.put(in.string(), in.string());
        }
        in.expectEnd();
        return map;
    }

    private static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(64);

        Writer(int count) {
            out.write(VERSION);
            varint(count);
        }

        void string(String s) {
            bytes(s == null ? null : s.getBytes(StandardCharsets.UTF_8));
        }

        void bytes(byte[] b) {
            if (b == null) {
                varint(0);
            } else {
                varint(b.length + 1L);
                out.writeBytes(b);
            }
        }

        private void varint(long value) {
            while ((value & ~0x7FL) != 0) {
                out.write((int) (value & 0x7F) | 0x80);
                value >>>= 7;
            }
            out.write((int) value);
        }

        byte[] toByteArray() {
            return out.toByteArray();
        }
    }

    private static final class Reader {
        private final ByteBuffer in;

        Reader(byte[] blob) {
            in = ByteBuffer.wrap(blob);
            byte version = get();
            if (version != VERSION) {
                throw corrupt("unknown encoding version " + version);
            }
        }

        int count() {
            long count = varint();
            if (count > in.remaining()) {
                throw corrupt("entry count " + count + " exceeds the remaining " + in.remaining() + " bytes");
            }
            return (int) count;
        }

        String string() {
            byte[] b = bytes();
            return b == null ? null : new String(b, StandardCharsets.UTF_8);
        }

        byte[] bytes() {
            long lengthPlusOne = varint();
            if (lengthPlusOne == 0) {
                return null;
            }
            long length = lengthPlusOne - 1;
            if (length > in.remaining()) {
                throw corrupt("length " + length + " exceeds the remaining " + in.remaining() + " bytes");
            }
            byte[] b = new byte[(int) length];
            in.get(b);
            return b;
        }

        void expectEnd() {
            if (in.hasRemaining()) {
                throw corrupt(in.remaining() + " trailing bytes");
            }
        }

        private long varint() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte b = get();
                value |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    return value;
                }
            }
            throw corrupt("varint longer than 64 bits");
        }

        private byte get() {
            try {
                return in.get();
            } catch (BufferUnderflowException e) {
                throw corrupt("truncated at byte " + in.position());
            }
        }

        private IllegalArgumentException corrupt(String why) {
            return new IllegalArgumentException("corrupt attribute encoding: " + why);
        }
    }
}
