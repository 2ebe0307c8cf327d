package dev.sluice.jms.selector;

/** SQL three-valued logic with {@code null} as UNKNOWN. */
final class Logic {

    private Logic() {
    }

    /** A condition operand that is not a Boolean at run time (say, a property holding 5) is UNKNOWN. */
    static Boolean truth(Object value) {
        return value instanceof Boolean b ? b : null;
    }

    static Boolean not(Boolean value) {
        return value == null ? null : !value;
    }

    static Boolean and(Boolean left, Boolean right) {
        if (Boolean.FALSE.equals(left) || Boolean.FALSE.equals(right)) {
            return Boolean.FALSE;
        }
        return left == null || right == null ? null : Boolean.TRUE;
    }

    static Boolean or(Boolean left, Boolean right) {
        if (Boolean.TRUE.equals(left) || Boolean.TRUE.equals(right)) {
            return Boolean.TRUE;
        }
        return left == null || right == null ? null : Boolean.FALSE;
    }
}
