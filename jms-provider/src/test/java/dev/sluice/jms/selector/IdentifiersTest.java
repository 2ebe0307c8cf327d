package dev.sluice.jms.selector;

import static dev.sluice.jms.selector.Selectors.message;
import static dev.sluice.jms.selector.Selectors.matches;
import static dev.sluice.jms.selector.Selectors.truth;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.jms.selector.Selectors.Truth;
import jakarta.jms.InvalidSelectorException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Spec 3.8.1.1 "Identifiers" and keyword handling. */
class IdentifiersTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "_x", "$price", "Order_Id2", "été", "π", "x$y_z", "JMSXGroupID", "JMS_sluice_tag",
            "nullable", "trueColor", "ISO", "index", "Order", "likes", "escaped", "between_", "ORx"})
    void javaIdentifiersIncludingKeywordPrefixesAreIdentifiers(String name) {
        assertThat(matches(name + " = 1", message(name, 1))).isTrue();
        assertThat(matches(name + " = 1", message(name, 2))).isFalse();
    }

    @Test
    void identifiersAreCaseSensitive() {
        SelectorContext m = message("color", "blue");
        assertThat(matches("color = 'blue'", m)).isTrue();
        assertThat(truth("Color = 'blue'", m)).isEqualTo(Truth.UNKNOWN);
        assertThat(truth("COLOR = 'blue'", m)).isEqualTo(Truth.UNKNOWN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"NULL", "TRUE", "FALSE", "NOT", "AND", "OR", "BETWEEN", "LIKE", "IN", "IS", "ESCAPE",
            "null", "True", "false", "not", "and", "Or", "between", "like", "in", "is", "escape"})
    void reservedWordsAreNotIdentifiersInAnyCase(String word) {
        // "x IS NULL" needs an identifier, so this fails exactly when the word is not one.
        assertThatThrownBy(() -> MessageSelector.parse(word + " IS NULL")).isInstanceOf(InvalidSelectorException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a = 1 and b = 2", "a = 1 AND b = 2", "a = 1 And b = 2", "NOT (a <> 1) aNd b = 2",
            "a between 0 and 1 and c in ('x') or c like 'x' escape '!' or d is not null"})
    void keywordsAreCaseInsensitive(String selector) {
        assertThat(matches(selector, message("a", 1, "b", 2, "c", "x"))).isTrue();
    }

    @Test
    void missingPropertiesAreNull() {
        assertThat(truth("missing = 1")).isEqualTo(Truth.UNKNOWN);
        assertThat(truth("missing IS NULL")).isEqualTo(Truth.TRUE);
        assertThat(truth("JMSXGroupID IS NULL")).isEqualTo(Truth.TRUE);
        assertThat(truth("JMS_sluice_x = 'y'")).isEqualTo(Truth.UNKNOWN);
    }

    @Test
    void jmsxAndProviderSpecificPropertiesAreLookedUp() {
        SelectorContext m = message("JMSXDeliveryCount", 3, "JMSXGroupID", "g1", "JMS_sluice_shard", 7L);
        assertThat(matches("JMSXDeliveryCount > 2", m)).isTrue();
        assertThat(matches("JMSXGroupID = 'g1'", m)).isTrue();
        assertThat(matches("JMS_sluice_shard = 7", m)).isTrue();
    }

    @Test
    void booleanIdentifierIsAConditionOnItsOwn() {
        assertThat(truth("urgent", message("urgent", true))).isEqualTo(Truth.TRUE);
        assertThat(truth("urgent", message("urgent", false))).isEqualTo(Truth.FALSE);
        assertThat(truth("urgent", message())).isEqualTo(Truth.UNKNOWN);
        assertThat(truth("urgent AND NOT archived", message("urgent", true, "archived", false))).isEqualTo(Truth.TRUE);
    }

    @Test
    void nonBooleanIdentifierUsedAsConditionIsUnknown() {
        assertThat(truth("count", message("count", 1))).isEqualTo(Truth.UNKNOWN);
        assertThat(truth("name", message("name", "true"))).isEqualTo(Truth.UNKNOWN);
    }

    @Test
    void propertyValuesAreNeverConvertedForSelection() {
        // The spec's own example: a String "2" is not a number in a selector.
        SelectorContext m = message("NumberOfOrders", "2");
        assertThat(matches("NumberOfOrders > 1", m)).isFalse();
        assertThat(matches("NumberOfOrders = 2", m)).isFalse();
        assertThat(matches("NumberOfOrders = '2'", m)).isTrue();
    }

    @Test
    void whitespaceIsJavaWhitespace() {
        assertThat(matches("\ta\n=\r1\f", message("a", 1))).isTrue();
        assertThat(matches("a=1", message("a", 1))).isTrue();
    }
}
