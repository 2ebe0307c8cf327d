package dev.sluice.jms.message;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageEOFException;
import jakarta.jms.ObjectMessage;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;

import java.util.Enumeration;

/**
 * Copies any provider's message into a Sluice message of the same kind, using only the jakarta.jms API. Reading a
 * foreign BytesMessage or StreamMessage needs {@code reset()}, which leaves it in read-only mode: that is the only way
 * the API offers to read those bodies.
 */
final class ForeignMessages {

    private ForeignMessages() {
    }

    static SluiceMessage copyOf(Message foreign) throws JMSException {
        SluiceMessage copy = copyBody(foreign);
        copy.setJMSMessageID(foreign.getJMSMessageID());
        copy.setJMSTimestamp(foreign.getJMSTimestamp());
        copy.setJMSCorrelationID(foreign.getJMSCorrelationID());
        copy.setJMSReplyTo(foreign.getJMSReplyTo());
        copy.setJMSDestination(foreign.getJMSDestination());
        copy.setJMSDeliveryMode(foreign.getJMSDeliveryMode());
        copy.setJMSRedelivered(foreign.getJMSRedelivered());
        copy.setJMSType(foreign.getJMSType());
        copy.setJMSExpiration(foreign.getJMSExpiration());
        copy.setJMSDeliveryTime(foreign.getJMSDeliveryTime());
        copy.setJMSPriority(foreign.getJMSPriority());
        Enumeration<?> names = foreign.getPropertyNames();
        while (names.hasMoreElements()) {
            String name = (String) names.nextElement();
            copy.putProviderProperty(name, foreign.getObjectProperty(name));
        }
        return copy;
    }

    private static SluiceMessage copyBody(Message foreign) throws JMSException {
        if (foreign instanceof TextMessage text) {
            return new SluiceTextMessage(text.getText());
        }
        if (foreign instanceof BytesMessage bytes) {
            bytes.reset();
            byte[] body = new byte[(int) bytes.getBodyLength()];
            bytes.readBytes(body);
            bytes.reset();
            SluiceBytesMessage copy = new SluiceBytesMessage();
            copy.writeBytes(body);
            return copy;
        }
        if (foreign instanceof MapMessage map) {
            SluiceMapMessage copy = new SluiceMapMessage();
            Enumeration<?> names = map.getMapNames();
            while (names.hasMoreElements()) {
                String name = (String) names.nextElement();
                copy.setObject(name, map.getObject(name));
            }
            return copy;
        }
        if (foreign instanceof StreamMessage stream) {
            SluiceStreamMessage copy = new SluiceStreamMessage();
            stream.reset();
            try {
                while (true) {
                    copy.writeObject(stream.readObject());
                }
            } catch (MessageEOFException end) {
                stream.reset();
            }
            return copy;
        }
        if (foreign instanceof ObjectMessage object) {
            return new SluiceObjectMessage(object.getObject());
        }
        return new SluiceMessage();
    }
}
