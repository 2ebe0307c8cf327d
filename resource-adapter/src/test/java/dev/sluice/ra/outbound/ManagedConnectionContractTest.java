package dev.sluice.ra.outbound;

import dev.sluice.ra.SluiceResourceAdapter;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.IllegalStateException;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.LocalTransactionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The parts of the outbound contract the javadoc states outright: serializable factories, metadata, closed handles. */
class ManagedConnectionContractTest {

    private static final AtomicInteger ENGINES = new AtomicInteger();

    private SluiceManagedConnectionFactory mcf;
    private String url;

    @BeforeEach
    void setUp() throws Exception {
        url = "sluice:embedded?storage=memory&dataDir=ra-contract-" + ENGINES.incrementAndGet();
        SluiceResourceAdapter ra = new SluiceResourceAdapter();
        ra.setUrl(url);
        mcf = new SluiceManagedConnectionFactory();
        mcf.setResourceAdapter(ra);
    }

    @SuppressWarnings("unchecked")
    private static <T> T copy(T object) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(object);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }

    /** jakarta.resource.Referenceable: the factory is Serializable "to support JNDI registration" — a copy must work. */
    @Test
    void aSerializedConnectionFactoryStillHandsOutConnections() throws Exception {
        mcf.setUrl(url); // a copy loses the (transient) adapter association; its own url still says where the queues are
        ConnectionFactory copy = copy((ConnectionFactory) mcf.createConnectionFactory());
        try (Connection c = copy.createConnection()) {
            Session s = c.createSession();
            s.createProducer(s.createQueue("serialized")).send(s.createTextMessage("via a copy"));
        }
    }

    /** LocalTransaction.commit: a LocalTransactionException for an error condition of local transaction management. */
    @Test
    void aCommitWithoutATransactionIsRefusedAndSendsNothing() throws Exception {
        mcf.setUrl(url);
        SluiceManagedConnection mc = (SluiceManagedConnection) mcf.createManagedConnection(null, null);
        LocalTransaction tx = mc.getLocalTransaction();
        assertThatThrownBy(tx::commit).isInstanceOf(LocalTransactionException.class)
                .hasMessageContaining("commit without begin");

        tx.begin();
        try (Connection c = (Connection) mc.getConnection(null, null)) {
            Session s = c.createSession();
            s.createProducer(s.createQueue("tx-ended")).send(s.createTextMessage("committed once"));
        }
        tx.commit();
        assertThatThrownBy(tx::commit).isInstanceOf(LocalTransactionException.class);
        mc.destroy();

        ConnectionFactory plain = new dev.sluice.jms.SluiceConnectionFactory(url);
        try (JMSContext context = plain.createContext()) {
            JMSConsumer consumer = context.createConsumer(context.createQueue("tx-ended"));
            assertThat(consumer.receiveBody(String.class, 5_000)).isEqualTo("committed once");
            assertThat(consumer.receiveNoWait()).isNull();
        }
    }

    /** ManagedConnectionMetaData.getEISProductVersion: the version of the EIS instance, not of the JMS API. */
    @Test
    void theMetaDataNamesTheProductAndItsVersion() throws Exception {
        SluiceManagedConnection mc = (SluiceManagedConnection) mcf.createManagedConnection(null, null);
        assertThat(mc.getMetaData().getEISProductName()).isEqualTo("Sluice");
        assertThat(mc.getMetaData().getEISProductVersion()).isEqualTo(mc.physical().getMetaData().getProviderVersion());
        mc.destroy();
    }

    /**
     * Connection.close closes the connection's sessions, and a closed session, producer or consumer refuses to be
     * used (IllegalStateException) — also the session that belongs to a container transaction, whose work the
     * transaction still settles.
     */
    @Test
    void theTransactionsSessionIsClosedForAHandleThatWasClosed() throws Exception {
        SluiceManagedConnection mc = (SluiceManagedConnection) mcf.createManagedConnection(null, null);
        mc.getLocalTransaction().begin();
        ConnectionHandle handle = (ConnectionHandle) mc.getConnection(null, null);
        QueueSession session = handle.createQueueSession(true, Session.SESSION_TRANSACTED);
        Queue q = session.createQueue("closed-handle");
        MessageProducer producer = session.createProducer(q);
        MessageConsumer consumer = session.createConsumer(q);
        producer.send(session.createTextMessage("sent before the close"));
        handle.close();
        assertThatThrownBy(() -> session.createTextMessage("x")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> producer.send(q, session.createTextMessage("x"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> producer.send(null)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> consumer.receiveNoWait()).isInstanceOf(IllegalStateException.class);

        // a second handle in the same transaction gets a session of its own to use
        ConnectionHandle next = (ConnectionHandle) mc.getConnection(null, null);
        Session other = next.createSession();
        other.createProducer(q).send(other.createTextMessage("sent after"));
        other.close();
        assertThatThrownBy(other::createMessage).isInstanceOf(IllegalStateException.class);
        next.close();
        mc.getLocalTransaction().commit();
        mc.cleanup();

        // the work done before the close is the transaction's: it committed with it
        ConnectionHandle reader = (ConnectionHandle) mc.getConnection(null, null);
        Session read = reader.createSession();
        reader.start();
        MessageConsumer c = read.createConsumer(q);
        assertThat(((TextMessage) c.receive(1000)).getText()).isEqualTo("sent before the close");
        assertThat(((TextMessage) c.receive(1000)).getText()).isEqualTo("sent after");
        reader.close();
        mc.destroy();
    }

    /** JMSContext.close "closes the underlying session and any underlying producers and consumers" — in a transaction too. */
    @Test
    void aContextClosedInsideATransactionClosesItsConsumers() throws Exception {
        SluiceManagedConnection mc = (SluiceManagedConnection) mcf.createManagedConnection(null, null);
        mc.getLocalTransaction().begin();
        ConnectionFactory pooled = new PooledConnectionFactory(mcf, (f, info) -> mc.getConnection(null, info));
        JMSContext context = pooled.createContext();
        JMSConsumer consumer = context.createConsumer(context.createQueue("ctx-closed"));
        QueueBrowser browser = context.createBrowser(context.createQueue("ctx-closed"));
        context.close();
        assertThatThrownBy(consumer::receiveNoWait).isInstanceOf(IllegalStateRuntimeException.class);
        assertThatThrownBy(browser::getEnumeration).isInstanceOf(IllegalStateException.class);
        mc.getLocalTransaction().rollback();
        mc.destroy();
    }
}
