package dev.sluice.jms.differential;

import dev.sluice.engine.EngineOptions;
import dev.sluice.engine.SqsEngine;
import dev.sluice.engine.queue.RedrivePolicy;
import dev.sluice.engine.time.Clock;
import dev.sluice.jms.SluiceConnectionFactory;
import dev.sluice.jms.embedded.EngineRegistry;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One peer as a running test sees it: a {@link ConnectionFactory}, fresh queue names, and the
 * administration a scenario needs beyond JMS (a redelivery limit with a dead-letter queue), done the
 * way each peer does it. Connections and contexts opened through it are closed after the test.
 */
public final class Broker implements AutoCloseable {

    private static final AtomicInteger NAMES = new AtomicInteger();

    private final Peer peer;
    private final ConnectionFactory factory;
    /** Sluice: the engine the factory's connections use, held for the whole test (see {@link #sluice()}). */
    private final EngineOptions sluiceOptions;
    private final SqsEngine sluiceEngine;
    private final ActiveMQServer artemis;
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final List<String> artemisMatches = new ArrayList<>();
    private final String run = Integer.toString(NAMES.incrementAndGet());

    private Broker(Peer peer, ConnectionFactory factory, EngineOptions sluiceOptions, SqsEngine sluiceEngine,
                   ActiveMQServer artemis) {
        this.peer = peer;
        this.factory = factory;
        this.sluiceOptions = sluiceOptions;
        this.sluiceEngine = sluiceEngine;
        this.artemis = artemis;
    }

    /**
     * A fresh in-memory Sluice engine (the data directory only names it) shared, through
     * {@link EngineRegistry}, by the factory's connections and by this broker. The broker holds a reference
     * for the whole test, so the engine (and its queues) outlives a connection that a scenario closes.
     */
    static Broker sluice() {
        EngineOptions options = new EngineOptions(EngineOptions.Storage.MEMORY,
                Path.of("differential-" + UUID.randomUUID()), EngineOptions.DEFAULT_REGION,
                EngineOptions.DEFAULT_ACCOUNT, Clock.system(), EngineOptions.DEFAULT_MEMORY_LIMIT);
        SqsEngine engine = EngineRegistry.acquire(options);
        SluiceConnectionFactory f = SluiceConnectionFactory.embedded(options);
        return new Broker(Peer.SLUICE, f, options, engine, null);
    }

    static Broker artemis(ActiveMQServer server) {
        return new Broker(Peer.ARTEMIS, new ActiveMQConnectionFactory("vm://0"), null, null, server);
    }

    public Peer peer() {
        return peer;
    }

    public boolean isSluice() {
        return peer == Peer.SLUICE;
    }

    public ConnectionFactory factory() {
        return factory;
    }

    /** A queue name no other test uses (letters, digits, '-' and '_' only, as SQS requires). */
    public String queueName(String base) {
        return base + "-" + run + "-" + NAMES.incrementAndGet();
    }

    /** As {@link #queueName}, ending in {@code .fifo}: a FIFO queue on Sluice, an ordinary queue on Artemis. */
    public String fifoQueueName(String base) {
        return queueName(base) + ".fifo";
    }

    /** A connection, not started, closed after the test. */
    public Connection connection() throws JMSException {
        Connection c = factory.createConnection();
        resources.add(c);
        return c;
    }

    /** A JMSContext in this session mode, closed after the test. */
    public JMSContext context(int sessionMode) {
        JMSContext c = factory.createContext(sessionMode);
        resources.add(c);
        return c;
    }

    /**
     * Gives {@code source} a redelivery limit: a message delivered {@code maxDeliveries} times without being
     * acknowledged goes to {@code deadLetter}, an ordinary queue. Call before the first use of either queue.
     * <ul>
     * <li>Sluice: both queues created through the engine, the source with RedrivePolicy
     * {@code {"deadLetterTargetArn": <dlq arn>, "maxReceiveCount": maxDeliveries}}.</li>
     * <li>Artemis: address settings for the source with max-delivery-attempts and dead-letter-address, and
     * the dead-letter queue created on that address.</li>
     * </ul>
     */
    public void deadLetter(String source, String deadLetter, int maxDeliveries) throws Exception {
        if (isSluice()) {
            sluiceEngine.createQueue(deadLetter, Map.of(), Map.of());
            String policy = new RedrivePolicy(sluiceEngine.queueArn(deadLetter), maxDeliveries).toJson();
            sluiceEngine.createQueue(source, Map.of("RedrivePolicy", policy), Map.of());
        } else {
            artemis.createQueue(QueueConfiguration.of(deadLetter).setAddress(deadLetter)
                    .setRoutingType(RoutingType.ANYCAST).setDurable(false).setAutoCreated(false));
            artemis.getAddressSettingsRepository().addMatch(source, new AddressSettings()
                    .setMaxDeliveryAttempts(maxDeliveries)
                    .setDeadLetterAddress(SimpleString.of(deadLetter)));
            artemisMatches.add(source);
        }
    }

    @Override
    public void close() throws Exception {
        Exception first = null;
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                first = first == null ? e : first;
            }
        }
        resources.clear();
        if (sluiceOptions != null) {
            EngineRegistry.release(sluiceOptions);
        }
        for (String match : artemisMatches) {
            artemis.getAddressSettingsRepository().removeMatch(match);
        }
        artemisMatches.clear();
        if (first != null) {
            throw first;
        }
    }

    @Override
    public String toString() {
        return peer.name();
    }
}
