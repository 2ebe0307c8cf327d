package dev.sluice.jms.message;

import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.ObjectMessage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;

/**
 * A message carrying a Serializable object. The object is serialized when it is set (the spec's "copy": later changes
 * to the object do not reach the message) and deserialized on every {@link #getObject()}, through the
 * {@link ObjectMessagePolicy} of the connection for a received message.
 */
public class SluiceObjectMessage extends SluiceMessage implements ObjectMessage {

    private byte[] payload;
    private ObjectMessagePolicy policy = ObjectMessagePolicy.LOCAL;

    public SluiceObjectMessage() {
    }

    public SluiceObjectMessage(Serializable object) throws JMSException {
        setObject(object);
    }

    /**
     * A new message of a connection. The policy guards payloads this message did not serialize itself; an object
     * the application sets is its own and reads back without a check.
     */
    public SluiceObjectMessage(ObjectMessagePolicy policy) {
        this.policy = policy == null ? ObjectMessagePolicy.defaults() : policy;
    }

    /** A received message: the payload as serialized by the sender, checked against the policy when read. */
    static SluiceObjectMessage received(byte[] payload, ObjectMessagePolicy policy) {
        SluiceObjectMessage m = new SluiceObjectMessage();
        m.payload = payload;
        m.policy = policy == null ? ObjectMessagePolicy.defaults() : policy;
        return m;
    }

    /** Java serialization of the object, or null for no object: for the codec. */
    byte[] payload() {
        return payload;
    }

    @Override
    public void setObject(Serializable object) throws JMSException {
        checkBodyWritable();
        payload = object == null ? null : serialize(object);
        policy = ObjectMessagePolicy.LOCAL;
    }

    @Override
    public Serializable getObject() throws JMSException {
        if (payload == null) {
            return null;
        }
        Object value = policy.deserialize(payload);
        if (!(value instanceof Serializable s)) {
            throw new MessageFormatException("the ObjectMessage payload is a " + value.getClass().getName()
                    + ", not Serializable");
        }
        return s;
    }

    @Override
    public void clearBody() throws JMSException {
        super.clearBody();
        payload = null;
    }

    @Override
    public <T> T getBody(Class<T> c) throws JMSException {
        return bodyAs(getObject(), c, "ObjectMessage");
    }

    @Override
    public boolean hasBody() {
        return payload != null;
    }

    @Override
    public boolean isBodyAssignableTo(@SuppressWarnings("rawtypes") Class c) {
        if (payload == null) {
            return true;
        }
        try {
            Object value = getObject();
            return c != null && c.isInstance(value);
        } catch (JMSException e) {
            return false; // the javadoc: deserialization failure answers false
        }
    }

    private static byte[] serialize(Serializable object) throws MessageFormatException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(object);
        } catch (IOException e) {
            MessageFormatException mfe = new MessageFormatException("the object of type " + object.getClass().getName()
                    + " cannot be serialized: " + e);
            mfe.setLinkedException(e);
            mfe.initCause(e);
            throw mfe;
        }
        return bytes.toByteArray();
    }
}
