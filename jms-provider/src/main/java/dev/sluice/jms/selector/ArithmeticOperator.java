package dev.sluice.jms.selector;

/**
 * Binary arithmetic under Java numeric promotion (see {@link Numbers}); anything non-numeric, NULL or a zero divisor
 * gives NULL.
 */
enum ArithmeticOperator {
    PLUS("+"), MINUS("-"), TIMES("*"), DIVIDE("/");

    final String symbol;

    ArithmeticOperator(String symbol) {
        this.symbol = symbol;
    }

    Object apply(Object left, Object right) {
        if (!Numbers.isNumeric(left) || !Numbers.isNumeric(right)) {
            return null;
        }
        Number l = (Number) left;
        Number r = (Number) right;
        return switch (Numbers.promotion(left, right)) {
            case LONG -> apply(l.longValue(), r.longValue());
            case FLOAT -> apply(l.floatValue(), r.floatValue());
            case DOUBLE -> apply(l.doubleValue(), r.doubleValue());
        };
    }

    private Long apply(long l, long r) {
        return switch (this) {
            case PLUS -> l + r;
            case MINUS -> l - r;
            case TIMES -> l * r;
            // Java would throw; a selector must never throw while the engine holds the queue lock.
            case DIVIDE -> r == 0 ? null : l / r;
        };
    }

    private Float apply(float l, float r) {
        return switch (this) {
            case PLUS -> l + r;
            case MINUS -> l - r;
            case TIMES -> l * r;
            // NULL rather than Infinity/NaN, for the reason given for double
            case DIVIDE -> r == 0.0f ? null : l / r;
        };
    }

    private Double apply(double l, double r) {
        return switch (this) {
            case PLUS -> l + r;
            case MINUS -> l - r;
            case TIMES -> l * r;
            // Treated like the exact case rather than yielding Infinity/NaN, so "x / y > 1" never
            // matches merely because y is zero.
            case DIVIDE -> r == 0.0 ? null : l / r;
        };
    }
}
