package dev.sluice.jms.spec.simplified;

import dev.sluice.jms.spec.Broker;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.InvalidDestinationRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Topic;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Jakarta Messaging 3.1, chapter 2.8 / JMSContext's topic methods and their runtime exceptions. */
class JMSContextTopicTest {

    @Test
    void aContextPublishesAndSubscribesWithEveryKindOfSubscription() throws Exception {
        try (Broker b = Broker.realTime()) {
            JMSContext ctx = b.context(JMSContext.AUTO_ACKNOWLEDGE);
            ctx.setClientID("dashboard");
            Topic t = ctx.createTopic("metrics");
            JMSConsumer plain = ctx.createConsumer(t);
            JMSConsumer durable = ctx.createDurableConsumer(t, "history");
            JMSConsumer shared = ctx.createSharedConsumer(t, "alerts", "level > 2");
            JMSConsumer sharedDurable = ctx.createSharedDurableConsumer(t, "archive");

            ctx.createProducer().setProperty("level", 3).send(t, "cpu high");

            assertThat(plain.receiveBody(String.class, 5000)).isEqualTo("cpu high");
            assertThat(durable.receiveBody(String.class, 5000)).isEqualTo("cpu high");
            assertThat(shared.receiveBody(String.class, 5000)).isEqualTo("cpu high");
            assertThat(sharedDurable.receiveBody(String.class, 5000)).isEqualTo("cpu high");
            durable.close();
            sharedDurable.close();
            ctx.unsubscribe("history");
            ctx.unsubscribe("archive");
            assertThat(ctx.createTemporaryTopic().getTopicName()).isNotBlank();
        }
    }

    @Test
    void subscriptionErrorsAreTheMatchingRuntimeExceptions() throws Exception {
        try (Broker b = Broker.realTime()) {
            JMSContext anonymous = b.context(JMSContext.AUTO_ACKNOWLEDGE);
            Topic t = anonymous.createTopic("metrics");
            assertThatThrownBy(() -> anonymous.createDurableConsumer(t, "history"))
                    .isInstanceOf(IllegalStateRuntimeException.class).hasMessageContaining("history");
            assertThatThrownBy(() -> anonymous.unsubscribe("nobody"))
                    .isInstanceOf(InvalidDestinationRuntimeException.class).hasMessageContaining("nobody");
            JMSConsumer c = anonymous.createSharedDurableConsumer(t, "archive");
            assertThatThrownBy(() -> anonymous.unsubscribe("archive"))
                    .isInstanceOf(IllegalStateRuntimeException.class).hasMessageContaining("archive");
            // a shared non-durable subscription of that name is another subscription (Session.createSharedDurableConsumer)
            anonymous.createSharedConsumer(t, "archive").close();
            assertThatThrownBy(() -> anonymous.createTopic(""))
                    .isInstanceOf(InvalidDestinationRuntimeException.class);
            c.close();
            anonymous.unsubscribe("archive");
        }
    }
}
