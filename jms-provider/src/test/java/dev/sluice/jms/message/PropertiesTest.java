package dev.sluice.jms.message;

import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotWriteableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Spec 3.5: message properties. */
class PropertiesTest {

    static void set(SluiceMessage m, String type, String name) throws JMSException {
        Object v = ConversionTable.SAMPLES.get(type);
        switch (type) {
            case "boolean" -> m.setBooleanProperty(name, (Boolean) v);
            case "byte" -> m.setByteProperty(name, (Byte) v);
            case "short" -> m.setShortProperty(name, (Short) v);
            case "int" -> m.setIntProperty(name, (Integer) v);
            case "long" -> m.setLongProperty(name, (Long) v);
            case "float" -> m.setFloatProperty(name, (Float) v);
            case "double" -> m.setDoubleProperty(name, (Double) v);
            default -> m.setStringProperty(name, (String) v);
        }
    }

    static Object get(SluiceMessage m, String type, String name) throws JMSException {
        return switch (type) {
            case "boolean" -> m.getBooleanProperty(name);
            case "byte" -> m.getByteProperty(name);
            case "short" -> m.getShortProperty(name);
            case "int" -> m.getIntProperty(name);
            case "long" -> m.getLongProperty(name);
            case "float" -> m.getFloatProperty(name);
            case "double" -> m.getDoubleProperty(name);
            default -> m.getStringProperty(name);
        };
    }

    @ParameterizedTest(name = "3.5.4: {0} read as {1} allowed={2}")
    @MethodSource("dev.sluice.jms.message.ConversionTable#properties")
    void conversionTable(String written, String read, boolean allowed) throws JMSException {
        SluiceMessage m = new SluiceMessage();
        set(m, written, "p");
        if (allowed) {
            assertThat(get(m, read, "p")).isEqualTo(ConversionTable.expected(written, read));
        } else {
            assertThatThrownBy(() -> get(m, read, "p")).isInstanceOf(MessageFormatException.class);
        }
    }

    @ParameterizedTest(name = "3.5.4 conversions hold after a round trip over SQS: {0} read as {1}")
    @MethodSource("dev.sluice.jms.message.ConversionTable#properties")
    void conversionTableAfterReceipt(String written, String read, boolean allowed) throws JMSException {
        SluiceMessage m = new SluiceMessage();
        set(m, written, "p");
        SluiceMessage back = TestSupport.roundTrip(m);
        if (allowed) {
            assertThat(get(back, read, "p")).isEqualTo(ConversionTable.expected(written, read));
        } else {
            assertThatThrownBy(() -> get(back, read, "p")).isInstanceOf(MessageFormatException.class);
        }
    }

    @Test
    void stringToNumberThatDoesNotParseThrowsNumberFormatException() throws JMSException {
        SluiceMessage m = new SluiceMessage();
        m.setStringProperty("s", "abc");
        assertThatThrownBy(() -> m.getIntProperty("s")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> m.getDoubleProperty("s")).isInstanceOf(NumberFormatException.class);
        assertThat(m.getBooleanProperty("s")).isFalse();
    }

    @Test
    void absentPropertyReadsLikeValueOfNull() throws JMSException {
        SluiceMessage m = new SluiceMessage();
        assertThat(m.getStringProperty("none")).isNull();
        assertThat(m.getObjectProperty("none")).isNull();
        assertThat(m.getBooleanProperty("none")).isFalse();
        assertThatThrownBy(() -> m.getByteProperty("none")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> m.getShortProperty("none")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> m.getIntProperty("none")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> m.getLongProperty("none")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> m.getFloatProperty("none")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> m.getDoubleProperty("none")).isInstanceOf(NullPointerException.class);
        assertThat(m.propertyExists("none")).isFalse();
    }

    @Test
    void setObjectPropertyAcceptsOnlyTheObjectifiedPrimitivesAndString() throws JMSException {
        SluiceMessage m = new SluiceMessage();
        for (Object ok : List.of(true, (byte) 1, (short) 1, 1, 1L, 1f, 1d, "s")) {
            m.setObjectProperty("p", ok);
            assertThat(m.getObjectProperty("p")).isEqualTo(ok);
        }
        assertThatThrownBy(() -> m.setObjectProperty("p", 'c')).isInstanceOf(MessageFormatException.class);
        assertThatThrownBy(() -> m.setObjectProperty("p", new byte[1])).isInstanceOf(MessageFormatException.class);
        assertThatThrownBy(() -> m.setObjectProperty("p", List.of())).isInstanceOf(MessageFormatException.class);
    }

    @Test
    void nullStringValueIsAPropertyThatReadsAsNull() throws JMSException {
        SluiceMessage m = new SluiceMessage();
        m.setStringProperty("s", null);
        assertThat(m.propertyExists("s")).isTrue();
        assertThat(m.getStringProperty("s")).isNull();
        assertThat(TestSupport.roundTrip(m).propertyExists("s")).isTrue();
    }

    @Test
    void nullOrEmptyNamesThrowIllegalArgumentException() {
        SluiceMessage m = new SluiceMessage();
        assertThatThrownBy(() -> m.setIntProperty(null, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> m.setStringProperty("", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "invalid selector identifier: {0}")
    @ValueSource(strings = {"1abc", "a-b", "a.b", "a b", "NULL", "true", "And", "between", "ESCAPE", "JMSType",
            "JMSPriority"})
    void namesMustBeSelectorIdentifiers(String name) {
        SluiceMessage m = new SluiceMessage();
        assertThatThrownBy(() -> m.setStringProperty(name, "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(name);
    }

    @ParameterizedTest(name = "valid identifier: {0}")
    @ValueSource(strings = {"a", "_x", "$dollar", "a$b", "ünïcode", "JMSXGroupID", "JMSXGroupSeq", "JMS_SQS_DeduplicationId",
            "nullable", "x1"})
    void validIdentifiersAreAccepted(String name) {
        SluiceMessage m = new SluiceMessage();
        assertThatCode(() -> m.setStringProperty(name, "x")).doesNotThrowAnyException();
    }

    @Test
    void getPropertyNamesListsPropertiesButNotHeaders() throws JMSException {
        SluiceMessage m = new SluiceMessage();
        m.setJMSType("t");
        m.setIntProperty("a", 1);
        m.setStringProperty("b", "2");
        assertThat(Collections.list(m.getPropertyNames())).containsExactly("a", "b");
    }

    @Test
    void clearPropertiesRemovesAllAndMakesThemWritable() throws JMSException {
        SluiceMessage m = new SluiceMessage();
        m.setIntProperty("a", 1);
        m.markReceived(2);
        assertThatThrownBy(() -> m.setIntProperty("b", 1)).isInstanceOf(MessageNotWriteableException.class);
        assertThat(m.getIntProperty("a")).isEqualTo(1);
        m.clearProperties();
        assertThat(m.getPropertyNames().hasMoreElements()).isFalse();
        m.setIntProperty("b", 1);
        assertThat(m.getIntProperty("b")).isEqualTo(1);
    }

    @Test
    void clearBodyDoesNotTouchProperties() throws JMSException {
        SluiceTextMessage m = new SluiceTextMessage("x");
        m.setIntProperty("a", 1);
        m.clearBody();
        assertThat(m.getIntProperty("a")).isEqualTo(1);
    }
}
