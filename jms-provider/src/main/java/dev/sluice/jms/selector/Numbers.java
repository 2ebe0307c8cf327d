package dev.sluice.jms.selector;

/**
 * Java binary numeric promotion over the property types a message can carry. Exact values widen to
 * {@code long} and approximate ones to {@code double}; other {@code Number} subclasses (BigDecimal,
 * AtomicLong, ...) cannot be message properties and are treated as non-numeric.
 */
final class Numbers {

    private Numbers() {
    }

    static boolean isExact(Object v) {
        return v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte;
    }

    static boolean isApproximate(Object v) {
        return v instanceof Double || v instanceof Float;
    }

    static boolean isNumeric(Object v) {
        return isExact(v) || isApproximate(v);
    }

    /** Only call after {@link #isNumeric} on both; -1, 0, 1 or {@link #UNORDERED} when NaN is involved. */
    static int compare(Object left, Object right) {
        if (isExact(left) && isExact(right)) {
            return Long.compare(((Number) left).longValue(), ((Number) right).longValue());
        }
        double l = ((Number) left).doubleValue();
        double r = ((Number) right).doubleValue();
        // Primitive operators rather than Double.compare: Java says NaN equals nothing and -0.0 == 0.0.
        return l < r ? -1 : l > r ? 1 : l == r ? 0 : UNORDERED;
    }

    static final int UNORDERED = 2;
}
