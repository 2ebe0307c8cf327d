package dev.sluice.jms.cdi;

import dev.sluice.jms.SluiceConnectionFactory;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@EnableWeld
class JMSContextInjectionTest {

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(ConnectionFactoryProducer.class, JMSContextProducer.class, OrderDesk.class)
            .build();

    @Inject
    OrderDesk desk;

    @Inject
    ConnectionFactory factory;

    @Test
    void theFactoryIsConfiguredFromSluiceProperties() {
        assertThat(factory).isInstanceOf(SluiceConnectionFactory.class);
        var settings = ((SluiceConnectionFactory) factory).settings();
        assertThat(settings.get("storage")).isEqualTo("memory");
        assertThat(settings.get("dataDir")).isEqualTo("jms-cdi-test");
        assertThat(weld.select(SluiceConnectionFactory.class).get()).isSameAs(weld.select(ConnectionFactory.class).get());
    }

    @Test
    void anInjectedContextSendsWhatAnotherContextReceives() throws Exception {
        String id = desk.place("cdi-orders", "42");

        try (JMSContext own = factory.createContext()) {
            Message m = own.createConsumer(own.createQueue("cdi-orders")).receive(5_000);
            assertThat(m).isNotNull();
            assertThat(m.getJMSMessageID()).isEqualTo(id);
            assertThat(m.getStringProperty("OrderId")).isEqualTo("42");
            assertThat(m.getBody(String.class)).isEqualTo("{\"order_id\":\"42\"}");
        }
    }

    @Test
    void theContextIsClosedWhenItsRequestEndsAndTheNextRequestGetsAFreshOne() throws Exception {
        JMSConsumer leaked = desk.consumerOf("cdi-closed");

        assertThatThrownBy(leaked::receiveNoWait).isInstanceOf(IllegalStateRuntimeException.class);
        assertThat(desk.place("cdi-closed", "7")).startsWith("ID:");
    }

    @Test
    void theRequestOwnsTheInjectedContextSoClosingItIsRefused() throws Exception {
        assertThatThrownBy(desk::closeContext).isInstanceOf(IllegalStateRuntimeException.class)
                .hasMessageContaining("JMSContext.close() is not allowed on an injected JMSContext");
        assertThat(desk.place("cdi-refused", "1")).startsWith("ID:");
    }

    @Test
    void concurrentRequestsOnSeveralThreadsEachUseTheirOwnContext() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<String>> sends = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String orderId = Integer.toString(i);
                sends.add(() -> desk.place("cdi-concurrent", orderId));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> f : pool.invokeAll(sends)) {
                ids.add(f.get());
            }
            assertThat(ids).doesNotHaveDuplicates().hasSize(200);
        } finally {
            pool.shutdownNow();
        }
        List<String> received = new ArrayList<>();
        try (JMSContext own = factory.createContext()) {
            JMSConsumer c = own.createConsumer(own.createQueue("cdi-concurrent"));
            Message m;
            while ((m = c.receive(1_000)) != null) {
                received.add(m.getStringProperty("OrderId"));
            }
        }
        assertThat(received).hasSize(200).doesNotHaveDuplicates();
    }
}
