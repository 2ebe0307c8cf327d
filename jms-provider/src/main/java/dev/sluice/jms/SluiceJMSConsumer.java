package dev.sluice.jms;

import dev.sluice.jms.message.SluiceMessage;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageFormatRuntimeException;
import jakarta.jms.MessageListener;

import static dev.sluice.jms.JmsExceptions.unchecked;
import static dev.sluice.jms.JmsExceptions.uncheckedRun;

/** The simplified API's consumer over a {@link SluiceMessageConsumer}. */
final class SluiceJMSConsumer implements JMSConsumer {

    private final SluiceJMSContext context;
    private final MessageConsumer consumer;

    SluiceJMSConsumer(SluiceJMSContext context, MessageConsumer consumer) {
        this.context = context;
        this.consumer = consumer;
    }

    @Override
    public String getMessageSelector() {
        return unchecked(consumer::getMessageSelector);
    }

    @Override
    public MessageListener getMessageListener() {
        return unchecked(consumer::getMessageListener);
    }

    @Override
    public void setMessageListener(MessageListener listener) {
        uncheckedRun(() -> consumer.setMessageListener(listener));
    }

    @Override
    public Message receive() {
        return unchecked(() -> consumer.receive());
    }

    @Override
    public Message receive(long timeout) {
        return unchecked(() -> consumer.receive(timeout));
    }

    @Override
    public Message receiveNoWait() {
        return unchecked(consumer::receiveNoWait);
    }

    @Override
    public void close() {
        uncheckedRun(consumer::close);
    }

    @Override
    public <T> T receiveBody(Class<T> c) {
        return body(receiveForBody(c, 0), c);
    }

    @Override
    public <T> T receiveBody(Class<T> c, long timeout) {
        return body(receiveForBody(c, Math.max(0, timeout)), c);
    }

    @Override
    public <T> T receiveBodyNoWait(Class<T> c) {
        return body(receiveForBody(c, -1), c);
    }

    /** The consumer checks the body's type before acknowledging, so a refused message is not lost. */
    private Message receiveForBody(Class<?> c, long timeout) {
        return unchecked(() -> ((SluiceMessageConsumer) consumer).receiveForBody(c, timeout));
    }

    /**
     * The spec: if the body cannot be assigned to the type, MessageFormatRuntimeException is thrown and, in
     * AUTO/DUPS_OK sessions, the message is delivered again; here it is released for redelivery.
     */
    private <T> T body(Message m, Class<T> c) {
        if (m == null) {
            return null;
        }
        try {
            // in CLIENT and transacted sessions the message was handed over and counts as delivered; refused anyway
            if (!SluiceMessageConsumer.bodyReceivableAs((SluiceMessage) m, c)) {
                throw new MessageFormatRuntimeException("Message " + m.getJMSMessageID() + " ("
                        + m.getClass().getSimpleName() + ") has no body that receiveBody can return as " + c.getName()
                        + ".");
            }
            return m.getBody(c);
        } catch (MessageFormatException e) {
            throw new MessageFormatRuntimeException(e.getMessage(), e.getErrorCode(), e);
        } catch (JMSException e) {
            throw JmsExceptions.unchecked(e);
        }
    }
}
