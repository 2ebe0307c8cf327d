package dev.sluice.jms.mapping;

import dev.sluice.jms.SluiceMessageConsumer;
import dev.sluice.jms.spec.Broker;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.sluice.jms.spec.Sync.hold;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * DESIGN.md rows: CLIENT_ACKNOWLEDGE ↔ visibility timeout; the visibility timeout is the window to
 * acknowledge, configurable per factory and per consumer; a long-running listener is not redelivered.
 */
class VisibilityMappingTest {

    @Test
    void anUnacknowledgedMessageReappearsAfterTheVisibilityTimeoutMarkedRedelivered() throws Exception {
        try (Broker b = Broker.manual()) {
            Connection c = b.started();
            Session s = c.createSession(Session.CLIENT_ACKNOWLEDGE);
            Queue q = s.createQueue("client-visibility");
            s.createProducer(q).send(s.createTextMessage("x"));
            Message first = s.createConsumer(q).receiveNoWait();
            assertThat(first.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);

            MessageConsumer other = c.createSession(Session.CLIENT_ACKNOWLEDGE).createConsumer(q);
            b.advanceSeconds(29); // the queue's default VisibilityTimeout is 30 s
            assertThat(other.receiveNoWait()).isNull();
            b.advanceSeconds(2);
            Message again = other.receiveNoWait();
            assertThat(again).isNotNull();
            assertThat(again.getJMSMessageID()).isEqualTo(first.getJMSMessageID());
            assertThat(again.getJMSRedelivered()).isTrue();
            assertThat(again.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
        }
    }

    @Test
    void theFactorySettingSetsTheWindowToAcknowledge() throws Exception {
        try (Broker b = Broker.manual("visibilityTimeout=5")) {
            Connection c = b.started();
            Session s = c.createSession(Session.CLIENT_ACKNOWLEDGE);
            Queue q = s.createQueue("factory-visibility");
            s.createProducer(q).send(s.createTextMessage("x"));
            MessageConsumer consumer = s.createConsumer(q);
            assertThat(((SluiceMessageConsumer) consumer).getVisibilityTimeout()).isEqualTo(5);
            assertThat(consumer.receiveNoWait()).isNotNull();
            MessageConsumer other = c.createSession(Session.CLIENT_ACKNOWLEDGE).createConsumer(q);
            b.advanceSeconds(4);
            assertThat(other.receiveNoWait()).isNull();
            b.advanceSeconds(2);
            assertThat(other.receiveNoWait()).isNotNull();
        }
    }

    @Test
    void aConsumerSettingOverridesTheFactorys() throws Exception {
        try (Broker b = Broker.manual("visibilityTimeout=5")) {
            Connection c = b.started();
            Session s = c.createSession(Session.CLIENT_ACKNOWLEDGE);
            Queue q = s.createQueue("consumer-visibility");
            s.createProducer(q).send(s.createTextMessage("x"));
            SluiceMessageConsumer consumer = (SluiceMessageConsumer) s.createConsumer(q);
            consumer.setVisibilityTimeout(120);
            assertThat(consumer.getVisibilityTimeout()).isEqualTo(120);
            assertThat(consumer.receiveNoWait()).isNotNull();
            MessageConsumer other = c.createSession(Session.CLIENT_ACKNOWLEDGE).createConsumer(q);
            b.advanceSeconds(119);
            assertThat(other.receiveNoWait()).isNull();
            b.advanceSeconds(2);
            assertThat(other.receiveNoWait()).isNotNull();
        }
    }

    @Test
    void aListenerRunningLongerThanTheVisibilityTimeoutIsNotRedelivered() throws Exception {
        try (Broker b = Broker.realTime("visibilityTimeout=1")) {
            Connection c = b.started();
            Queue q = c.createSession().createQueue("slow-listener");
            Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
            CountDownLatch inFirst = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            // two sessions listen, so a message whose visibility ran out would reach the idle one
            for (int i = 0; i < 2; i++) {
                c.createSession().createConsumer(q).setMessageListener(m -> {
                    try {
                        deliveries.computeIfAbsent(m.getJMSMessageID(), k -> new AtomicInteger()).incrementAndGet();
                    } catch (Exception e) {
                        throw new RuntimeException(e);
                    }
                    inFirst.countDown();
                    hold(release);
                });
            }
            Session s = c.createSession();
            s.createProducer(q).send(s.createTextMessage("slow work"));
            assertThat(inFirst.await(10, TimeUnit.SECONDS)).isTrue();
            // three visibility timeouts pass while the listener works
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                    .until(() -> deliveries.values().stream().allMatch(n -> n.get() == 1));
            release.countDown();
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                    .until(() -> deliveries.size() == 1 && deliveries.values().iterator().next().get() == 1);
        }
    }
}
