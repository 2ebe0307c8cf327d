package dev.sluice.samples.events;

import dev.sluice.samples.support.Tally;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * One handler of the guide's process_events() if/elif chain. The routing moves into the selector the
 * handler's consumer is created with: the engine hands each handler only its events, and leaves the others
 * on the queue for the handlers they belong to.
 */
public final class EventHandler implements MessageListener {

    private final String name;
    private final String selector;
    private final Tally<String> handled = new Tally<>();

    public EventHandler(String name, String selector) {
        this.name = name;
        this.selector = selector;
    }

    public String name() {
        return name;
    }

    public String selector() {
        return selector;
    }

    @Override
    public void onMessage(Message message) {
        try {
            handled.add(message.getStringProperty("EventType"));
        } catch (JMSException e) {
            throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
        }
    }

    /** The EventType of every event this handler got. */
    public Tally<String> handled() {
        return handled;
    }
}
