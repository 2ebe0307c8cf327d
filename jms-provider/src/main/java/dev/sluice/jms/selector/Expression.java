package dev.sluice.jms.selector;

/**
 * A node of a parsed selector. Evaluation yields {@code Boolean}, {@code String}, an exact numeric
 * ({@code Long}, {@code Integer}, {@code Short}, {@code Byte}), an approximate numeric ({@code Double},
 * {@code Float}) or {@code null}, which stands for SQL's NULL and, for conditions, UNKNOWN.
 * Nodes are immutable and therefore safe to evaluate from many threads.
 */
sealed interface Expression
        permits Literal, Identifier, Signed, Arithmetic, Comparison, Conjunction, Disjunction, Not,
        Between, In, Like, IsNull {

    Object evaluate(SelectorContext message);

    ValueType type();
}
