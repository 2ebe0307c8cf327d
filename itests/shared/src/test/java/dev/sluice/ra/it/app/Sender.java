package dev.sluice.ra.it.app;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Session;
import jakarta.resource.ConnectionFactoryDefinition;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;

/** Sends inside a container-managed transaction, through @Resource or through the container's JMSContext. */
@Stateless
@ConnectionFactoryDefinition(name = Sender.FACTORY, interfaceName = "jakarta.jms.ConnectionFactory",
        resourceAdapter = "sluice-ra", transactionSupport = TransactionSupportLevel.LocalTransaction)
// Payara's @Inject JMSContext looks the factory up under its name + "__pm" (the name its own JMS resources get)
@ConnectionFactoryDefinition(name = Sender.FACTORY + "__pm", interfaceName = "jakarta.jms.ConnectionFactory",
        resourceAdapter = "sluice-ra", transactionSupport = TransactionSupportLevel.LocalTransaction)
// a factory on another engine, for an MDB that names it with connectionFactoryLookup (java:global: the adapter looks
// it up outside the application's naming context)
@ConnectionFactoryDefinition(name = Sender.ELSEWHERE, interfaceName = "jakarta.jms.ConnectionFactory",
        resourceAdapter = "sluice-ra", transactionSupport = TransactionSupportLevel.LocalTransaction,
        properties = "url=" + Sender.ELSEWHERE_URL)
public class Sender {

    public static final String FACTORY = "java:app/jms/sluice";
    public static final String ELSEWHERE = "java:global/jms/sluice-elsewhere";
    static final String ELSEWHERE_URL = "sluice:embedded?storage=memory&dataDir=it-elsewhere";

    @Resource(lookup = FACTORY)
    private ConnectionFactory factory;

    @Inject
    @JMSConnectionFactory(FACTORY)
    private JMSContext context;

    @Resource(lookup = ELSEWHERE)
    private ConnectionFactory elsewhere;

    @Resource
    private SessionContext ejb;

    /**
     * Through the classic API; {@code rollback} marks the transaction for rollback after the send; {@code elsewhere}
     * sends through the factory on the other engine.
     */
    public void send(String queue, String text, boolean rollback, boolean toElsewhere) throws Exception {
        try (var connection = (toElsewhere ? elsewhere : factory).createConnection()) {
            Session session = connection.createSession();
            session.createProducer(session.createQueue(queue)).send(session.createTextMessage(text));
        }
        if (rollback) {
            ejb.setRollbackOnly();
        }
    }

    /** Publishes to a topic, through the classic API ({@code via} "resource") or the injected JMSContext. */
    public void publish(String topic, String text, String via) throws Exception {
        if ("context".equals(via)) {
            context.createProducer().send(context.createTopic(topic), text);
            return;
        }
        try (var connection = factory.createConnection()) {
            Session session = connection.createSession();
            session.createProducer(session.createTopic(topic)).send(session.createTextMessage(text));
        }
    }

    /** Through the injected JMSContext. */
    public void sendWithContext(String queue, String text, boolean rollback) {
        context.createProducer().send(context.createQueue(queue), text);
        if (rollback) {
            ejb.setRollbackOnly();
        }
    }
}
