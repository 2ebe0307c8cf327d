package dev.sluice.ra.outbound;

import dev.sluice.ra.SluiceResourceAdapter;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSContext;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.TransactionInProgressException;
import jakarta.jms.TransactionInProgressRuntimeException;
import jakarta.resource.spi.LocalTransaction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The outbound contract as a container drives it: a pooled connection in a local transaction commits or
 * discards the application's sends with the transaction; the handle refuses what a Jakarta EE container forbids.
 */
class PooledConnectionFactoryTest {

    private static final AtomicInteger ENGINES = new AtomicInteger();

    private SluiceManagedConnectionFactory mcf;
    private ConnectionFactory plain;

    @BeforeEach
    void setUp() throws Exception {
        SluiceResourceAdapter ra = new SluiceResourceAdapter();
        ra.setUrl("sluice:embedded?storage=memory&dataDir=ra-outbound-" + ENGINES.incrementAndGet());
        mcf = new SluiceManagedConnectionFactory();
        mcf.setResourceAdapter(ra);
        plain = new dev.sluice.jms.SluiceConnectionFactory(ra.settings());
    }

    private String receiveText(String queue) throws Exception {
        try (Connection c = plain.createConnection()) {
            c.start();
            Session s = c.createSession();
            MessageConsumer consumer = s.createConsumer(s.createQueue(queue));
            TextMessage m = (TextMessage) consumer.receive(200);
            return m == null ? null : m.getText();
        }
    }

    @Test
    void sendsInALocalTransactionArriveOnlyWhenItCommits() throws Exception {
        SluiceManagedConnection mc = (SluiceManagedConnection) mcf.createManagedConnection(null, null);
        LocalTransaction tx = mc.getLocalTransaction();
        tx.begin();
        ConnectionHandle handle = (ConnectionHandle) mc.getConnection(null, null);
        Session session = handle.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = session.createQueue("tx-outbound");
        session.createProducer(q).send(session.createTextMessage("in-tx"));
        handle.close();
        assertThat(receiveText("tx-outbound")).as("before commit").isNull();
        tx.commit();
        assertThat(receiveText("tx-outbound")).isEqualTo("in-tx");
        mc.destroy();
    }

    @Test
    void sendsInALocalTransactionThatRollsBackNeverArrive() throws Exception {
        SluiceManagedConnection mc = (SluiceManagedConnection) mcf.createManagedConnection(null, null);
        LocalTransaction tx = mc.getLocalTransaction();
        tx.begin();
        ConnectionHandle handle = (ConnectionHandle) mc.getConnection(null, null);
        Session session = handle.createSession();
        session.createProducer(session.createQueue("rollback-outbound")).send(session.createTextMessage("doomed"));
        tx.rollback();
        tx.begin();
        session = handle.createSession();
        session.createProducer(session.createQueue("rollback-outbound")).send(session.createTextMessage("kept"));
        tx.commit();
        assertThat(receiveText("rollback-outbound")).isEqualTo("kept");
        assertThat(receiveText("rollback-outbound")).isNull();
        mc.destroy();
    }

    @Test
    void insideATransactionTheApplicationCannotCommitItself() throws Exception {
        SluiceManagedConnection mc = (SluiceManagedConnection) mcf.createManagedConnection(null, null);
        mc.getLocalTransaction().begin();
        ConnectionHandle handle = (ConnectionHandle) mc.getConnection(null, null);
        Session session = handle.createSession(Session.SESSION_TRANSACTED);
        assertThatThrownBy(session::commit).isInstanceOf(TransactionInProgressException.class);
        assertThatThrownBy(session::rollback).isInstanceOf(TransactionInProgressException.class);
        mc.getLocalTransaction().rollback();
        mc.destroy();
    }

    @Test
    void theHandleRefusesWhatAContainerForbids() throws Exception {
        SluiceManagedConnection mc = (SluiceManagedConnection) mcf.createManagedConnection(null, null);
        ConnectionHandle handle = (ConnectionHandle) mc.getConnection(null, null);
        assertThatThrownBy(() -> handle.setClientID("x")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("setClientID");
        assertThatThrownBy(handle::stop).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> handle.setExceptionListener(e -> { })).isInstanceOf(IllegalStateException.class);
        handle.close();
        assertThatThrownBy(handle::createSession).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        mc.destroy();
    }

