package dev.sluice.jms.message;

import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotWriteableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Spec 3.11 and the MapMessage javadoc: the conversion table, names, null values, copies. */
class MapMessageTest {

    static void set(SluiceMapMessage m, String type) throws JMSException {
        Object v = ConversionTable.SAMPLES.get(type);
        switch (type) {
            case "boolean" -> m.setBoolean("k", (Boolean) v);
            case "byte" -> m.setByte("k", (Byte) v);
            case "short" -> m.setShort("k", (Short) v);
            case "char" -> m.setChar("k", (Character) v);
            case "int" -> m.setInt("k", (Integer) v);
            case "long" -> m.setLong("k", (Long) v);
            case "float" -> m.setFloat("k", (Float) v);
            case "double" -> m.setDouble("k", (Double) v);
            case "String" -> m.setString("k", (String) v);
            default -> m.setBytes("k", (byte[]) v);
        }
    }

    static Object get(SluiceMapMessage m, String type) throws JMSException {
        return switch (type) {
            case "boolean" -> m.getBoolean("k");
            case "byte" -> m.getByte("k");
            case "short" -> m.getShort("k");
            case "char" -> m.getChar("k");
            case "int" -> m.getInt("k");
            case "long" -> m.getLong("k");
            case "float" -> m.getFloat("k");
            case "double" -> m.getDouble("k");
            case "String" -> m.getString("k");
            default -> m.getBytes("k");
        };
    }

    @ParameterizedTest(name = "3.11.3: {0} read as {1} allowed={2}")
    @MethodSource("dev.sluice.jms.message.ConversionTable#bodies")
    void conversionTable(String written, String read, boolean allowed) throws JMSException {
        SluiceMapMessage m = new SluiceMapMessage();
        set(m, written);
        if (allowed) {
            assertThat(get(m, read)).isEqualTo(ConversionTable.expected(written, read));
        } else {
            assertThatThrownBy(() -> get(m, read)).isInstanceOf(MessageFormatException.class);
        }
    }

    @Test
    void absentEntriesReadLikeValueOfNull() throws JMSException {
        SluiceMapMessage m = new SluiceMapMessage();
        assertThat(m.getString("x")).isNull();
        assertThat(m.getBytes("x")).isNull();
        assertThat(m.getObject("x")).isNull();
        assertThat(m.getBoolean("x")).isFalse();
        assertThatThrownBy(() -> m.getInt("x")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> m.getFloat("x")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> m.getChar("x")).isInstanceOf(NullPointerException.class);
        assertThat(m.itemExists("x")).isFalse();
    }

    @Test
    void namesMustNotBeNullOrEmpty() {
        SluiceMapMessage m = new SluiceMapMessage();
        assertThatThrownBy(() -> m.setInt(null, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> m.setString("", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void setObjectAcceptsOnlyPrimitivesStringsAndBytes() throws JMSException {
        SluiceMapMessage m = new SluiceMapMessage();
        m.setObject("c", 'x');
        m.setObject("b", new byte[] {1});
        assertThat(m.getChar("c")).isEqualTo('x');
        assertThatThrownBy(() -> m.setObject("o", new Object())).isInstanceOf(MessageFormatException.class);
    }

    @Test
    void bytesAreCopiedInAndOut() throws JMSException {
        SluiceMapMessage m = new SluiceMapMessage();
        byte[] data = {1, 2, 3};
        m.setBytes("b", data, 1, 2);
        data[1] = 9;
        byte[] out = m.getBytes("b");
        assertThat(out).containsExactly(2, 3);
        out[0] = 7;
        assertThat((byte[]) m.getObject("b")).containsExactly(2, 3);
    }

    /** setBytes(name, value, offset, length) takes "a portion of the byte array": bytes beyond it are an error. */
    @Test
    void aPortionOutsideTheArrayIsRefusedNotPadded() throws JMSException {
        SluiceMapMessage m = new SluiceMapMessage();
        byte[] data = {1, 2, 3};
        assertThatThrownBy(() -> m.setBytes("b", data, 2, 5)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> m.setBytes("b", data, -1, 1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> m.setBytes("b", data, 1, -1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(m.itemExists("b")).isFalse();
    }

    @Test
    void mapNamesAndClearBody() throws JMSException {
        SluiceMapMessage m = new SluiceMapMessage();
        m.setInt("a", 1);
        m.setInt("b", 2);
        assertThat(Collections.list(m.getMapNames())).containsExactlyInAnyOrder("a", "b");
        m.markReceived(1);
        assertThatThrownBy(() -> m.setInt("c", 3)).isInstanceOf(MessageNotWriteableException.class);
        m.clearBody();
        assertThat(m.getMapNames().hasMoreElements()).isFalse();
        m.setInt("c", 3);
        assertThat(m.getInt("c")).isEqualTo(3);
    }
}
