package dev.sluice.jms.selector;

import jakarta.jms.InvalidSelectorException;

import java.util.HashMap;
import java.util.Map;

/** Test helpers: build messages from name/value pairs and observe a selector's three-valued result. */
final class Selectors {

    enum Truth { TRUE, FALSE, UNKNOWN }

    private Selectors() {
    }

    /** {@code message("a", 1, "b", "x")}; a null value is the same as an absent property. */
    static SelectorContext message(Object... namesAndValues) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return SelectorContext.of(values);
    }

    static boolean matches(String selector, SelectorContext message) {
        try {
            return MessageSelector.parse(selector).matches(message);
        } catch (InvalidSelectorException e) {
            throw new AssertionError("selector should be valid: " + selector, e);
        }
    }

    /**
     * A selector matches only when TRUE, so FALSE and UNKNOWN are told apart by also evaluating its
     * negation: NOT FALSE is TRUE while NOT UNKNOWN is still UNKNOWN.
     */
    static Truth truth(String condition, SelectorContext message) {
        if (matches(condition, message)) {
            return Truth.TRUE;
        }
        return matches("NOT (" + condition + ")", message) ? Truth.FALSE : Truth.UNKNOWN;
    }

    static Truth truth(String condition) {
        return truth(condition, message());
    }
}
