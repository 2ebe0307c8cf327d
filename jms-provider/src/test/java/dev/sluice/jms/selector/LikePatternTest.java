package dev.sluice.jms.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The compiled pattern on its own: each shortcut shape agrees with the general regex translation. */
class LikePatternTest {

    @ParameterizedTest(name = "{0} vs [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "abc     | abc",  "abc     | ab",
            "abc%    | abcx", "abc%    | xabc",
            "%abc    | xabc", "%abc    | abcx",
            "%abc%   | xabcx", "%abc%  | xabx",
            "%%a%%%  | bab",  "%       | \"\"",
            "\"\"    | \"\"", "\"\"    | x",
            "a_c     | abc",  "a%b_c   | aXXbYc",
            "a.c%    | a.cd", "a.c%    | abcd",
            "\\E%    | \\Ex", "%\\Q    | x\\Q",
    })
    void shortcutsAgreeWithTheRegexTranslation(String pattern, String value) throws Exception {
        boolean viaLikePattern = LikePattern.compile(pattern, null).matches(value);
        String regex = java.util.regex.Pattern.quote(pattern).replace("%", "\\E.*\\Q").replace("_", "\\E.\\Q");
        boolean viaRegex = java.util.regex.Pattern.compile(regex, java.util.regex.Pattern.DOTALL).matcher(value).matches();
        assertThat(viaLikePattern).isEqualTo(viaRegex);
    }

    @Test
    void keepsItsSourceForDiagnostics() throws Exception {
        assertThat(LikePattern.compile("a!%_", '!')).hasToString("a!%_");
    }

    @Test
    void malformedEscapesReportTheirIndex() {
        assertThatThrownBy(() -> LikePattern.compile("ab!", '!'))
                .isInstanceOfSatisfying(LikePattern.MalformedPatternException.class, e -> assertThat(e.index).isEqualTo(2));
        assertThatThrownBy(() -> LikePattern.compile("!a", '!'))
                .isInstanceOfSatisfying(LikePattern.MalformedPatternException.class, e -> assertThat(e.index).isZero());
    }
}
