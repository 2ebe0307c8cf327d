package dev.sluice.ra.inflow;

import dev.sluice.jms.SluiceConnectionFactory;
import dev.sluice.ra.SluiceResourceAdapter;
import dev.sluice.ra.outbound.SluiceManagedConnectionFactory;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import jakarta.resource.spi.InvalidPropertyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * {@code connectionFactoryLookup} (Jakarta Messaging 3.1, 13.1): the MDB receives through the connection factory
 * it names, not the adapter's default, and a name that is no Sluice factory fails the deployment saying so.
 */
class ConnectionFactoryLookupTest {

    private static final AtomicInteger ENGINES = new AtomicInteger();

    private SluiceResourceAdapter ra;
    private FakeContainer container;
    private final List<String> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        MapNaming.install();
        ra = new SluiceResourceAdapter();
        ra.setUrl(memoryUrl());
        container = new FakeContainer(false, this::record);
        ra.start(container.bootstrap());
    }

    @AfterEach
    void stop() {
        ra.stop();
        MapNaming.uninstall();
    }

    private static String memoryUrl() {
        return "sluice:embedded?storage=memory&dataDir=ra-cf-lookup-" + ENGINES.incrementAndGet();
    }

    private void record(Message m) {
        try {
            received.add(((TextMessage) m).getText());
        } catch (JMSException e) {
            throw new AssertionError(e);
        }
    }

    private SluiceActivationSpec spec(String lookup) throws Exception {
        SluiceActivationSpec spec = new SluiceActivationSpec();
        spec.setResourceAdapter(ra);
        spec.setDestination("orders");
        spec.setConnectionFactoryLookup(lookup);
        spec.setMaxSession(1);
        spec.setWaitTimeSeconds(1);
        return spec;
    }

    private static void send(ConnectionFactory factory, String text) {
        try (JMSContext context = factory.createContext()) {
            context.createProducer().send(context.createQueue("orders"), text);
        }
    }

    @Test
    void anMdbReceivesThroughAnApplicationsSluiceConnectionFactory() throws Exception {
        SluiceConnectionFactory elsewhere = new SluiceConnectionFactory(memoryUrl());
        MapNaming.BOUND.put("java:/jms/Elsewhere", elsewhere);
        SluiceActivationSpec spec = spec("java:/jms/Elsewhere");
        var endpoints = container.endpoints();
        ra.endpointActivation(endpoints, spec);

        send(new SluiceConnectionFactory(ra.settings()), "to the adapter's engine");
        send(elsewhere, "to the named factory's engine");

        await().atMost(Duration.ofSeconds(10)).until(() -> !received.isEmpty());
        ra.endpointDeactivation(endpoints, spec);
        assertThat(received).containsExactly("to the named factory's engine");
    }

    @Test
    void anMdbReceivesThroughOneOfTheAdaptersConnectionDefinitions() throws Exception {
        SluiceManagedConnectionFactory definition = new SluiceManagedConnectionFactory();
        definition.setResourceAdapter(ra);
        String url = memoryUrl();
        definition.setUrl(url);
        MapNaming.BOUND.put("java:/jms/Defined", definition.createConnectionFactory());
        SluiceActivationSpec spec = spec("java:/jms/Defined");
        var endpoints = container.endpoints();
        ra.endpointActivation(endpoints, spec);

        send(new SluiceConnectionFactory(ra.settings()), "to the adapter's engine");
        send(new SluiceConnectionFactory(url), "to the definition's engine");

        await().atMost(Duration.ofSeconds(10)).until(() -> !received.isEmpty());
        ra.endpointDeactivation(endpoints, spec);
        assertThat(received).containsExactly("to the definition's engine");
    }

    @Test
    void aNameBoundToSomethingElseFailsTheDeploymentNamingWhatItFound() throws Exception {
        MapNaming.BOUND.put("java:/jms/NotSluice", "a string, not a factory");
        assertThatThrownBy(() -> ra.endpointActivation(container.endpoints(), spec("java:/jms/NotSluice")))
                .isInstanceOf(InvalidPropertyException.class)
                .hasMessageContaining("connectionFactoryLookup")
                .hasMessageContaining("java:/jms/NotSluice")
                .hasMessageContaining("java.lang.String");
        assertThat(container.created.get()).isZero();
    }

    @Test
    void aNameBoundToNothingFailsTheDeploymentNamingIt() throws Exception {
        assertThatThrownBy(() -> ra.endpointActivation(container.endpoints(), spec("java:/jms/Missing")))
                .isInstanceOf(InvalidPropertyException.class)
                .hasMessageContaining("connectionFactoryLookup: nothing is bound at java:/jms/Missing");
        assertThat(container.created.get()).isZero();
    }
}
