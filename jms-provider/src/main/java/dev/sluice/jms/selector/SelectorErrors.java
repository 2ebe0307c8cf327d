package dev.sluice.jms.selector;

import jakarta.jms.InvalidSelectorException;

/** Builds every rejection in one format so users can rely on it: {@code Invalid selector "<text>": <problem> at position <n>}. */
final class SelectorErrors {

    private SelectorErrors() {
    }

    static InvalidSelectorException at(String selector, int position, String problem) {
        return new InvalidSelectorException("Invalid selector \"" + selector + "\": " + problem + " at position " + position);
    }

    static InvalidSelectorException unexpected(String selector, Token found, String expected) {
        return new InvalidSelectorException("Invalid selector \"" + selector + "\": unexpected " + found.describe()
                + " at position " + found.position() + " (expected " + expected + ")");
    }
}
