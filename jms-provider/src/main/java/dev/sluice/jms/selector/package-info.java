/**
 * Jakarta Messaging 3.1 message selectors (spec section 3.8.1): {@link dev.sluice.jms.selector.MessageSelector}
 * parses once and evaluates per message against a {@link dev.sluice.jms.selector.SelectorContext}.
 *
 * <p>Where the spec leaves room, this package decides:
 * <ul>
 *   <li>Comparing unlike types is FALSE (the spec's wording), not UNKNOWN; NULL operands give UNKNOWN.
 *       Arithmetic on a non-numeric value, a non-boolean used as a condition and division by zero
 *       (exact or approximate) give NULL/UNKNOWN and never throw.</li>
 *   <li>NOT BETWEEN and NOT IN follow the spec's expansions literally; NOT LIKE is the negation of LIKE.</li>
 *   <li>Exact operands widen to long (int properties do not wrap at 32 bits). Otherwise Java numeric promotion
 *       holds as the spec requires: float with float or an exact value is float arithmetic and comparison,
 *       anything with a double is double.</li>
 *   <li>LIKE, IN and IS NULL take an identifier on the left, as in the spec's grammar; NULL is not a literal.</li>
 *   <li>Names starting with "JMS" other than the six selectable headers, JMSX* and JMS_* are always NULL.</li>
 *   <li>An escape character in a LIKE pattern must precede '_', '%' or itself (SQL-92).</li>
 * </ul>
 */
package dev.sluice.jms.selector;
