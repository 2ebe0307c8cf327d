package dev.sluice.engine.queue;

import dev.sluice.engine.error.SqsException;

import java.util.LinkedHashMap;
import java.util.Map;

/** Queue tags: at most 50, keys of 1–128 characters, values of up to 256. */
final class Tags {

    static final int MAX_TAGS = 50;

    private Tags() {
    }

    /** The tags after adding {@code added} to {@code current}, validated. */
    static Map<String, String> validateNew(Map<String, String> current, Map<String, String> added, String queue) {
        for (Map.Entry<String, String> e : added.entrySet()) {
            if (e.getKey() == null || e.getKey().isEmpty() || e.getKey().length() > 128) {
                throw new SqsException(dev.sluice.engine.error.SqsError.INVALID_PARAMETER_VALUE,
                        "Tag keys must be between 1 and 128 characters in length.");
            }
            if (e.getValue() != null && e.getValue().length() > 256) {
                throw new SqsException(dev.sluice.engine.error.SqsError.INVALID_PARAMETER_VALUE,
                        "Tag values must be between 0 and 256 characters in length.");
            }
        }
        Map<String, String> next = new LinkedHashMap<>(current);
        added.forEach((k, v) -> next.put(k, v == null ? "" : v));
        if (next.size() > MAX_TAGS) {
            throw new SqsException(dev.sluice.engine.error.SqsError.INVALID_PARAMETER_VALUE,
                    "Too many tags added for queue " + queue + ".");
        }
        return next;
    }
}
