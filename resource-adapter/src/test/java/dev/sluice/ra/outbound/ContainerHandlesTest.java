package dev.sluice.ra.outbound;

import dev.sluice.jms.ManagedContextInternals;
import dev.sluice.ra.SluiceResourceAdapter;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueReceiver;
import jakarta.jms.QueueSender;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Handles a container gets inside and outside a transaction behave alike: the same JMS types, a toString after
 * close, metadata after destroy, and a managed JMSContext that always gives its connection back.
 */
class ContainerHandlesTest {

    private static final AtomicInteger ENGINES = new AtomicInteger();
    private SluiceManagedConnectionFactory mcf;

    @BeforeEach
    void setUp() throws Exception {
        String url = "sluice:embedded?storage=memory&dataDir=ra-handles-" + ENGINES.incrementAndGet();
        SluiceResourceAdapter ra = new SluiceResourceAdapter();
        ra.setUrl(url);
        mcf = new SluiceManagedConnectionFactory();
        mcf.setResourceAdapter(ra);
    }

    /** A consumer is a QueueReceiver and a producer a QueueSender inside a transaction too: code that casts works alike. */
    @Test
    void aTransactionsSessionGivesTheSameJmsTypesAsAnyOther() throws Exception {
        SluiceManagedConnection mc = (SluiceManagedConnection) mcf.createManagedConnection(null, null);
        ConnectionHandle plain = (ConnectionHandle) mc.getConnection(null, null);
        Session s0 = plain.createSession();
        Queue q = s0.createQueue("cast");
        assertThat(s0.createConsumer(q)).isInstanceOf(QueueReceiver.class);
        assertThat(s0.createProducer(q)).isInstanceOf(QueueSender.class);
        plain.close();
        mc.cleanup();

        mc.getLocalTransaction().begin();
        ConnectionHandle handle = (ConnectionHandle) mc.getConnection(null, null);
        Session s = handle.createSession();
        try {
            assertThat(s.createConsumer(q)).isInstanceOf(QueueReceiver.class);
            assertThat(s.createProducer(q)).isInstanceOf(QueueSender.class);
        } finally {
            handle.close();
            mc.getLocalTransaction().rollback();
            mc.destroy();
        }
    }

    /** Logging a producer after its session closed: toString must not throw. */
    @Test
    void aClosedSessionsProducerStillHasAToString() throws Exception {
        SluiceManagedConnection mc = (SluiceManagedConnection) mcf.createManagedConnection(null, null);
        mc.getLocalTransaction().begin();
        ConnectionHandle handle = (ConnectionHandle) mc.getConnection(null, null);
        QueueSession session = handle.createQueueSession(true, Session.SESSION_TRANSACTED);
        MessageProducer producer = session.createProducer(session.createQueue("tostring"));
        handle.close();
        try {
            assertThatCode(producer::toString).doesNotThrowAnyException();
        } finally {
            mc.getLocalTransaction().rollback();
            mc.destroy();
        }
    }

    /** Pools ask for metadata to log and monitor, also after destroy(). */
    @Test
    void metaDataIsAvailableAfterDestroy() throws Exception {
        SluiceManagedConnection mc = (SluiceManagedConnection) mcf.createManagedConnection(null, null);
        mc.destroy();
        assertThatCode(mc::getMetaData).doesNotThrowAnyException();
    }

    /** A consumer whose close fails must not keep the managed context from giving its connection back. */
    @Test
    void aManagedContextGivesItsConnectionBackEvenWhenAConsumerFailsToClose() throws Exception {
        SluiceManagedConnection mc = (SluiceManagedConnection) mcf.createManagedConnection(null, null);
        AtomicInteger closedEvents = new AtomicInteger();
        mc.addConnectionEventListener(new ConnectionEventListener() {
            public void connectionClosed(ConnectionEvent e) { closedEvents.incrementAndGet(); }
            public void localTransactionStarted(ConnectionEvent e) { }
            public void localTransactionCommitted(ConnectionEvent e) { }
            public void localTransactionRolledback(ConnectionEvent e) { }
            public void connectionErrorOccurred(ConnectionEvent e) { }
        });
        ConnectionFactory pooled = new PooledConnectionFactory(mcf, (f, info) -> mc.getConnection(null, info));
        JMSContext context = pooled.createContext();
        context.createConsumer(context.createQueue("ctx-fail"));
        ManagedContextInternals.openFailingToClose(context);
        assertThatThrownBy(context::close).isInstanceOf(JMSRuntimeException.class);
        context.close(); // a retry
        assertThat(closedEvents.get()).as("CONNECTION_CLOSED events (the pool gets the connection back)").isEqualTo(1);
        mc.destroy();
    }

    /** A long-lived managed context that opens and closes consumers does not keep them all. */
    @Test
    void aManagedContextForgetsTheConsumersTheApplicationClosed() throws Exception {
        SluiceManagedConnection mc = (SluiceManagedConnection) mcf.createManagedConnection(null, null);
        ConnectionFactory pooled = new PooledConnectionFactory(mcf, (f, info) -> mc.getConnection(null, info));
        JMSContext context = pooled.createContext();
        Queue q = context.createQueue("ctx-leak");
        for (int i = 0; i < 1000; i++) {
            context.createConsumer(q).close();
        }
        int kept = ManagedContextInternals.opened(context).size();
        context.close();
        mc.destroy();
        assertThat(kept).as("closed consumers still referenced by the context").isLessThan(10);
    }
}
