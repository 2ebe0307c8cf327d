package dev.sluice.jms.selector;

import static dev.sluice.jms.selector.Selectors.message;
import static dev.sluice.jms.selector.Selectors.truth;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.jms.selector.Selectors.Truth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Spec: LIKE with _ (one character), % (any sequence) and an optional ESCAPE character. */
class LikeTest {

    @ParameterizedTest(name = "[{1}] LIKE {0}: {2}")
    @CsvSource(delimiterString = " | ", quoteCharacter = '"', value = {
            // the spec's examples
            "'12%3'     | 123       | TRUE",
            "'12%3'     | 12993     | TRUE",
            "'12%3'     | 1234      | FALSE",
            "'l_se'     | lose      | TRUE",
            "'l_se'     | loose     | FALSE",
            // wildcard placement
            "'abc'      | abc       | TRUE",
            "'abc'      | abcd      | FALSE",
            "'abc%'     | abcdef    | TRUE",
            "'abc%'     | abc       | TRUE",
            "'abc%'     | xabc      | FALSE",
            "'%abc'     | xxabc     | TRUE",
            "'%abc'     | abcx      | FALSE",
            "'%b%'      | abc       | TRUE",
            "'%b%'      | b         | TRUE",
            "'%b%'      | ac        | FALSE",
            "'%'        | anything  | TRUE",
            "'%%'       | anything  | TRUE",
            "'%'        | \"\"      | TRUE",
            "''         | \"\"      | TRUE",
            "''         | a         | FALSE",
            "'_'        | a         | TRUE",
            "'_'        | \"\"      | FALSE",
            "'_'        | ab        | FALSE",
            "'a%c%e'    | abcde     | TRUE",
            "'a%c%e'    | ace       | TRUE",
            "'a%c%e'    | abde      | FALSE",
            "'%a_c%'    | xxabcxx   | TRUE",
            "'__%'      | ab        | TRUE",
            "'__%'      | a         | FALSE",
            // case sensitive
            "'ABC%'     | abcd      | FALSE",
            // regex metacharacters are literal
            "'a.b%'     | a.bc      | TRUE",
            "'a.b%'     | axbc      | FALSE",
            "'[x]_'     | [x]y      | TRUE",
            "'[x]_'     | xy        | FALSE",
            "'a*'       | a*        | TRUE",
            "'a*'       | aaa       | FALSE",
            "'(a|b)_'   | (a|b)c    | TRUE",
            "'(a|b)_'   | ac        | FALSE",
            "'^$_'      | ^$x       | TRUE",
            "'\\Q_\\E%' | \\Qx\\Eyz | TRUE",
            "'\\d_'     | \\dx      | TRUE",
            "'\\d_'     | 1x        | FALSE",
            "'a+?{2}_'  | a+?{2}!   | TRUE",
            "'it''s%'   | it's ok   | TRUE",
    })
    void patterns(String pattern, String value, Truth expected) {
        SelectorContext m = message("s", value);
        assertThat(truth("s LIKE " + pattern, m)).isEqualTo(expected);
        Truth negated = expected == Truth.TRUE ? Truth.FALSE : Truth.TRUE;
        assertThat(truth("s NOT LIKE " + pattern, m)).isEqualTo(negated);
    }

    @ParameterizedTest(name = "[{1}] LIKE {0} ESCAPE {2}: {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            // the spec's examples
            "'\\_%'    | _foo   | '\\' | TRUE",
            "'\\_%'    | bar    | '\\' | FALSE",
            "'100!%'   | 100%   | '!'  | TRUE",
            "'100!%'   | 1000   | '!'  | FALSE",
            "'a!_b'    | a_b    | '!'  | TRUE",
            "'a!_b'    | axb    | '!'  | FALSE",
            "'a!!b'    | a!b    | '!'  | TRUE",
            "'%!%%'    | 50%off | '!'  | TRUE",
            "'%!%%'    | 50 off | '!'  | FALSE",
            "'_!%_'    | a%b    | '!'  | TRUE",
            "'x.%'     | x.y    | '.'  | FALSE",
            "'x..%'    | x.y    | '.'  | TRUE",
            "'a$%'     | a%     | '$'  | TRUE",
            "'a%%'     | a%     | '%'  | TRUE",
            "'a%%'     | ab     | '%'  | FALSE",
            "'a%_'     | a_     | '%'  | TRUE",
            "'q''%'    | q'x    | ''''  | FALSE",
            "'q'''''   | q'     | ''''  | TRUE",
    })
    void escapes(String pattern, String value, String escape, Truth expected) {
        assertThat(truth("s LIKE " + pattern + " ESCAPE " + escape, message("s", value))).isEqualTo(expected);
    }

    @Test
    void wildcardsMatchLineTerminators() {
        assertThat(truth("s LIKE 'a%b'", message("s", "a\nb"))).isEqualTo(Truth.TRUE);
        assertThat(truth("s LIKE 'a_b'", message("s", "a\r\nb"))).isEqualTo(Truth.FALSE);
        assertThat(truth("s LIKE 'a_b_'", message("s", "a\nb\r"))).isEqualTo(Truth.TRUE);
    }

    @Test
    void underscoreMatchesOneCodePoint() {
        assertThat(truth("s LIKE 'a_b'", message("s", "a\uD83D\uDE00b"))).isEqualTo(Truth.TRUE);
    }

    @Test
    void nullIsUnknown() {
        assertThat(truth("s LIKE 'a%'")).isEqualTo(Truth.UNKNOWN);
        assertThat(truth("s NOT LIKE 'a%'")).isEqualTo(Truth.UNKNOWN);
    }

    @Test
    void nonStringValueIsFalseAndItsNegationTrue() {
        SelectorContext m = message("n", 123);
        assertThat(truth("n LIKE '12%'", m)).isEqualTo(Truth.FALSE);
        assertThat(truth("n NOT LIKE '12%'", m)).isEqualTo(Truth.TRUE);
    }
}
