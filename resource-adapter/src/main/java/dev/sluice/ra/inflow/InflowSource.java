package dev.sluice.ra.inflow;

import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.Topic;

/**
 * Where an MDB's sessions take messages from: a queue, or one subscription to a topic that all of the MDB's
 * sessions share (a shared subscription, durable or not), so that each published message is processed once per
 * MDB however many sessions it runs — the way Jakarta EE expects a topic MDB to behave.
 *
 * @param subscriptionName the shared subscription's name; null for a queue
 */
record InflowSource(Destination destination, String subscriptionName, boolean durable) {

    static InflowSource queue(Destination queue) {
        return new InflowSource(queue, null, false);
    }

    MessageConsumer open(Session session, String selector) throws JMSException {
        if (destination instanceof Topic topic) {
            return durable ? session.createSharedDurableConsumer(topic, subscriptionName, selector)
                    : session.createSharedConsumer(topic, subscriptionName, selector);
        }
        return session.createConsumer(destination, selector);
    }

    @Override
    public String toString() {
        return subscriptionName == null ? String.valueOf(destination)
                : (durable ? "durable" : "non-durable") + " subscription '" + subscriptionName + "' to " + destination;
    }
}
