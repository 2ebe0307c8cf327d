package dev.sluice.jms.message;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotReadableException;
import jakarta.jms.MessageNotWriteableException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.util.Arrays;

/**
 * A stream of uninterpreted bytes, in the big-endian layout of DataOutputStream (as the BytesMessage javadoc
 * prescribes). A new message is write-only; {@link #reset()} or receipt makes it read-only until {@link #clearBody()}.
 */
public class SluiceBytesMessage extends SluiceMessage implements BytesMessage {

    private ByteArrayOutputStream written = new ByteArrayOutputStream();
    private DataOutputStream out = new DataOutputStream(written);
    private byte[] data;
    private ByteArrayInputStream readBuffer;
    private DataInputStream in;

    public SluiceBytesMessage() {
    }

    /** A message already in read-only mode holding these bytes (used when decoding). */
    static SluiceBytesMessage readOnly(byte[] bytes) {
        SluiceBytesMessage m = new SluiceBytesMessage();
        m.enterReadMode(bytes);
        m.setBodyReadOnly(true);
        return m;
    }

    private boolean reading() {
        return data != null;
    }

    private void enterReadMode(byte[] bytes) {
        data = bytes;
        readBuffer = new ByteArrayInputStream(bytes);
        in = new DataInputStream(readBuffer);
        written = null;
        out = null;
    }

    /** All bytes of the body, whatever the mode, without moving the read position. */
    byte[] bodyBytes() {
        return reading() ? data.clone() : written.toByteArray();
    }

    @Override
    void onReceived() {
        if (!reading()) {
            enterReadMode(written.toByteArray());
        }
    }

    @Override
    public long getBodyLength() throws JMSException {
        checkReadable();
        return data.length;
    }

    @Override
    public void reset() {
        enterReadMode(bodyBytes());
        setBodyReadOnly(true);
    }

    @Override
    public void clearBody() throws JMSException {
        super.clearBody();
        data = null;
        readBuffer = null;
        in = null;
        written = new ByteArrayOutputStream();
        out = new DataOutputStream(written);
    }

    @Override
    public <T> T getBody(Class<T> c) throws JMSException {
        byte[] body = bodyBytes();
        if (reading()) {
            reset(); // "reset before and after use": the read position goes back to the start
        }
        return bodyAs(body.length == 0 ? null : body, c, "BytesMessage");
    }

    @Override
    public boolean hasBody() {
        return (reading() ? data.length : written.size()) > 0;
    }

    @Override
    public boolean isBodyAssignableTo(@SuppressWarnings("rawtypes") Class c) {
        int length = reading() ? data.length : written.size();
        return length == 0 || (c != null && c.isAssignableFrom(byte[].class));
    }

    // ---- reading ------------------------------------------------------------------------------------------------

    private void checkReadable() throws MessageNotReadableException {
        if (!reading()) {
            throw new MessageNotReadableException("the BytesMessage is write-only; call reset() to read it");
        }
    }

    private interface Read<T> {
        T read(DataInputStream in) throws IOException;
    }

    private <T> T read(Read<T> reader) throws JMSException {
        checkReadable();
        try {
            return reader.read(in);
        } catch (EOFException e) {
            throw new MessageEOFException("unexpected end of the BytesMessage body");
        } catch (UTFDataFormatException e) {
            MessageFormatException mfe = new MessageFormatException("the bytes are not modified UTF-8: " + e.getMessage());
            mfe.initCause(e);
            throw mfe;
        } catch (IOException e) {
            throw jmsException(e);
        }
    }

    @Override
    public boolean readBoolean() throws JMSException {
        return read(DataInputStream::readBoolean);
    }

    @Override
    public byte readByte() throws JMSException {
        return read(DataInputStream::readByte);
    }

    @Override
    public int readUnsignedByte() throws JMSException {
        return read(DataInputStream::readUnsignedByte);
    }

    @Override
    public short readShort() throws JMSException {
        return read(DataInputStream::readShort);
    }

    @Override
    public int readUnsignedShort() throws JMSException {
        return read(DataInputStream::readUnsignedShort);
    }

    @Override
    public char readChar() throws JMSException {
        return read(DataInputStream::readChar);
    }

    @Override
    public int readInt() throws JMSException {
        return read(DataInputStream::readInt);
    }

