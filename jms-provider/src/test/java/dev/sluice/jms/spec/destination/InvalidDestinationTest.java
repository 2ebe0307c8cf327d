package dev.sluice.jms.spec.destination;

import dev.sluice.jms.spec.Broker;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Jakarta Messaging 3.1: InvalidDestinationException wherever a destination is not valid. */
class InvalidDestinationTest {

    @Test
    void nullDestinationsAreInvalid() throws Exception {
        try (Broker b = Broker.realTime()) {
            Session s = b.connection().createSession();
            assertThatThrownBy(() -> s.createConsumer(null)).isInstanceOf(InvalidDestinationException.class);
            assertThatThrownBy(() -> s.createConsumer(null, "a = 1")).isInstanceOf(InvalidDestinationException.class);
            assertThatThrownBy(() -> s.createBrowser(null)).isInstanceOf(InvalidDestinationException.class);
            assertThatThrownBy(() -> s.createProducer(null).send(null, s.createTextMessage("x")))
                    .isInstanceOf(InvalidDestinationException.class);
        }
    }

    @Test
    void aQueueThatDoesNotExistIsInvalidWhenQueuesAreNotCreatedOnDemand() throws Exception {
        try (Broker b = Broker.realTime("autoCreateQueues=false")) {
            Session s = b.connection().createSession();
            Queue missing = s.createQueue("missing");
            assertThatThrownBy(() -> s.createProducer(missing)).isInstanceOf(InvalidDestinationException.class);
            assertThatThrownBy(() -> s.createConsumer(missing)).isInstanceOf(InvalidDestinationException.class);
            assertThatThrownBy(() -> s.createBrowser(missing)).isInstanceOf(InvalidDestinationException.class);
            assertThatThrownBy(() -> s.createProducer(null).send(missing, s.createTextMessage("x")))
                    .isInstanceOf(InvalidDestinationException.class);
            b.engine().createQueue("present");
            s.createProducer(s.createQueue("present")).send(s.createTextMessage("fine"));
        }
    }

    @Test
    void aQueueNameSqsCannotHaveIsAnInvalidDestination() throws Exception {
        try (Broker b = Broker.realTime()) {
            Session s = b.connection().createSession();
            Queue bad = s.createQueue("no spaces or ! allowed");
            assertThatThrownBy(() -> s.createProducer(bad)).isInstanceOf(InvalidDestinationException.class)
                    .hasMessageContaining("no spaces or ! allowed");
            assertThatThrownBy(() -> s.createQueue("")).isInstanceOf(InvalidDestinationException.class);
        }
    }

    @Test
    void theQueueNameIsKept() throws Exception {
        try (Broker b = Broker.realTime()) {
            Queue q = b.connection().createSession().createQueue("kept-name");
            assertThat(q.getQueueName()).isEqualTo("kept-name");
        }
    }
}
