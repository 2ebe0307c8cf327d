package dev.sluice.jms.message;

import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import org.junit.jupiter.api.Test;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Message.getBody / isBodyAssignableTo (JMS 2.0, 3.9–3.11 body types). */
class GetBodyTest {

    @Test
    void plainMessageAnswersNullForAnyType() throws JMSException {
        SluiceMessage m = new SluiceMessage();
        assertThat(m.getBody(String.class)).isNull();
        assertThat(m.getBody(Integer.class)).isNull();
        assertThat(m.isBodyAssignableTo(Map.class)).isTrue();
    }

    @Test
    void text() throws JMSException {
        SluiceTextMessage m = new SluiceTextMessage("hi");
        assertThat(m.getBody(String.class)).isEqualTo("hi");
        assertThat(m.getBody(CharSequence.class)).isEqualTo("hi");
        assertThat(m.getBody(Object.class)).isEqualTo("hi");
        assertThat(m.isBodyAssignableTo(String.class)).isTrue();
        assertThat(m.isBodyAssignableTo(Integer.class)).isFalse();
        assertThatThrownBy(() -> m.getBody(Integer.class)).isInstanceOf(MessageFormatException.class);
        assertThat(new SluiceTextMessage().getBody(Integer.class)).isNull();
        assertThat(new SluiceTextMessage().isBodyAssignableTo(Integer.class)).isTrue();
    }

    @Test
    void bytes() throws JMSException {
        SluiceBytesMessage m = new SluiceBytesMessage();
        assertThat(m.getBody(String.class)).isNull();
        assertThat(m.isBodyAssignableTo(String.class)).isTrue();
        m.writeBytes(new byte[] {1, 2});
        assertThat(m.getBody(byte[].class)).containsExactly(1, 2);
        assertThat(m.isBodyAssignableTo(byte[].class)).isTrue();
        assertThat(m.isBodyAssignableTo(String.class)).isFalse();
        assertThatThrownBy(() -> m.getBody(String.class)).isInstanceOf(MessageFormatException.class);
        m.reset();
        m.readByte();
        assertThat(m.getBody(Object.class)).isEqualTo(new byte[] {1, 2});
        assertThat(m.readByte()).isEqualTo((byte) 1); // getBody reset the position
    }

    @Test
    void map() throws JMSException {
        SluiceMapMessage m = new SluiceMapMessage();
        assertThat(m.getBody(Integer.class)).isNull();
        m.setInt("a", 1);
        m.setBytes("b", new byte[] {2});
        Map<?, ?> body = m.getBody(Map.class);
        assertThat(body.get("a")).isEqualTo(1);
        assertThat((byte[]) body.get("b")).containsExactly(2);
        assertThat(m.isBodyAssignableTo(Map.class)).isTrue();
        assertThat(m.isBodyAssignableTo(Object.class)).isTrue();
        assertThat(m.isBodyAssignableTo(HashMap.class)).isFalse();
        assertThatThrownBy(() -> m.getBody(HashMap.class)).isInstanceOf(MessageFormatException.class);
        assertThatThrownBy(() -> m.getBody(String.class)).isInstanceOf(MessageFormatException.class);
    }

    @Test
    void object() throws JMSException {
        SluiceObjectMessage m = new SluiceObjectMessage();
        assertThat(m.getBody(String.class)).isNull();
        m.setObject(42);
        assertThat(m.getBody(Integer.class)).isEqualTo(42);
        assertThat(m.getBody(Serializable.class)).isEqualTo(42);
        assertThat(m.getBody(Number.class)).isEqualTo(42);
        assertThat(m.isBodyAssignableTo(String.class)).isFalse();
        assertThatThrownBy(() -> m.getBody(String.class)).isInstanceOf(MessageFormatException.class);
    }

    @Test
    void streamIsNeverAssignable() throws JMSException {
        SluiceStreamMessage m = new SluiceStreamMessage();
        assertThat(m.isBodyAssignableTo(Object.class)).isFalse();
        assertThatThrownBy(() -> m.getBody(Object.class)).isInstanceOf(MessageFormatException.class);
    }

    @Test
    void objectThatFailsToDeserializeIsNotAssignable() throws JMSException {
        SluiceObjectMessage sent = new SluiceObjectMessage(new ObjectMessageTest.Order("o-1"));
        SluiceObjectMessage received = TestSupport.roundTrip(sent, SluiceObjectMessage.class);
        assertThat(received.isBodyAssignableTo(Serializable.class)).isFalse();
        assertThatThrownBy(() -> received.getBody(Serializable.class)).isInstanceOf(MessageFormatException.class);
    }
}
