package dev.sluice.jms.spec.simplified;

import dev.sluice.jms.spec.Broker;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The JMSProducer javadoc on its properties and its JMSCorrelationID as bytes. */
class JMSProducerPropertiesTest {

    /** getPropertyNames: "The set is backed by the JMSProducer, so changes to the map are reflected in the set." */
    @Test
    void getPropertyNamesIsAnUnmodifiableViewBackedByTheProducer() throws Exception {
        try (Broker b = Broker.realTime()) {
            JMSProducer p = b.context(JMSContext.AUTO_ACKNOWLEDGE).createProducer();
            Set<String> names = p.getPropertyNames();
            p.setProperty("region", "eu").setProperty("attempt", 3);
            assertThat(names).containsExactly("region", "attempt");
            assertThatThrownBy(() -> names.add("other")).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> names.remove("region")).isInstanceOf(UnsupportedOperationException.class);
            p.clearProperties();
            assertThat(names).isEmpty();
        }
    }

    /**
     * setJMSCorrelationIDAsBytes throws only for an internal error; an empty id is an id (Message accepts it and the
     * codec carries it), and null means none, as on a Message.
     */
    @Test
    void correlationIdAsBytesMayBeEmptyOrNull() throws Exception {
        try (Broker b = Broker.realTime()) {
            JMSContext ctx = b.context(JMSContext.AUTO_ACKNOWLEDGE);
            Queue q = ctx.createQueue("empty-correlation");
            JMSProducer p = ctx.createProducer();
            assertThat(p.setJMSCorrelationIDAsBytes(new byte[0])).isSameAs(p);
            assertThat(p.getJMSCorrelationIDAsBytes()).isEmpty();
            p.send(q, "empty id");
            assertThat(p.setJMSCorrelationIDAsBytes(null).getJMSCorrelationIDAsBytes()).isNull();
            assertThat(p.getJMSCorrelationID()).isNull();
            p.send(q, "no id");
            var consumer = ctx.createConsumer(q);
            Message withEmpty = consumer.receive(5000);
            assertThat(withEmpty.getJMSCorrelationIDAsBytes()).isEmpty();
            Message without = consumer.receive(5000);
            assertThat(without.getJMSCorrelationIDAsBytes()).isNull();
        }
    }
}
