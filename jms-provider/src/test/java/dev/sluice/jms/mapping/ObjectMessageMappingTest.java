package dev.sluice.jms.mapping;

import dev.sluice.jms.spec.Broker;
import jakarta.jms.MessageFormatException;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import org.junit.jupiter.api.Test;

import java.io.Serializable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** DESIGN.md row: ObjectMessage deserialization is deny-by-default with an allow-list. */
class ObjectMessageMappingTest {

    /** An application class: not on the default allow-list. */
    public record Order(String id, int quantity) implements Serializable {
    }

    @Test
    void aClassNotOnTheAllowListIsRefusedByName() throws Exception {
        try (Broker b = Broker.manual()) {
            Session s = b.started().createSession();
            Queue q = s.createQueue("objects-denied");
            s.createProducer(q).send(s.createObjectMessage(new Order("o-1", 2)));
            ObjectMessage got = (ObjectMessage) s.createConsumer(q).receiveNoWait();
            assertThatThrownBy(got::getObject).isInstanceOf(MessageFormatException.class)
                    .hasMessageContaining(Order.class.getName());
        }
    }

    @Test
    void aClassOnTheAllowListIsDeserialized() throws Exception {
        try (Broker b = Broker.manual("objectMessageAllowList=" + Order.class.getName())) {
            Session s = b.started().createSession();
            Queue q = s.createQueue("objects-allowed");
            s.createProducer(q).send(s.createObjectMessage(new Order("o-2", 5)));
            ObjectMessage got = (ObjectMessage) s.createConsumer(q).receiveNoWait();
            assertThat(got.getObject()).isEqualTo(new Order("o-2", 5));
        }
    }

    @Test
    void aPackagePatternAllowsItsClasses() throws Exception {
        try (Broker b = Broker.manual("objectMessageAllowList=dev.sluice.jms.mapping.*")) {
            Session s = b.started().createSession();
            Queue q = s.createQueue("objects-package");
            s.createProducer(q).send(s.createObjectMessage(new Order("o-3", 1)));
            assertThat(((ObjectMessage) s.createConsumer(q).receiveNoWait()).getObject()).isEqualTo(new Order("o-3", 1));
        }
    }

    @Test
    void standardLibraryValuesAreAllowedByDefault() throws Exception {
        try (Broker b = Broker.manual()) {
            Session s = b.started().createSession();
            Queue q = s.createQueue("objects-jdk");
            s.createProducer(q).send(s.createObjectMessage(new java.util.ArrayList<>(java.util.List.of("a", 1))));
            assertThat(((ObjectMessage) s.createConsumer(q).receiveNoWait()).getObject())
                    .isEqualTo(java.util.List.of("a", 1));
        }
    }
}
