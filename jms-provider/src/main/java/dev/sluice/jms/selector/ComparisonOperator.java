package dev.sluice.jms.selector;

/** The six comparison operators and the spec's rules for applying them to two non-null values. */
enum ComparisonOperator {
    EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">=");

    final String symbol;

    ComparisonOperator(String symbol) {
        this.symbol = symbol;
    }

    boolean isEquality() {
        return this == EQ || this == NE;
    }

    /**
     * Three-valued result. NULL on either side is UNKNOWN. Values of unlike types compare as FALSE, as the
     * spec demands (it is not UNKNOWN: {@code NOT (s > 1)} holds for a string {@code s}); exact and approximate
     * numbers are like types. Strings and booleans support only = and &lt;&gt;, so an ordering between two
     * string or boolean property values is likewise FALSE.
     */
    Boolean apply(Object left, Object right) {
        if (left == null || right == null) {
            return null;
        }
        if (Numbers.isNumeric(left) && Numbers.isNumeric(right)) {
            int c = Numbers.compare(left, right);
            if (c == Numbers.UNORDERED) {
                return this == NE;
            }
            return switch (this) {
                case EQ -> c == 0;
                case NE -> c != 0;
                case LT -> c < 0;
                case LE -> c <= 0;
                case GT -> c > 0;
                case GE -> c >= 0;
            };
        }
        boolean likeTypes = (left instanceof String && right instanceof String)
                || (left instanceof Boolean && right instanceof Boolean);
        if (!likeTypes || !isEquality()) {
            return Boolean.FALSE;
        }
        return left.equals(right) == (this == EQ);
    }
}
