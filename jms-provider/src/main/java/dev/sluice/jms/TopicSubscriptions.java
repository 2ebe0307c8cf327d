package dev.sluice.jms;

import dev.sluice.jms.backend.Capability;
import dev.sluice.jms.backend.QueueInfo;
import dev.sluice.jms.backend.Subscription;
import dev.sluice.jms.message.SelectorPredicate;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.Topic;

/**
 * The rules of the spec's "Subscriptions" chapter on the provider's side, before the engine sees a subscription:
 * which topic may be subscribed to (a temporary one by its own connection only, never durably), that an unshared
 * durable subscription needs a client identifier, that a subscription name is not empty, that the selector
 * parses; then one consumer on the subscription's queue.
 */
final class TopicSubscriptions {

    private TopicSubscriptions() {
    }

    /** An unshared non-durable subscription, as createConsumer(topic) and createSubscriber make. */
    static SluiceMessageConsumer nonDurable(SluiceSession session, Topic topic, String selector, boolean noLocal)
            throws JMSException {
        return subscribe(session, topic, null, false, false, selector, noLocal);
    }

    static SluiceMessageConsumer durable(SluiceSession session, Topic topic, String name, String selector,
                                         boolean noLocal) throws JMSException {
        return subscribe(session, topic, name, true, false, selector, noLocal);
    }

    static SluiceMessageConsumer shared(SluiceSession session, Topic topic, String name, String selector, boolean durable)
            throws JMSException {
        return subscribe(session, topic, name, durable, true, selector, false);
    }

    static void unsubscribe(SluiceSession session, String name) throws JMSException {
        session.checkOpen();
        SluiceConnection connection = session.connection();
        connection.requireCapability(Capability.TOPICS);
        if (name == null || name.isEmpty()) {
            throw new InvalidDestinationException("Cannot unsubscribe subscription '" + name + "': a subscription "
                    + "name must not be empty.");
        }
        connection.backend().unsubscribe(connection.subscriptionClientId(), name);
    }

    static String topicName(Topic topic) throws JMSException {
        if (topic == null) {
            throw new InvalidDestinationException("A subscription needs a topic, not null.");
        }
        String name = topic.getTopicName();
        if (name == null || name.isEmpty()) {
            throw new InvalidDestinationException("Topic " + topic + " has no name.");
        }
        if (SluiceTemporaryTopic.isTemporaryName(name)) {
            SluiceTemporaryTopic.liveOwner(name); // refuses a deleted one, whatever object names it
        }
        return name;
    }

    /** By name, so that a plain Topic naming a temporary topic (a JMSReplyTo, say) is held to the same rules. */
    private static void checkTemporary(SluiceConnection connection, String topicName, boolean durable)
            throws JMSException {
        if (durable) {
            // "@param topic the non-temporary Topic to subscribe to": a durable subscription would outlive its topic
            throw new InvalidDestinationException("Temporary topic " + topicName
                    + " cannot have a durable subscription; subscribe to a non-temporary topic.");
        }
        if (SluiceTemporaryTopic.isTemporaryName(topicName)
                && SluiceTemporaryTopic.liveOwner(topicName) != connection) {
            throw new InvalidDestinationException("Temporary topic " + topicName
                    + " can only be subscribed to by the connection that created it.");
        }
    }

    private static SluiceMessageConsumer subscribe(SluiceSession session, Topic topic, String name, boolean durable,
                                                   boolean shared, String selector, boolean noLocal) throws JMSException {
        session.checkOpen();
        SluiceConnection connection = session.connection();
        connection.requireCapability(Capability.TOPICS);
        String topicName = topicName(topic);
        if (topic instanceof TemporaryTopic || SluiceTemporaryTopic.isTemporaryName(topicName)) {
            checkTemporary(connection, topicName, durable);
        }
        if ((durable || shared) && (name == null || name.isEmpty())) {
            throw new JMSException("Subscription name '" + name + "' is invalid: a " + (durable ? "durable" : "shared")
                    + " subscription needs a name.", "InvalidSubscriptionName");
        }
        SelectorPredicate.of(selector); // an InvalidSelectorException names the selector before anything is created
        String clientId = connection.subscriptionClientId();
        if (durable && !shared && clientId == null) {
            throw new IllegalStateException("Durable subscription '" + name + "' needs a client identifier: set one "
                    + "on the connection (setClientID) or use a shared durable subscription.");
        }
        String queue = connection.backend().subscribe(new Subscription(topicName, clientId, name, durable, shared,
                selector, noLocal), connection.connectionId());
        try {
            QueueInfo info = connection.subscriptionQueue(queue);
            return SluiceMessageConsumer.ofSubscription(session, topic, info, selector, noLocal);
        } catch (JMSException | RuntimeException e) {
            connection.backend().releaseSubscription(queue);
            throw e;
        }
    }
}
