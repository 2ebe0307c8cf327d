package dev.sluice.jms.message;

import jakarta.jms.JMSException;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotReadableException;
import jakarta.jms.MessageNotWriteableException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Spec 3.11 / BytesMessage javadoc: write-only until reset, typed reads in DataOutputStream layout, EOF. */
class BytesMessageTest {

    @Test
    void writesThenReadsEveryTypeAfterReset() throws JMSException {
        SluiceBytesMessage m = new SluiceBytesMessage();
        m.writeBoolean(true);
        m.writeByte((byte) -2);
        m.writeShort((short) -3);
        m.writeChar('z');
        m.writeInt(4);
        m.writeLong(5L);
        m.writeFloat(6.5f);
        m.writeDouble(7.5);
        m.writeUTF("héllo");
        m.writeBytes(new byte[] {1, 2, 3}, 1, 2);
        m.writeObject(9);
        m.reset();
        assertThat(m.getBodyLength()).isEqualTo(1 + 1 + 2 + 2 + 4 + 8 + 4 + 8 + (2 + 6) + 2 + 4);
        assertThat(m.readBoolean()).isTrue();
        assertThat(m.readUnsignedByte()).isEqualTo(254);
        assertThat(m.readShort()).isEqualTo((short) -3);
        assertThat(m.readChar()).isEqualTo('z');
        assertThat(m.readInt()).isEqualTo(4);
        assertThat(m.readLong()).isEqualTo(5L);
        assertThat(m.readFloat()).isEqualTo(6.5f);
        assertThat(m.readDouble()).isEqualTo(7.5);
        assertThat(m.readUTF()).isEqualTo("héllo");
        byte[] two = new byte[2];
        assertThat(m.readBytes(two)).isEqualTo(2);
        assertThat(two).containsExactly(2, 3);
        assertThat(m.readInt()).isEqualTo(9);
        assertThatThrownBy(m::readByte).isInstanceOf(MessageEOFException.class);
        assertThat(m.readBytes(new byte[4])).isEqualTo(-1);
    }

    @Test
    void readingAWriteOnlyMessageThrowsNotReadable() throws JMSException {
        SluiceBytesMessage m = new SluiceBytesMessage();
        m.writeInt(1);
        assertThatThrownBy(m::readInt).isInstanceOf(MessageNotReadableException.class);
        assertThatThrownBy(m::getBodyLength).isInstanceOf(MessageNotReadableException.class);
    }

    @Test
    void writingAfterResetThrowsNotWriteableUntilClearBody() throws JMSException {
        SluiceBytesMessage m = new SluiceBytesMessage();
        m.writeInt(1);
        m.reset();
        assertThatThrownBy(() -> m.writeInt(2)).isInstanceOf(MessageNotWriteableException.class);
        m.clearBody();
        m.writeInt(3);
        m.reset();
        assertThat(m.getBodyLength()).isEqualTo(4);
        assertThat(m.readInt()).isEqualTo(3);
    }

    @Test
    void resetRepositionsToTheStart() throws JMSException {
        SluiceBytesMessage m = new SluiceBytesMessage();
        m.writeInt(42);
        m.reset();
        assertThat(m.readInt()).isEqualTo(42);
        m.reset();
        assertThat(m.readInt()).isEqualTo(42);
    }

    @Test
    void readBytesInPiecesAndLengthBounds() throws JMSException {
        SluiceBytesMessage m = new SluiceBytesMessage();
        m.writeBytes(new byte[] {1, 2, 3, 4, 5});
        m.reset();
        byte[] buf = new byte[2];
        assertThat(m.readBytes(buf)).isEqualTo(2);
        assertThat(m.readBytes(buf, 1)).isEqualTo(1);
        assertThat(buf[0]).isEqualTo((byte) 3);
        assertThat(m.readBytes(new byte[10])).isEqualTo(2);
        assertThat(m.readBytes(buf)).isEqualTo(-1);
        assertThatThrownBy(() -> m.readBytes(buf, 3)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void partialPrimitiveAtTheEndIsEof() throws JMSException {
        SluiceBytesMessage m = new SluiceBytesMessage();
        m.writeShort((short) 1);
        m.reset();
        assertThatThrownBy(m::readLong).isInstanceOf(MessageEOFException.class);
    }

    @Test
    void writeObjectRefusesNullAndOtherTypes() {
        SluiceBytesMessage m = new SluiceBytesMessage();
        assertThatThrownBy(() -> m.writeObject(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> m.writeObject(new Object())).isInstanceOf(MessageFormatException.class);
    }
}
