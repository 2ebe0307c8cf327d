package dev.sluice.engine.topic;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A subscription's definition, kept as tags of its queue: the queue row is already persisted atomically with its
 * creation, so a durable subscription survives a restart with no table of its own, and ListQueueTags shows what
 * a subscription queue is for.
 */
final class SubscriptionTags {

    static final String TOPIC = "sluice:topic";
    static final String KIND = "sluice:subscription-kind";
    static final String NAME = "sluice:subscription-name";
    static final String CLIENT_ID = "sluice:client-id";
    static final String SELECTOR = "sluice:selector";
    static final String NO_LOCAL = "sluice:no-local";

    private SubscriptionTags() {
    }

    static Map<String, String> of(SubscriptionSpec spec) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(TOPIC, spec.topic());
        tags.put(KIND, spec.kind());
        if (spec.name() != null) {
            tags.put(NAME, spec.name());
        }
        if (spec.clientId() != null) {
            tags.put(CLIENT_ID, spec.clientId());
        }
        if (spec.selector() != null) {
            tags.put(SELECTOR, spec.selector());
        }
        if (spec.noLocal()) {
            tags.put(NO_LOCAL, "true");
        }
        return tags;
    }

    /** The subscription a queue serves, or null for an ordinary queue. */
    static SubscriptionSpec parse(Map<String, String> tags) {
        String topic = tags.get(TOPIC);
        String kind = tags.get(KIND);
        if (topic == null || kind == null) {
            return null;
        }
        return new SubscriptionSpec(topic, tags.get(CLIENT_ID), tags.get(NAME), kind.equals("durable") || kind.equals("shared-durable"),
                kind.startsWith("shared"), tags.get(SELECTOR), "true".equals(tags.get(NO_LOCAL)));
    }
}
