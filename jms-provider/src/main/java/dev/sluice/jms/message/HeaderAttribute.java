package dev.sluice.jms.message;

import dev.sluice.jms.backend.WireAttribute;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The {@value WireNames#HEADERS} attribute: the headers SQS has no field for, in one attribute so that they cost one
 * of SQS's ten attributes instead of six.
 *
 * <p>Normally a String attribute (AWS's SQS JMS library cannot read Binary attributes, and people read this one in
 * consoles): {@code 1;<deliveryMode>;<priority>;<timestamp>;<expiration>;<deliveryTime>[;<JMSType>]}; the leading 1
 * is the format version and everything after the sixth ';' is the JMSType, so it needs no escaping. A JMSType with
 * characters SQS refuses in strings makes it a Binary attribute instead: version byte, delivery mode byte, priority
 * byte, the three times as longs, a presence flag and the type ({@link TaggedValues#writeString}).
 */
record HeaderAttribute(int deliveryMode, int priority, long timestamp, long expiration, long deliveryTime,
                       String type) {

    private static final int VERSION = 1;

    /** What a message without the attribute (plain SQS, or AWS's library) means. */
    static HeaderAttribute defaults(long sentTimestamp) {
        return new HeaderAttribute(DeliveryMode.PERSISTENT, Message.DEFAULT_PRIORITY, sentTimestamp, 0, 0, null);
    }

    static HeaderAttribute of(Message m) throws JMSException {
        return new HeaderAttribute(m.getJMSDeliveryMode(), m.getJMSPriority(), m.getJMSTimestamp(),
                m.getJMSExpiration(), m.getJMSDeliveryTime(), m.getJMSType());
    }

    WireAttribute toWire() {
        if (type != null && !WireNames.isValidSqsText(type)) {
            return new WireAttribute(WireNames.BINARY, null, toBinary());
        }
        String text = VERSION + ";" + deliveryMode + ";" + priority + ";" + timestamp + ";" + expiration + ";"
                + deliveryTime + (type == null ? "" : ";" + type);
        return new WireAttribute(WireNames.STRING, text, null);
    }

    static HeaderAttribute fromWire(WireAttribute attribute, long sentTimestamp) throws MessageFormatException {
        if (attribute == null) {
            return defaults(sentTimestamp);
        }
        if (attribute.binaryValue() != null) {
            return fromBinary(attribute.binaryValue());
        }
        if (attribute.stringValue() == null) {
            throw corrupt(null);
        }
        return fromText(attribute.stringValue());
    }

    private static HeaderAttribute fromText(String text) throws MessageFormatException {
        long[] fields = new long[6];
        int start = 0;
        for (int i = 0; i < fields.length; i++) {
            int end = text.indexOf(';', start);
            if (end < 0 && i < fields.length - 1) {
                throw corrupt(null);
            }
            try {
                fields[i] = Long.parseLong(text, start, end < 0 ? text.length() : end, 10);
            } catch (NumberFormatException e) {
                throw corrupt(e);
            }
            start = end < 0 ? -1 : end + 1; // after the last number: -1 means no JMSType
        }
        if (fields[0] != VERSION) {
            throw new MessageFormatException(WireNames.HEADERS + " has format version " + fields[0]
                    + "; this Sluice reads version " + VERSION);
        }
        String type = start < 0 ? null : text.substring(start);
        return new HeaderAttribute((int) fields[1], (int) fields[2], fields[3], fields[4], fields[5], type);
    }

    private byte[] toBinary() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(40);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeByte(deliveryMode);
            out.writeByte(priority);
            out.writeLong(timestamp);
            out.writeLong(expiration);
            out.writeLong(deliveryTime);
            out.writeBoolean(type != null);
            if (type != null) {
                TaggedValues.writeString(out, type);
            }
        } catch (IOException e) {
            throw new IllegalStateException("in-memory stream failed", e);
        }
        return bytes.toByteArray();
    }

    private static HeaderAttribute fromBinary(byte[] raw) throws MessageFormatException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(raw))) {
            int version = in.readUnsignedByte();
            if (version != VERSION) {
                throw new MessageFormatException(WireNames.HEADERS + " has format version " + version
                        + "; this Sluice reads version " + VERSION);
            }
            int mode = in.readByte();
            int priority = in.readByte();
            long timestamp = in.readLong();
            long expiration = in.readLong();
            long deliveryTime = in.readLong();
            String type = in.readBoolean() ? TaggedValues.readString(in) : null;
            return new HeaderAttribute(mode, priority, timestamp, expiration, deliveryTime, type);
        } catch (IOException e) {
            throw corrupt(e);
        }
    }

    private static MessageFormatException corrupt(Exception cause) {
        MessageFormatException mfe = new MessageFormatException(WireNames.HEADERS + " is truncated or corrupt");
        if (cause != null) {
            mfe.initCause(cause);
        }
        return mfe;
    }
}
