package dev.sluice.jms.selector;

/**
 * Java binary numeric promotion (JLS 5.6.2) over the property types a message can carry: double if either operand is
 * double, else float if either is float, else long. Exact values always widen to long (not int), since exact literals
 * span the long range; other {@code Number} subclasses (BigDecimal, AtomicLong, ...) cannot be message properties and
 * are treated as non-numeric.
 */
final class Numbers {

    /** The type a pair of numeric operands is promoted to. */
    enum Promotion { LONG, FLOAT, DOUBLE }

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

    /** Only call after {@link #isNumeric} on both. */
    static Promotion promotion(Object left, Object right) {
        if (left instanceof Double || right instanceof Double) {
            return Promotion.DOUBLE;
        }
        // Float arithmetic rounds differently from double: 0.1f + 0.2f equals 0.3f only when computed in float.
        return left instanceof Float || right instanceof Float ? Promotion.FLOAT : Promotion.LONG;
    }

    /** Only call after {@link #isNumeric} on both; -1, 0, 1 or {@link #UNORDERED} when NaN is involved. */
    static int compare(Object left, Object right) {
        Number l = (Number) left;
        Number r = (Number) right;
        return switch (promotion(left, right)) {
            case LONG -> Long.compare(l.longValue(), r.longValue());
            case FLOAT -> compare(l.floatValue(), r.floatValue());
            case DOUBLE -> compare(l.doubleValue(), r.doubleValue());
        };
    }

    // Primitive operators rather than Double.compare: Java says NaN equals nothing and -0.0 == 0.0.
    private static int compare(double l, double r) {
        return l < r ? -1 : l > r ? 1 : l == r ? 0 : UNORDERED;
    }

    static final int UNORDERED = 2;
}
