package dev.sluice.jms.message;

import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ObjectMessage: a copy at set time, and deny-by-default deserialization with an allow-list. */
class ObjectMessageTest {

    record Order(String id) implements Serializable {
    }

    /** Holds an Order somewhere deep inside allowed collections. */
    record Envelope(List<Object> items) implements Serializable {
    }

    /** Stands in for a deserialization gadget: its readObject has a side effect. */
    static final class Gadget implements Serializable {
        static volatile boolean triggered;

        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            triggered = true;
        }
    }

    private static SluiceObjectMessage receive(Serializable object, ObjectMessagePolicy policy) throws JMSException {
        var out = MessageCodec.encode(new SluiceObjectMessage(object));
        return (SluiceObjectMessage) MessageCodec.decode(TestSupport.incoming(out, 1), TestSupport.RESOLVER, policy);
    }

    @Test
    void setObjectTakesACopy() throws JMSException {
        ArrayList<String> list = new ArrayList<>(List.of("a"));
        SluiceObjectMessage m = new SluiceObjectMessage();
        m.setObject(list);
        list.add("b");
        assertThat(m.getObject()).isEqualTo(List.of("a"));
        assertThat(m.getObject()).isNotSameAs(m.getObject());
    }

    @Test
    void unserializableObjectIsAFormatError() {
        SluiceObjectMessage m = new SluiceObjectMessage();
        ArrayList<Object> holder = new ArrayList<>();
        holder.add(new Object());
        assertThatThrownBy(() -> m.setObject(holder)).isInstanceOf(MessageFormatException.class)
                .hasMessageContaining("java.util.ArrayList");
    }

    @Test
    void defaultsAllowJdkValueTypes() throws JMSException {
        Map<String, Object> value = new HashMap<>();
        value.put("n", 1);
        value.put("d", new BigDecimal("1.5"));
        value.put("t", Instant.ofEpochSecond(5));
        value.put("l", List.of("x", 2L));
        value.put("s", "str");
        assertThat(receive((Serializable) value, ObjectMessagePolicy.defaults()).getObject()).isEqualTo(value);
        assertThat(receive(new String[] {"a"}, ObjectMessagePolicy.defaults()).getObject()).isEqualTo(new String[] {"a"});
    }

    @Test
    void applicationClassIsRefusedByDefaultNamingClassAndSetting() throws JMSException {
        SluiceObjectMessage m = receive(new Order("o-1"), ObjectMessagePolicy.defaults());
        assertThatThrownBy(m::getObject).isInstanceOf(MessageFormatException.class)
                .hasMessageContaining(Order.class.getName())
                .hasMessageContaining("objectMessageAllowList");
    }

    @Test
    void exactNameOrPackageOnTheListAllowsIt() throws JMSException {
        assertThat(receive(new Order("o-1"), ObjectMessagePolicy.parse(Order.class.getName())).getObject())
                .isEqualTo(new Order("o-1"));
        assertThat(receive(new Order("o-2"), ObjectMessagePolicy.parse(" com.other.* , dev.sluice.*")).getObject())
                .isEqualTo(new Order("o-2"));
    }

    @Test
    void nestedRefusedClassIsFoundInsideAllowedCollections() throws JMSException {
        ArrayList<Object> items = new ArrayList<>(List.of("fine", new HashMap<>(Map.of("k", new Order("deep")))));
        SluiceObjectMessage m = receive(items, ObjectMessagePolicy.defaults());
        assertThatThrownBy(m::getObject).isInstanceOf(MessageFormatException.class)
                .hasMessageContaining(Order.class.getName());
        SluiceObjectMessage wrapped =
                receive(new Envelope(List.of(new Order("x"))), ObjectMessagePolicy.parse(Envelope.class.getName()));
        assertThatThrownBy(wrapped::getObject).isInstanceOf(MessageFormatException.class)
                .hasMessageContaining(Order.class.getName());
    }

    @Test
    void gadgetLikeClassIsRefusedBeforeItsReadObjectRuns() throws JMSException {
        Gadget.triggered = false;
        SluiceObjectMessage m = receive(new ArrayList<>(List.of(new Gadget())), ObjectMessagePolicy.defaults());
        assertThatThrownBy(m::getObject).isInstanceOf(MessageFormatException.class)
                .hasMessageContaining(Gadget.class.getName());
        assertThat(Gadget.triggered).isFalse();
    }

    @Test
    void similarPrefixIsNotAPackageMatch() {
        ObjectMessagePolicy p = ObjectMessagePolicy.parse("com.acme.*,com.exact.Thing");
        assertThat(p.allows("com.acme.Order")).isTrue();
        assertThat(p.allows("com.acme.sub.Order")).isTrue();
        assertThat(p.allows("com.acmeevil.Order")).isFalse();
        assertThat(p.allows("com.exact.Thing")).isTrue();
        assertThat(p.allows("com.exact.ThingElse")).isFalse();
        assertThat(ObjectMessagePolicy.defaults().allows("java.lang.Runtime")).isFalse();
        assertThat(ObjectMessagePolicy.parse("*").allows("anything.At.All")).isTrue();
    }

    @Test
    void malformedEntriesAreRejectedNamingTheSetting() {
        assertThatThrownBy(() -> ObjectMessagePolicy.parse("com..bad")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("objectMessageAllowList").hasMessageContaining("com..bad");
    }

    @Test
    void nullObjectRoundTrips() throws JMSException {
        assertThat(TestSupport.roundTrip(new SluiceObjectMessage(), SluiceObjectMessage.class).getObject()).isNull();
    }
}