    @Test
    void withoutAContainerTheFactoryWorksUnpooled() throws Exception {
        ConnectionFactory cf = (ConnectionFactory) mcf.createConnectionFactory();
        try (JMSContext context = cf.createContext()) {
            context.createProducer().send(context.createQueue("unpooled"), "hello");
            assertThatThrownBy(context::commit).isInstanceOf(jakarta.jms.IllegalStateRuntimeException.class);
        }
        assertThat(receiveText("unpooled")).isEqualTo("hello");
    }

    @Test
    void aContextInsideATransactionSendsWithItAndCannotCommitItself() throws Exception {
        SluiceManagedConnection mc = (SluiceManagedConnection) mcf.createManagedConnection(null, null);
        mc.getLocalTransaction().begin();
        ConnectionHandle handle = (ConnectionHandle) mc.getConnection(null, null);
        JMSContext context = dev.sluice.jms.SluiceJMSContext.managed(mc.physical(), handle.session(JMSContext.AUTO_ACKNOWLEDGE),
                () -> { });
        context.createProducer().send(context.createQueue("ctx-tx"), "with-tx");
        assertThatThrownBy(context::commit).isInstanceOf(TransactionInProgressRuntimeException.class);
        context.close();
        assertThat(receiveText("ctx-tx")).isNull();
        mc.getLocalTransaction().commit();
        assertThat(receiveText("ctx-tx")).isEqualTo("with-tx");
        mc.destroy();
    }

    @Test
    void aSendLeftOnTheConnectionBetweenTransactionsNeverRidesAlongWithTheNext() throws Exception {
        SluiceManagedConnection mc = (SluiceManagedConnection) mcf.createManagedConnection(null, null);
        LocalTransaction tx = mc.getLocalTransaction();
        tx.begin();
        Session kept = ((ConnectionHandle) mc.getConnection(null, null)).createSession();
        tx.rollback();
        // the application kept the session past its transaction (its transaction timed out, say) and sends
        kept.createProducer(kept.createQueue("between")).send(kept.createTextMessage("stray"));
        tx.begin();
        Session next = ((ConnectionHandle) mc.getConnection(null, null)).createSession();
        next.createProducer(next.createQueue("between")).send(next.createTextMessage("next"));
        tx.commit();
        assertThat(receiveText("between")).isEqualTo("next");
        assertThat(receiveText("between")).isNull();
        mc.destroy();
    }

    @Test
    void sessionsHandedOutRefuseMessageListenersAsInAContainer() throws Exception {
        SluiceManagedConnection mc = (SluiceManagedConnection) mcf.createManagedConnection(null, null);
        ConnectionHandle handle = (ConnectionHandle) mc.getConnection(null, null);
        Session session = handle.createSession();
        MessageConsumer consumer = session.createConsumer(session.createQueue("no-listeners"));
        assertThatThrownBy(() -> consumer.setMessageListener(m -> { })).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("message-driven bean");
        mc.getLocalTransaction().begin();
        Session inTx = handle.createSession();
        MessageConsumer txConsumer = inTx.createConsumer(inTx.createQueue("no-listeners"));
        assertThatThrownBy(() -> txConsumer.setMessageListener(m -> { })).isInstanceOf(IllegalStateException.class);
        mc.getLocalTransaction().rollback();
        mc.destroy();
    }

    @Test
    void outsideATransactionTheAcknowledgeModeIsHonouredAndTransactedIsIgnored() throws Exception {
        SluiceManagedConnection mc = (SluiceManagedConnection) mcf.createManagedConnection(null, null);
        ConnectionHandle handle = (ConnectionHandle) mc.getConnection(null, null);
        assertThat(handle.createSession(true, Session.DUPS_OK_ACKNOWLEDGE).getAcknowledgeMode())
                .isEqualTo(Session.DUPS_OK_ACKNOWLEDGE);
        assertThat(handle.createSession(Session.CLIENT_ACKNOWLEDGE).getAcknowledgeMode())
                .isEqualTo(Session.AUTO_ACKNOWLEDGE);
        assertThat(handle.createSession(Session.SESSION_TRANSACTED).getTransacted()).isFalse();
        mc.destroy();
    }
}
