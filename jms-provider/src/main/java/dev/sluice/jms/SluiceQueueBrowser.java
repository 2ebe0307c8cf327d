package dev.sluice.jms;

import dev.sluice.jms.backend.IncomingMessage;
import dev.sluice.jms.backend.MessagePredicate;
import dev.sluice.jms.message.MessageCodec;
import dev.sluice.jms.message.SelectorPredicate;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * Looks at the visible messages of a queue in delivery order without receiving them: no visibility
 * change, no receive count. Each enumeration is a snapshot taken when it is asked for.
 */
public final class SluiceQueueBrowser implements QueueBrowser {

    /** An enumeration holds at most this many messages; a browse is a look, not a drain. */
    static final int LIMIT = 10_000;

    private final SluiceSession session;
    private final Queue queue;
    private final String selectorText;
    private final MessagePredicate filter;
    private volatile boolean closed;

    SluiceQueueBrowser(SluiceSession session, Queue queue, String selector) throws JMSException {
        this.session = session;
        this.queue = queue;
        this.selectorText = SelectorPredicate.reported(selector);
        this.filter = SelectorPredicate.of(selector);
    }

    @Override
    public Queue getQueue() throws JMSException {
        checkOpen();
        return queue;
    }

    @Override
    public String getMessageSelector() throws JMSException {
        checkOpen();
        return selectorText;
    }

    @Override
    public Enumeration<?> getEnumeration() throws JMSException {
        checkOpen();
        List<IncomingMessage> seen = session.connection().backend().browse(queue.getQueueName(), filter, LIMIT);
        List<Message> out = new ArrayList<>(seen.size());
        long now = System.currentTimeMillis();
        for (IncomingMessage in : seen) {
            Message m = MessageCodec.decode(in, SluiceMessageConsumer::destinationNamed,
                    session.connection().objectPolicy());
            // an expired message is never delivered (consumers drop it), so a browser does not show it either
            if (m.getJMSExpiration() == 0 || m.getJMSExpiration() >= now) {
                out.add(m);
            }
        }
        return Collections.enumeration(out);
    }

    private void checkOpen() throws IllegalStateException {
        if (closed) {
            throw new IllegalStateException("The browser is closed.");
        }
        session.checkOpen();
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
        session.removed(this);
    }
}
