package dev.sluice.jms.message;

import jakarta.jms.JMSException;
import jakarta.jms.Message;

/**
 * What {@link Message#acknowledge()} does, installed by the session that delivered the message. The session decides
 * what acknowledging means for its mode (CLIENT_ACKNOWLEDGE deletes everything consumed so far; other modes ignore the
 * call) and throws {@link jakarta.jms.IllegalStateException} once it is closed.
 */
@FunctionalInterface
public interface AcknowledgeCallback {
    void acknowledge(Message message) throws JMSException;
}
