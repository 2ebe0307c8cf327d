package dev.sluice.jms.message;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.ObjectMessage;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

import static org.assertj.core.api.Assertions.assertThat;

/** Spec: "A provider must be prepared to accept message implementations that are not its own." */
class ForeignMessageTest {

    /** Hides a Sluice message behind a proxy so that it is another provider's as far as the codec can tell. */
    @SuppressWarnings("unchecked")
    static <T extends Message> T foreign(Class<T> type, Message delegate) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            try {
                return method.invoke(delegate, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }

    @Test
    void foreignTextMessageWithHeadersAndProperties() throws JMSException {
        SluiceTextMessage inner = new SluiceTextMessage("from elsewhere");
        inner.setJMSType("t");
        inner.setJMSCorrelationID("c");
        inner.setJMSPriority(8);
        inner.setLongProperty("l", 5L);
        TextMessage foreign = foreign(TextMessage.class, inner);
        assertThat(foreign).isNotInstanceOf(SluiceMessage.class);
        SluiceMessage back = TestSupport.roundTrip(foreign);
        assertThat(((TextMessage) back).getText()).isEqualTo("from elsewhere");
        assertThat(back.getJMSType()).isEqualTo("t");
        assertThat(back.getJMSCorrelationID()).isEqualTo("c");
        assertThat(back.getJMSPriority()).isEqualTo(8);
        assertThat(back.getLongProperty("l")).isEqualTo(5L);
    }

    @Test
    void foreignBytesMessageIsReadFromTheStart() throws JMSException {
        SluiceBytesMessage inner = new SluiceBytesMessage();
        inner.writeInt(7);
        inner.writeInt(8);
        BytesMessage foreign = foreign(BytesMessage.class, inner);
        BytesMessage back = (BytesMessage) TestSupport.roundTrip(foreign);
        assertThat(back.readInt()).isEqualTo(7);
        assertThat(back.readInt()).isEqualTo(8);
    }

    @Test
    void foreignMapStreamAndObjectMessages() throws JMSException {
        SluiceMapMessage map = new SluiceMapMessage();
        map.setShort("s", (short) 3);
        assertThat(((MapMessage) TestSupport.roundTrip(foreign(MapMessage.class, map))).getShort("s"))
                .isEqualTo((short) 3);

        SluiceStreamMessage stream = new SluiceStreamMessage();
        stream.writeString("a");
        stream.writeBytes(new byte[] {1});
        StreamMessage streamBack = (StreamMessage) TestSupport.roundTrip(foreign(StreamMessage.class, stream));
        assertThat(streamBack.readString()).isEqualTo("a");
        assertThat((byte[]) streamBack.readObject()).containsExactly(1);

        ObjectMessage object = foreign(ObjectMessage.class, new SluiceObjectMessage("obj"));
        assertThat(((ObjectMessage) TestSupport.roundTrip(object)).getObject()).isEqualTo("obj");
    }

    @Test
    void copyOfMakesAnIndependentSluiceMessage() throws JMSException {
        SluiceTextMessage inner = new SluiceTextMessage("x");
        SluiceMessage copy = SluiceMessage.copyOf(foreign(TextMessage.class, inner));
        assertThat(copy).isInstanceOf(SluiceTextMessage.class);
        ((SluiceTextMessage) copy).setText("changed");
        assertThat(inner.getText()).isEqualTo("x");
    }
}
