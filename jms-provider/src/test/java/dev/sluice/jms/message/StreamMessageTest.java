package dev.sluice.jms.message;

import jakarta.jms.JMSException;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotReadableException;
import jakarta.jms.MessageNotWriteableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Spec 3.11.3 and the StreamMessage javadoc: the conversion table, modes, partial byte[] reads, EOF. */
class StreamMessageTest {

    static void write(SluiceStreamMessage m, String type) throws JMSException {
        Object v = ConversionTable.SAMPLES.get(type);
        switch (type) {
            case "boolean" -> m.writeBoolean((Boolean) v);
            case "byte" -> m.writeByte((Byte) v);
            case "short" -> m.writeShort((Short) v);
            case "char" -> m.writeChar((Character) v);
            case "int" -> m.writeInt((Integer) v);
            case "long" -> m.writeLong((Long) v);
            case "float" -> m.writeFloat((Float) v);
            case "double" -> m.writeDouble((Double) v);
            case "String" -> m.writeString((String) v);
            default -> m.writeBytes((byte[]) v);
        }
    }

    static Object read(SluiceStreamMessage m, String type) throws JMSException {
        return switch (type) {
            case "boolean" -> m.readBoolean();
            case "byte" -> m.readByte();
            case "short" -> m.readShort();
            case "char" -> m.readChar();
            case "int" -> m.readInt();
            case "long" -> m.readLong();
            case "float" -> m.readFloat();
            case "double" -> m.readDouble();
            case "String" -> m.readString();
            default -> {
                byte[] buf = new byte[16];
                int n = m.readBytes(buf);
                yield java.util.Arrays.copyOf(buf, n);
            }
        };
    }

    @ParameterizedTest(name = "3.11.3: {0} read as {1} allowed={2}")
    @MethodSource("dev.sluice.jms.message.ConversionTable#bodies")
    void conversionTable(String written, String read, boolean allowed) throws JMSException {
        SluiceStreamMessage m = new SluiceStreamMessage();
        write(m, written);
        m.reset();
        if (allowed) {
            assertThat(read(m, read)).isEqualTo(ConversionTable.expected(written, read));
        } else {
            assertThatThrownBy(() -> read(m, read)).isInstanceOf(MessageFormatException.class);
            // a failed conversion leaves the position: the field can still be read as what it is
            assertThat(m.readObject()).isEqualTo(ConversionTable.SAMPLES.get(written));
        }
    }

    @Test
    void numberFormatExceptionDoesNotAdvance() throws JMSException {
        SluiceStreamMessage m = new SluiceStreamMessage();
        m.writeString("abc");
        m.reset();
        assertThatThrownBy(m::readInt).isInstanceOf(NumberFormatException.class);
        assertThat(m.readString()).isEqualTo("abc");
    }

    @Test
    void nullReadsAsValueOfNull() throws JMSException {
        SluiceStreamMessage m = new SluiceStreamMessage();
        m.writeObject(null);
        m.reset();
        assertThatThrownBy(m::readInt).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(m::readDouble).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(m::readChar).isInstanceOf(NullPointerException.class);
        assertThat(m.readBoolean()).isFalse();
        m.reset();
        assertThat(m.readString()).isNull();
        m.reset();
        assertThat(m.readBytes(new byte[1])).isEqualTo(-1);
        assertThatThrownBy(m::readObject).isInstanceOf(MessageEOFException.class);
    }

    @Test
    void byteArrayFieldReadInPieces() throws JMSException {
        SluiceStreamMessage m = new SluiceStreamMessage();
        m.writeBytes(new byte[] {1, 2, 3, 4});
        m.writeInt(9);
        m.reset();
        byte[] buf = new byte[2];
        assertThat(m.readBytes(buf)).isEqualTo(2);
        assertThat(buf).containsExactly(1, 2);
        // the byte[] field is partly read: anything else is refused until it is finished
        assertThatThrownBy(m::readInt).isInstanceOf(MessageFormatException.class);
        assertThatThrownBy(m::readObject).isInstanceOf(MessageFormatException.class);
        assertThat(m.readBytes(buf)).isEqualTo(2);
        assertThat(buf).containsExactly(3, 4);
        assertThat(m.readBytes(buf)).isEqualTo(-1);
        assertThat(m.readInt()).isEqualTo(9);
        assertThatThrownBy(m::readInt).isInstanceOf(MessageEOFException.class);
    }

    @Test
    void shortReadEndsTheByteArrayField() throws JMSException {
        SluiceStreamMessage m = new SluiceStreamMessage();
        m.writeBytes(new byte[] {1, 2, 3});
        m.writeBytes(new byte[0]);
        m.writeString("next");
        m.reset();
        assertThat(m.readBytes(new byte[8])).isEqualTo(3);
        assertThat(m.readBytes(new byte[8])).isZero();
        assertThat(m.readString()).isEqualTo("next");
    }

    /** writeBytes(value, offset, length) writes "a portion of a byte array": bytes beyond it are an error. */
    @Test
    void aPortionOutsideTheArrayIsRefusedNotPadded() throws JMSException {
        SluiceStreamMessage m = new SluiceStreamMessage();
        byte[] data = {1, 2, 3};
        assertThatThrownBy(() -> m.writeBytes(data, 2, 5)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> m.writeBytes(data, -1, 1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> m.writeBytes(data, 1, -1)).isInstanceOf(IndexOutOfBoundsException.class);
        m.writeBytes(data, 1, 2);
        m.reset();
        assertThat((byte[]) m.readObject()).containsExactly(2, 3);
        assertThatThrownBy(m::readObject).isInstanceOf(MessageEOFException.class);
    }

    @Test
    void readObjectReturnsACopyOfByteArrays() throws JMSException {
        SluiceStreamMessage m = new SluiceStreamMessage();
        byte[] data = {1};
        m.writeBytes(data);
        data[0] = 2;
        m.reset();
        byte[] first = (byte[]) m.readObject();
        assertThat(first).containsExactly(1);
    }

    @Test
    void modes() throws JMSException {
        SluiceStreamMessage m = new SluiceStreamMessage();
        m.writeInt(1);
        assertThatThrownBy(m::readInt).isInstanceOf(MessageNotReadableException.class);
        m.reset();
        assertThatThrownBy(() -> m.writeInt(2)).isInstanceOf(MessageNotWriteableException.class);
        m.clearBody();
        assertThatThrownBy(m::readInt).isInstanceOf(MessageNotReadableException.class);
        m.writeInt(2);
        m.reset();
        assertThat(m.readInt()).isEqualTo(2);
        m.reset();
        assertThat(m.readLong()).isEqualTo(2L);
    }

    @Test
    void writeObjectRefusesOtherTypes() {
        SluiceStreamMessage m = new SluiceStreamMessage();
        assertThatThrownBy(() -> m.writeObject(new java.util.Date())).isInstanceOf(MessageFormatException.class);
    }
}
