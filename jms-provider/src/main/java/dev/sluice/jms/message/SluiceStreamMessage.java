package dev.sluice.jms.message;

import jakarta.jms.JMSException;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotReadableException;
import jakarta.jms.MessageNotWriteableException;
import jakarta.jms.StreamMessage;

import java.util.ArrayList;
import java.util.List;

/**
 * A sequence of typed values read back in order with the conversion table of spec 3.11.3. A read that fails with
 * MessageFormatException or NumberFormatException leaves the position where it was, so the field can be re-read as
 * another type. A byte[] field may be read in pieces; until it is finished, reading anything else is refused.
 */
public class SluiceStreamMessage extends SluiceMessage implements StreamMessage {

    private final List<Object> values = new ArrayList<>();
    private boolean reading;
    private int position;
    /** Bytes of the current byte[] field already handed out; -1 when no byte[] field is being read. */
    private int bytesRead = -1;

    public SluiceStreamMessage() {
    }

    /** The values as stored: for the codec. */
    List<Object> values() {
        return values;
    }

    /** For decoding: appends without the mode checks. */
    void appendDecoded(Object value) {
        values.add(value);
    }

    @Override
    void onReceived() {
        reset();
    }

    @Override
    public void reset() {
        reading = true;
        position = 0;
        bytesRead = -1;
        setBodyReadOnly(true);
    }

    @Override
    public void clearBody() throws JMSException {
        super.clearBody();
        values.clear();
        reading = false;
        position = 0;
        bytesRead = -1;
    }

    @Override
    public <T> T getBody(Class<T> c) throws JMSException {
        throw new MessageFormatException("a StreamMessage body cannot be returned by getBody; read it field by field");
    }

    @Override
    public boolean isBodyAssignableTo(@SuppressWarnings("rawtypes") Class c) {
        return false;
    }

    // ---- reading ------------------------------------------------------------------------------------------------

    private interface Conversion<T> {
        T convert(Object value) throws MessageFormatException;
    }

    private <T> T read(Conversion<T> conversion) throws JMSException {
        Object value = current();
        T result = conversion.convert(value); // throws before the position moves
        position++;
        return result;
    }

    private Object current() throws JMSException {
        if (!reading) {
            throw new MessageNotReadableException("the StreamMessage is write-only; call reset() to read it");
        }
        if (bytesRead >= 0) {
            throw new MessageFormatException("a byte[] field is partly read; call readBytes until it returns less"
                    + " than the buffer length (or -1) before reading the next field");
        }
        if (position >= values.size()) {
            throw new MessageEOFException("end of the StreamMessage reached after " + values.size() + " fields");
        }
        return values.get(position);
    }

    @Override
    public boolean readBoolean() throws JMSException {
        return read(ValueConversions::toBoolean);
    }

    @Override
    public byte readByte() throws JMSException {
        return read(ValueConversions::toByte);
    }

    @Override
    public short readShort() throws JMSException {
        return read(ValueConversions::toShort);
    }

    @Override
    public char readChar() throws JMSException {
        return read(ValueConversions::toChar);
    }

    @Override
    public int readInt() throws JMSException {
        return read(ValueConversions::toInt);
    }

    @Override
    public long readLong() throws JMSException {
        return read(ValueConversions::toLong);
    }

    @Override
    public float readFloat() throws JMSException {
        return read(ValueConversions::toFloat);
    }

    @Override
    public double readDouble() throws JMSException {
        return read(ValueConversions::toDouble);
    }

    @Override
    public String readString() throws JMSException {
        return read(ValueConversions::toText);
    }

    @Override
    public Object readObject() throws JMSException {
        return read(ValueConversions::copyOut);
    }

    @Override
    public int readBytes(byte[] buffer) throws JMSException {
        if (!reading) {
            throw new MessageNotReadableException("the StreamMessage is write-only; call reset() to read it");
        }
        if (position >= values.size()) {
            throw new MessageEOFException("end of the StreamMessage reached after " + values.size() + " fields");
        }
        Object value = values.get(position);
        if (value == null) {
            position++;
            return -1;
        }
        if (!(value instanceof byte[] field)) {
            throw new MessageFormatException("the next field is a " + ValueConversions.typeName(value)
                    + ", not a byte[]");
        }
        int offset = Math.max(bytesRead, 0);
        int remaining = field.length - offset;
        if (remaining == 0 && bytesRead >= 0) {
            finishBytesField(); // the previous call filled the buffer exactly; this one reports the end
            return -1;
        }
        int n = Math.min(buffer.length, remaining);
        System.arraycopy(field, offset, buffer, 0, n);
        bytesRead = offset + n;
        if (n < buffer.length) {
            finishBytesField();
        }
        return n;
    }

    private void finishBytesField() {
        bytesRead = -1;
        position++;
    }

    // ---- writing ------------------------------------------------------------------------------------------------

    private void append(Object value) throws JMSException {
        checkBodyWritable();
        if (reading) {
            throw new MessageNotWriteableException("the StreamMessage is in read-only mode");
        }
        values.add(value);
    }

    @Override
    public void writeBoolean(boolean value) throws JMSException {
        append(value);
    }

    @Override
    public void writeByte(byte value) throws JMSException {
        append(value);
    }

    @Override
    public void writeShort(short value) throws JMSException {
        append(value);
    }

    @Override
    public void writeChar(char value) throws JMSException {
        append(value);
    }

    @Override
    public void writeInt(int value) throws JMSException {
        append(value);
    }

    @Override
    public void writeLong(long value) throws JMSException {
        append(value);
    }

    @Override
    public void writeFloat(float value) throws JMSException {
        append(value);
    }

    @Override
    public void writeDouble(double value) throws JMSException {
        append(value);
    }

    @Override
    public void writeString(String value) throws JMSException {
        append(value);
    }

    @Override
    public void writeBytes(byte[] value) throws JMSException {
        append(value == null ? null : value.clone());
    }

    @Override
    public void writeBytes(byte[] value, int offset, int length) throws JMSException {
        append(ValueConversions.portion(value, offset, length));
    }

    @Override
    public void writeObject(Object value) throws JMSException {
        if (value != null && !TaggedValues.isBodyValue(value)) {
            throw new MessageFormatException("StreamMessage.writeObject cannot write a " + value.getClass().getName()
                    + "; allowed are boxed primitives, String, byte[] and null");
        }
        append(ValueConversions.copyOut(value));
    }
}
