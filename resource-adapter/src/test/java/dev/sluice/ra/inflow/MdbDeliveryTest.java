package dev.sluice.ra.inflow;

import dev.sluice.jms.SluiceConnectionFactory;
import dev.sluice.ra.SluiceResourceAdapter;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Inflow as a container drives it: deliveries, failures that bring the message back, deactivation and stop. */
class MdbDeliveryTest {

    private static final AtomicInteger ENGINES = new AtomicInteger();

    private SluiceResourceAdapter ra;
    private FakeContainer container;

    private SluiceActivationSpec start(boolean transacted, Consumer<Message> bean, String queue) throws Exception {
        ra = new SluiceResourceAdapter();
        ra.setUrl("sluice:embedded?storage=memory&dataDir=ra-inflow-" + ENGINES.incrementAndGet());
        ra.setRedeliveryDelay(0);
        container = new FakeContainer(transacted, bean);
        ra.start(container.bootstrap());
        SluiceActivationSpec spec = new SluiceActivationSpec();
        spec.setResourceAdapter(ra);
        spec.setDestination(queue);
        spec.setMaxSession(1);
        spec.setWaitTimeSeconds(1);
        return spec;
    }

    private void send(String queue, String text) throws Exception {
        try (Connection c = new SluiceConnectionFactory(ra.settings()).createConnection()) {
            Session s = c.createSession();
            s.createProducer(s.createQueue(queue)).send(s.createTextMessage(text));
        }
    }

    @AfterEach
    void tearDown() {
        if (ra != null) {
            ra.stop();
        }
    }

    private static int deliveryCount(Message m) {
        try {
            return m.getIntProperty("JMSXDeliveryCount");
        } catch (JMSException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aBeanThatThrowsGetsTheMessageAgain() throws Exception {
        List<Integer> counts = new CopyOnWriteArrayList<>();
        SluiceActivationSpec spec = start(false, m -> {
            counts.add(deliveryCount(m));
            if (counts.size() == 1) {
                throw new IllegalStateException("first attempt fails");
            }
        }, "inflow-throws");
        var endpoints = container.endpoints();
        ra.endpointActivation(endpoints, spec);
        send("inflow-throws", "again");
        await().atMost(Duration.ofSeconds(10)).until(() -> counts.size() >= 2);
        assertThat(counts).startsWith(1, 2);
        ra.endpointDeactivation(endpoints, spec);
        assertThat(counts).hasSize(2);
    }

    @Test
    void aTransactedDeliveryIsDeletedOnlyWhenItsTransactionCommits() throws Exception {
        List<Integer> counts = new CopyOnWriteArrayList<>();
        SluiceActivationSpec spec = start(true, m -> {
            counts.add(deliveryCount(m));
            if (counts.size() == 1) {
                throw new IllegalStateException("rolls back");
            }
        }, "inflow-tx");
        var endpoints = container.endpoints();
        ra.endpointActivation(endpoints, spec);
        send("inflow-tx", "tx");
        await().atMost(Duration.ofSeconds(10)).until(() -> counts.size() >= 2);
        ra.endpointDeactivation(endpoints, spec);
        assertThat(counts).containsExactly(1, 2);
        assertThat(container.calls).startsWith("before", "onMessage", "after", "before", "onMessage", "after");
    }

    @Test
    void deactivationWaitsForTheDeliveryInProgressAndReleasesEveryEndpoint() throws Exception {
        CountDownLatch inBean = new CountDownLatch(1);
        CountDownLatch letGo = new CountDownLatch(1);
        SluiceActivationSpec spec = start(false, m -> {
            inBean.countDown();
            try {
                letGo.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "inflow-deactivate");
        var endpoints = container.endpoints();
        spec.setMaxSession(3);
        ra.endpointActivation(endpoints, spec);
        send("inflow-deactivate", "slow");
        assertThat(inBean.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> deactivation = CompletableFuture.runAsync(() -> ra.endpointDeactivation(endpoints, spec));
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !deactivation.isDone());
        letGo.countDown();
        deactivation.get(10, TimeUnit.SECONDS);
        assertThat(container.released.get()).isEqualTo(container.created.get());
        for (Thread t : container.workThreads) {
            // a session's Work signals its end just before its thread returns: wait for that thread to end
            t.join(10_000);
            assertThat(t.isAlive()).as("session thread after deactivation").isFalse();
        }
    }

    @Test
    void stopDeactivatesEveryEndpoint() throws Exception {
        SluiceActivationSpec spec = start(false, m -> { }, "inflow-stop");
        ra.endpointActivation(container.endpoints(), spec);
        await().atMost(Duration.ofSeconds(10)).until(() -> container.created.get() == 1);
        ra.stop();
        ra = null;
        assertThat(container.released.get()).isEqualTo(1);
        for (Thread t : container.workThreads) {
            t.join(10_000);
            assertThat(t.isAlive()).isFalse();
        }
    }
}
