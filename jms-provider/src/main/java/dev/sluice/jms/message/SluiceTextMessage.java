package dev.sluice.jms.message;

import jakarta.jms.JMSException;
import jakarta.jms.TextMessage;

/** A message whose body is a String; on SQS the body travels as-is so non-JMS clients read it plainly. */
public class SluiceTextMessage extends SluiceMessage implements TextMessage {

    private String text;

    public SluiceTextMessage() {
    }

    public SluiceTextMessage(String text) {
        this.text = text;
    }

    @Override
    public void setText(String text) throws JMSException {
        checkBodyWritable();
        this.text = text;
    }

    @Override
    public String getText() {
        return text;
    }

    @Override
    public void clearBody() throws JMSException {
        super.clearBody();
        text = null;
    }

    @Override
    public <T> T getBody(Class<T> c) throws JMSException {
        return bodyAs(text, c, "TextMessage");
    }

    @Override
    public boolean hasBody() {
        return text != null;
    }

    @Override
    public boolean isBodyAssignableTo(@SuppressWarnings("rawtypes") Class c) {
        return text == null || (c != null && c.isAssignableFrom(String.class));
    }
}
