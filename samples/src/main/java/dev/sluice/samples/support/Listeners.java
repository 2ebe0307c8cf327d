package dev.sluice.samples.support;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.MessageListener;

import java.util.ArrayList;
import java.util.List;

/**
 * MDB-style consumers in Java SE: {@code count} contexts, each with its own session thread delivering to the
 * listener, as an application server runs a pool of MDB instances. Closing waits for running onMessage calls.
 */
public final class Listeners implements AutoCloseable {

    private final List<JMSContext> contexts = new ArrayList<>();

    private Listeners() {
    }

    /**
     * @param selector a message selector, or null for every message
     */
    public static Listeners start(ConnectionFactory factory, int sessionMode, String queue, String selector, int count,
                                  MessageListener listener) {
        Listeners pool = new Listeners();
        try {
            for (int i = 0; i < count; i++) {
                JMSContext context = factory.createContext(sessionMode);
                pool.contexts.add(context);
                JMSConsumer consumer = context.createConsumer(context.createQueue(queue), selector);
                consumer.setMessageListener(listener);
            }
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return pool;
    }

    public static Listeners start(ConnectionFactory factory, String queue, int count, MessageListener listener) {
        return start(factory, JMSContext.AUTO_ACKNOWLEDGE, queue, null, count, listener);
    }

    @Override
    public void close() {
        contexts.forEach(JMSContext::close);
    }
}
