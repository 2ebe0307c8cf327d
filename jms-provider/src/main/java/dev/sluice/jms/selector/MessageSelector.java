package dev.sluice.jms.selector;

import jakarta.jms.InvalidSelectorException;

import java.util.Objects;

/**
 * A parsed Jakarta Messaging message selector (Jakarta Messaging 3.1, section 3.8.1). Parse once per
 * consumer, then call {@link #matches} per message: evaluation walks a pre-built tree, compiles no
 * regular expressions, uses no reflection and never throws for any message content. Immutable and
 * thread-safe.
 */
public final class MessageSelector {

    private final String text;
    /** Null when the selector is null or blank, which the spec says means "no selector". */
    private final Expression condition;

    private MessageSelector(String text, Expression condition) {
        this.text = text;
        this.condition = condition;
    }

    /**
     * @param selector the selector text; null, empty or blank selects every message
     * @throws InvalidSelectorException naming the character offset and what was expected or found
     */
    public static MessageSelector parse(String selector) throws InvalidSelectorException {
        if (selector == null || selector.isBlank()) {
            return new MessageSelector(selector == null ? "" : selector, null);
        }
        return new MessageSelector(selector, Parser.parse(selector));
    }

    /** True only when the selector evaluates to TRUE; FALSE and UNKNOWN both reject the message. */
    public boolean matches(SelectorContext message) {
        // equals, not ==: a context may hand back a Boolean that is not the canonical instance.
        return condition == null || Boolean.TRUE.equals(condition.evaluate(message));
    }

    /** Lets callers skip building a {@link SelectorContext} when there is nothing to filter. */
    public boolean matchesEverything() {
        return condition == null;
    }

    /** The original selector text ("" for a null selector). */
    @Override
    public String toString() {
        return text;
    }

    /** Selectors are equal when their text is, which is how the spec decides whether a durable subscription changed. */
    @Override
    public boolean equals(Object other) {
        return other instanceof MessageSelector that && text.equals(that.text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(text);
    }
}
