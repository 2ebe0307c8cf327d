package dev.sluice.jms.selector;

/** Binary arithmetic under Java numeric promotion; anything non-numeric, NULL or a zero divisor gives NULL. */
enum ArithmeticOperator {
    PLUS("+"), MINUS("-"), TIMES("*"), DIVIDE("/");

    final String symbol;

    ArithmeticOperator(String symbol) {
        this.symbol = symbol;
    }

    Object apply(Object left, Object right) {
        if (Numbers.isExact(left) && Numbers.isExact(right)) {
            long l = ((Number) left).longValue();
            long r = ((Number) right).longValue();
            return switch (this) {
                case PLUS -> l + r;
                case MINUS -> l - r;
                case TIMES -> l * r;
                // Java would throw; a selector must never throw while the engine holds the queue lock.
                case DIVIDE -> r == 0 ? null : l / r;
            };
        }
        if (Numbers.isNumeric(left) && Numbers.isNumeric(right)) {
            double l = ((Number) left).doubleValue();
            double r = ((Number) right).doubleValue();
            return switch (this) {
                case PLUS -> l + r;
                case MINUS -> l - r;
                case TIMES -> l * r;
                // Treated like the exact case rather than yielding Infinity/NaN, so "x / y > 1" never
                // matches merely because y is zero.
                case DIVIDE -> r == 0.0 ? null : l / r;
            };
        }
        return null;
    }
}
