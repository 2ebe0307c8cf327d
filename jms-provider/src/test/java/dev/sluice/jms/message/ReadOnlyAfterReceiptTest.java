package dev.sluice.jms.message;

import jakarta.jms.JMSException;
import jakarta.jms.MessageNotReadableException;
import jakarta.jms.MessageNotWriteableException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Spec 3.9 / 3.10: a received message's body and properties are read-only until cleared. */
class ReadOnlyAfterReceiptTest {

    @Test
    void textBody() throws JMSException {
        SluiceTextMessage m = TestSupport.roundTrip(new SluiceTextMessage("a"), SluiceTextMessage.class);
        assertThatThrownBy(() -> m.setText("b")).isInstanceOf(MessageNotWriteableException.class);
        m.clearBody();
        assertThat(m.getText()).isNull();
        m.setText("b");
        assertThat(m.getText()).isEqualTo("b");
    }

    @Test
    void properties() throws JMSException {
        SluiceTextMessage sent = new SluiceTextMessage("a");
        sent.setIntProperty("n", 1);
        SluiceMessage m = TestSupport.roundTrip(sent);
        assertThatThrownBy(() -> m.setIntProperty("n", 2)).isInstanceOf(MessageNotWriteableException.class);
        assertThatThrownBy(() -> m.setObjectProperty("x", "y")).isInstanceOf(MessageNotWriteableException.class);
        m.clearBody();
        assertThatThrownBy(() -> m.setIntProperty("n", 2)).isInstanceOf(MessageNotWriteableException.class);
        m.clearProperties();
        m.setIntProperty("n", 2);
        assertThat(m.getIntProperty("n")).isEqualTo(2);
    }

    @Test
    void bytesBodyIsReadableAtOnceAndWritableAfterClearBody() throws JMSException {
        SluiceBytesMessage sent = new SluiceBytesMessage();
        sent.writeInt(7);
        SluiceBytesMessage m = TestSupport.roundTrip(sent, SluiceBytesMessage.class);
        assertThat(m.readInt()).isEqualTo(7);
        assertThatThrownBy(() -> m.writeInt(1)).isInstanceOf(MessageNotWriteableException.class);
        m.clearBody();
        assertThatThrownBy(m::readInt).isInstanceOf(MessageNotReadableException.class);
        m.writeInt(8);
        m.reset();
        assertThat(m.readInt()).isEqualTo(8);
    }

    @Test
    void streamBody() throws JMSException {
        SluiceStreamMessage sent = new SluiceStreamMessage();
        sent.writeString("s");
        SluiceStreamMessage m = TestSupport.roundTrip(sent, SluiceStreamMessage.class);
        assertThat(m.readString()).isEqualTo("s");
        assertThatThrownBy(() -> m.writeString("t")).isInstanceOf(MessageNotWriteableException.class);
    }

    @Test
    void mapAndObjectBodies() throws JMSException {
        SluiceMapMessage map = TestSupport.roundTrip(new SluiceMapMessage(), SluiceMapMessage.class);
        assertThatThrownBy(() -> map.setInt("a", 1)).isInstanceOf(MessageNotWriteableException.class);
        SluiceObjectMessage object = TestSupport.roundTrip(new SluiceObjectMessage("x"), SluiceObjectMessage.class);
        assertThatThrownBy(() -> object.setObject("y")).isInstanceOf(MessageNotWriteableException.class);
        object.clearBody();
        object.setObject("y");
        assertThat(object.getObject()).isEqualTo("y");
    }

    @Test
    void markReceivedOnALocalMessageSwitchesBytesToReadMode() throws JMSException {
        SluiceBytesMessage m = new SluiceBytesMessage();
        m.writeShort((short) 3);
        m.markReceived();
        assertThat(m.getBodyLength()).isEqualTo(2);
        assertThat(m.readShort()).isEqualTo((short) 3);
    }
}
