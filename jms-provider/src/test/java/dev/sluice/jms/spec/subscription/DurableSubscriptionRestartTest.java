package dev.sluice.jms.spec.subscription;

import dev.sluice.jms.SluiceConnectionFactory;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jakarta Messaging 3.1, chapter 6.11.3: a durable subscription retains messages while its subscriber is away,
 * here across a restart of the engine (durable storage in a temporary directory).
 */
class DurableSubscriptionRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void aDurableSubscriberThatDisconnectsMissesNothingAcrossAnEngineRestart() throws Exception {
        SluiceConnectionFactory factory = new SluiceConnectionFactory("sluice:embedded?dataDir=" + dataDir
                + "&visibilityTimeout=1"); // an unacknowledged message comes back a second later
        try (Connection subscriber = factory.createConnection()) {
            subscriber.setClientID("audit-service");
            Session s = subscriber.createSession(Session.CLIENT_ACKNOWLEDGE);
            Topic t = s.createTopic("payments");
            MessageConsumer c = s.createDurableConsumer(t, "audit", "amount >= 10", false);
            subscriber.start();
            publish(factory, t, 0, 5);
            for (int i = 0; i < 5; i++) {
                if (i < 4) {
                    c.receive(5000).acknowledge(); // payment-4 stays received but unacknowledged
                } else {
                    assertThat(((TextMessage) c.receive(5000)).getText()).isEqualTo("payment-4");
                }
            }
        }
        // the subscriber is gone; payments go on while nobody consumes
        publish(factory, new dev.sluice.jms.SluiceTopic("payments"), 5, 10);
        // every connection is closed now: the durable engine closed with its last user and reopens below

        List<String> received = new ArrayList<>();
        try (Connection subscriber = factory.createConnection()) {
            subscriber.setClientID("audit-service");
            Session s = subscriber.createSession(Session.CLIENT_ACKNOWLEDGE);
            subscriber.start();
            MessageConsumer c = s.createDurableConsumer(s.createTopic("payments"), "audit", "amount >= 10", false);
            for (int i = 0; i < 6; i++) {
                Message m = c.receive(10_000);
                assertThat(m).as("message %d after the restart", i).isNotNull();
                received.add(((TextMessage) m).getText());
                m.acknowledge();
            }
            assertThat(c.receiveNoWait()).isNull();
        }
        // payment-4, received but never acknowledged, comes back; the small amounts never entered the subscription
        assertThat(received).containsExactlyInAnyOrder("payment-4", "payment-5", "payment-6", "payment-7",
                "payment-8", "payment-9");
    }

    private static void publish(SluiceConnectionFactory factory, Topic t, int from, int to) throws Exception {
        try (Connection publisher = factory.createConnection()) {
            Session s = publisher.createSession();
            for (int i = from; i < to; i++) {
                Message m = s.createTextMessage("payment-" + i);
                m.setIntProperty("amount", 100);
                s.createProducer(t).send(m);
                Message small = s.createTextMessage("small-" + i);
                small.setIntProperty("amount", 1);
                s.createProducer(t).send(small);
            }
        }
    }
}
