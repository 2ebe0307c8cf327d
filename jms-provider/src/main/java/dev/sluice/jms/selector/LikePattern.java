package dev.sluice.jms.selector;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A compiled LIKE pattern: {@code _} is any single character, {@code %} any sequence, and the optional
 * escape character makes the next {@code _}, {@code %} or escape character literal. Compiled once at parse
 * time; the common shapes (no wildcard, prefix, suffix, infix) skip regular expressions entirely, and
 * everything else becomes a {@link Pattern} whose literal runs are quoted, so {@code .}, {@code [}, {@code \}
 * and friends in the pattern mean themselves.
 */
final class LikePattern {

    private enum Shape { EXACT, PREFIX, SUFFIX, CONTAINS, ANYTHING, REGEX }

    /** Thrown for a malformed pattern; {@code index} is the offset inside the pattern's value. */
    static final class MalformedPatternException extends Exception {
        private static final long serialVersionUID = 1L;
        final int index;

        MalformedPatternException(String message, int index) {
            super(message);
            this.index = index;
        }
    }

    private static final Object ANY_ONE = new Object();
    private static final Object ANY_MANY = new Object();

    private final String source;
    private final Shape shape;
    private final String literal;
    private final Pattern regex;

    private LikePattern(String source, Shape shape, String literal, Pattern regex) {
        this.source = source;
        this.shape = shape;
        this.literal = literal;
        this.regex = regex;
    }

    /** @param escape the escape character, or {@code null} for none */
    static LikePattern compile(String pattern, Character escape) throws MalformedPatternException {
        List<Object> parts = split(pattern, escape);
        boolean hasAnyOne = parts.contains(ANY_ONE);
        if (!hasAnyOne) {
            // Patterns made only of % and at most one literal run are plain String operations.
            List<Object> collapsed = new ArrayList<>();
            for (Object part : parts) {
                if (!(part == ANY_MANY && !collapsed.isEmpty() && collapsed.get(collapsed.size() - 1) == ANY_MANY)) {
                    collapsed.add(part);
                }
            }
            long literals = collapsed.stream().filter(p -> p instanceof String).count();
            if (literals == 0) {
                return collapsed.isEmpty()
                        ? new LikePattern(pattern, Shape.EXACT, "", null)
                        : new LikePattern(pattern, Shape.ANYTHING, null, null);
            }
            if (literals == 1) {
                String text = (String) collapsed.stream().filter(p -> p instanceof String).findFirst().orElseThrow();
                boolean leading = collapsed.get(0) == ANY_MANY;
                boolean trailing = collapsed.get(collapsed.size() - 1) == ANY_MANY;
                Shape shape = leading && trailing ? Shape.CONTAINS
                        : leading ? Shape.SUFFIX
                        : trailing ? Shape.PREFIX
                        : Shape.EXACT;
                return new LikePattern(pattern, shape, text, null);
            }
        }
        StringBuilder regex = new StringBuilder();
        for (Object part : parts) {
            if (part == ANY_ONE) {
                regex.append('.');
            } else if (part == ANY_MANY) {
                regex.append(".*");
            } else {
                regex.append(Pattern.quote((String) part));
            }
        }
        // DOTALL: a wildcard must match line terminators too; they are ordinary characters in property values.
        return new LikePattern(pattern, Shape.REGEX, null, Pattern.compile(regex.toString(), Pattern.DOTALL));
    }

    /** Literal runs as Strings, wildcards as the ANY_ONE / ANY_MANY markers. */
    private static List<Object> split(String pattern, Character escape) throws MalformedPatternException {
        List<Object> parts = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (escape != null && c == escape) {
                // SQL-92: the escape character may only precede a wildcard or itself.
                if (i + 1 == pattern.length()) {
                    throw new MalformedPatternException("escape character '" + escape + "' at the end of the pattern", i);
                }
                char next = pattern.charAt(i + 1);
                if (next != '_' && next != '%' && next != escape) {
                    throw new MalformedPatternException("escape character '" + escape
                            + "' must be followed by '_', '%' or itself, not '" + next + "'", i);
                }
                run.append(next);
                i++;
            } else if (c == '_' || c == '%') {
                if (!run.isEmpty()) {
                    parts.add(run.toString());
                    run.setLength(0);
                }
                parts.add(c == '_' ? ANY_ONE : ANY_MANY);
            } else {
                run.append(c);
            }
        }
        if (!run.isEmpty()) {
            parts.add(run.toString());
        }
        return parts;
    }

    boolean matches(String value) {
        return switch (shape) {
            case EXACT -> value.equals(literal);
            case PREFIX -> value.startsWith(literal);
            case SUFFIX -> value.endsWith(literal);
            case CONTAINS -> value.contains(literal);
            case ANYTHING -> true;
            case REGEX -> regex.matcher(value).matches();
        };
    }

    @Override
    public String toString() {
        return source;
    }
}
