package dev.sluice.engine.store;

import java.util.Map;

/**
 * The persistent part of a queue: its name, the attributes that were set on it (not the computed ones),
 * its tags and its timestamps (epoch milliseconds).
 */
public record StoredQueue(String name, Map<String, String> attributes, Map<String, String> tags,
                          long createdAt, long lastModifiedAt) {
    public StoredQueue {
        attributes = Map.copyOf(attributes);
        tags = Map.copyOf(tags);
    }
}