    @Override
    public long readLong() throws JMSException {
        return read(DataInputStream::readLong);
    }

    @Override
    public float readFloat() throws JMSException {
        return read(DataInputStream::readFloat);
    }

    @Override
    public double readDouble() throws JMSException {
        return read(DataInputStream::readDouble);
    }

    @Override
    public String readUTF() throws JMSException {
        return read(d -> d.readUTF());
    }

    @Override
    public int readBytes(byte[] value) throws JMSException {
        return readBytes(value, value.length);
    }

    @Override
    public int readBytes(byte[] value, int length) throws JMSException {
        if (length < 0 || length > value.length) {
            throw new IndexOutOfBoundsException("length " + length + " is outside the buffer of " + value.length);
        }
        checkReadable();
        if (readBuffer.available() == 0) {
            return -1;
        }
        return readBuffer.read(value, 0, length);
    }

    // ---- writing ------------------------------------------------------------------------------------------------

    private interface Write {
        void write(DataOutputStream out) throws IOException;
    }

    private void write(Write writer) throws JMSException {
        checkBodyWritable();
        if (reading()) {
            throw new MessageNotWriteableException("the BytesMessage is in read-only mode");
        }
        try {
            writer.write(out);
        } catch (UTFDataFormatException e) {
            MessageFormatException mfe = new MessageFormatException("writeUTF: " + e.getMessage()
                    + " (modified UTF-8 holds at most 65535 bytes)");
            mfe.initCause(e);
            throw mfe;
        } catch (IOException e) {
            throw jmsException(e);
        }
    }

    @Override
    public void writeBoolean(boolean value) throws JMSException {
        write(o -> o.writeBoolean(value));
    }

    @Override
    public void writeByte(byte value) throws JMSException {
        write(o -> o.writeByte(value));
    }

    @Override
    public void writeShort(short value) throws JMSException {
        write(o -> o.writeShort(value));
    }

    @Override
    public void writeChar(char value) throws JMSException {
        write(o -> o.writeChar(value));
    }

    @Override
    public void writeInt(int value) throws JMSException {
        write(o -> o.writeInt(value));
    }

    @Override
    public void writeLong(long value) throws JMSException {
        write(o -> o.writeLong(value));
    }

    @Override
    public void writeFloat(float value) throws JMSException {
        write(o -> o.writeFloat(value));
    }

    @Override
    public void writeDouble(double value) throws JMSException {
        write(o -> o.writeDouble(value));
    }

    @Override
    public void writeUTF(String value) throws JMSException {
        write(o -> o.writeUTF(value));
    }

    @Override
    public void writeBytes(byte[] value) throws JMSException {
        write(o -> o.write(value));
    }

    @Override
    public void writeBytes(byte[] value, int offset, int length) throws JMSException {
        write(o -> o.write(value, offset, length));
    }

    @Override
    public void writeObject(Object value) throws JMSException {
        if (value == null) {
            throw new NullPointerException("BytesMessage.writeObject does not accept null");
        }
        if (value instanceof Boolean v) {
            writeBoolean(v);
        } else if (value instanceof Byte v) {
            writeByte(v);
        } else if (value instanceof Short v) {
            writeShort(v);
        } else if (value instanceof Character v) {
            writeChar(v);
        } else if (value instanceof Integer v) {
            writeInt(v);
        } else if (value instanceof Long v) {
            writeLong(v);
        } else if (value instanceof Float v) {
            writeFloat(v);
        } else if (value instanceof Double v) {
            writeDouble(v);
        } else if (value instanceof String v) {
            writeUTF(v);
        } else if (value instanceof byte[] v) {
            writeBytes(v);
        } else {
            throw new MessageFormatException("BytesMessage.writeObject cannot write a " + value.getClass().getName());
        }
    }

    private static JMSException jmsException(IOException e) {
        JMSException jms = new JMSException("BytesMessage body I/O failed: " + e.getMessage());
        jms.setLinkedException(e);
        jms.initCause(e);
        return jms;
    }

    @Override
    public String toString() {
        byte[] body = bodyBytes();
        return super.toString() + "[" + body.length + " bytes: "
                + Arrays.toString(Arrays.copyOf(body, Math.min(16, body.length))) + "]";
    }
}
