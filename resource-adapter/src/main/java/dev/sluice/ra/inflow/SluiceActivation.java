package dev.sluice.ra.inflow;

import dev.sluice.jms.SluiceConnection;
import dev.sluice.jms.SluiceConnectionFactory;
import dev.sluice.jms.SluiceQueue;
import dev.sluice.jms.SluiceSettings;
import dev.sluice.jms.SluiceTopic;
import dev.sluice.ra.SluiceResourceAdapter;
import dev.sluice.ra.outbound.PooledConnectionFactory;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.WorkAdapter;
import jakarta.resource.spi.work.WorkEvent;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkListener;
import jakarta.resource.spi.work.WorkManager;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * One MDB endpoint bound to one queue or topic subscription: a connection with the activation's settings and {@code maxSession}
 * {@link SessionPoller}s on the WorkManager. Deactivation stops the polling, waits for deliveries in progress
 * and gives back whatever was received but not delivered.
 */
public final class SluiceActivation {

    private static final System.Logger LOG = System.getLogger(SluiceActivation.class.getName());
    /** How long deactivation waits for deliveries in progress before it closes the connection anyway. */
    private static final long DRAIN_SECONDS = 60;

    private final SluiceResourceAdapter adapter;
    private final MessageEndpointFactory endpoints;
    private final SluiceActivationSpec spec;
    private final List<SessionPoller> pollers = new ArrayList<>();
    private SluiceConnection connection;
    /** A session the WorkManager never runs would silently consume nothing: say so. */
    private final WorkListener rejections = new WorkAdapter() {
        @Override
        public void workRejected(WorkEvent e) {
            LOG.log(System.Logger.Level.ERROR, "The WorkManager rejected an MDB session for " + spec + " ("
                    + e.getException() + "); fewer than maxSession=" + spec.getMaxSession()
                    + " sessions deliver. Raise the server's long-running thread pool or lower maxSession.");
        }
    };

    public SluiceActivation(SluiceResourceAdapter adapter, MessageEndpointFactory endpoints, SluiceActivationSpec spec) {
        this.adapter = adapter;
        this.endpoints = endpoints;
        this.spec = spec;
    }

    public synchronized void start() throws ResourceException {
        SluiceConnectionFactory factory = factory();
        SluiceSettings settings = settings(factory.settings());
        InflowSource source = source();
        try {
            connection = (SluiceConnection) factory.withSettings(settings).createConnection();
            if (spec.getClientId() != null && !spec.getClientId().isBlank()) {
                connection.setClientID(spec.getClientId().trim());
            }
            connection.setExceptionListener(e -> LOG.log(System.Logger.Level.WARNING,
                    "MDB connection for " + spec + ": " + e.getMessage()));
            connection.start();
            // a consumer made now: a missing queue, a bad selector, a feature the backend lacks or a subscription
            // conflict fails the deployment with its reason, instead of every poll failing later (for a durable
            // subscription this also creates it, so it collects messages from deployment on)
            try (Session probe = connection.createSession()) {
                source.open(probe, spec.getMessageSelector()).close();
            }
            WorkManager work = adapter.workManager();
            for (int i = 0; i < spec.getMaxSession(); i++) {
                SessionPoller p = new SessionPoller(connection, source, spec.getMessageSelector(), spec.dupsOk(),
                        settings.waitTimeSeconds() * 1000L, endpoints);
                pollers.add(p);
                work.scheduleWork(p, WorkManager.INDEFINITE, null, rejections);
            }
        } catch (JMSException e) {
            stop();
            throw new ResourceAdapterInternalException("Could not activate the MDB for " + spec + " on " + settings
                    + ": " + e.getMessage(), e);
        } catch (WorkException e) {
            stop();
            throw new ResourceAdapterInternalException("The WorkManager refused the MDB sessions for " + spec + ": "
                    + e.getMessage(), e);
        }
        LOG.log(System.Logger.Level.INFO, "MDB activated: " + spec);
    }

    /**
     * Where the MDB receives from: the connection factory named by {@code connectionFactoryLookup} (one of this
     * adapter's, or a {@link SluiceConnectionFactory} bound by the application), else the adapter's own settings.
     */
    private SluiceConnectionFactory factory() throws ResourceException {
        String name = spec.getConnectionFactoryLookup();
        if (name == null || name.isBlank()) {
            return new SluiceConnectionFactory(adapter.settings());
        }
        Object found = lookup("connectionFactoryLookup", name.trim());
        if (found instanceof SluiceConnectionFactory f) {
            return f;
        }
        if (found instanceof PooledConnectionFactory pooled) {
            return new SluiceConnectionFactory(pooled.settings());
        }
        throw new InvalidPropertyException("connectionFactoryLookup: " + name.trim() + " names a "
                + found.getClass().getName() + ", not a Sluice connection factory (one of this adapter's connection "
                + "definitions or a dev.sluice.jms.SluiceConnectionFactory)");
    }

    private static Object lookup(String property, String name) throws InvalidPropertyException {
        try {
            Object found = new InitialContext().lookup(name);
            if (found == null) {
                throw new NamingException("the binding is null");
            }
            return found;
        } catch (NamingException e) {
            throw new InvalidPropertyException(property + ": nothing is bound at " + name + ": " + e.getMessage(), e);
        }
    }

    /** The factory's settings with this activation's own on top. */
    private SluiceSettings settings(SluiceSettings base) throws ResourceException {
        SluiceSettings s = base;
        try {
            s = s.withIfSet("visibilityTimeout", spec.getVisibilityTimeout());
            s = s.withIfSet("waitTimeSeconds", spec.getWaitTimeSeconds());
            s = s.withIfSet("redeliveryDelay", spec.getRedeliveryDelay());
            s = s.withIfSet("redeliveryBackoff", spec.getRedeliveryBackoff());
            s = s.withIfSet("maxRedeliveryDelay", spec.getMaxRedeliveryDelay());
            // messages per ReceiveMessage on an SQS backend (prefetched ones get their visibility extended);
            // the embedded engine has no round trip to save and hands over one message at a time
            return s.withIfSet("prefetch", spec.getMaxMessages());
        } catch (JMSException e) {
            throw new InvalidPropertyException("Invalid Sluice activation for " + spec + ": " + e.getMessage(), e);
        }
    }

    /** The queue, or the subscription every session of this MDB shares. */
    private InflowSource source() throws ResourceException {
        Destination d = destination();
        if (!(d instanceof Topic)) {
            return InflowSource.queue(d);
        }
        boolean durable = spec.durable();
        String name = spec.getSubscriptionName() != null && !spec.getSubscriptionName().isBlank()
                ? spec.getSubscriptionName().trim()
                // a non-durable subscription without a name is this activation's own, gone when it stops
                : "mdb-" + UUID.randomUUID();
        return new InflowSource(d, name, durable);
    }

    private Destination destination() throws ResourceException {
        if (spec.getDestination() != null && !spec.getDestination().isBlank()) {
            String name = spec.getDestination().trim();
            return spec.topic() ? new SluiceTopic(name) : new SluiceQueue(name);
        }
        String type = spec.topic() ? "jakarta.jms.Topic" : "jakarta.jms.Queue";
        Object found = lookup("destinationLookup", spec.getDestinationLookup().trim());
        if (spec.topic() ? found instanceof Topic : found instanceof Queue) {
            return (Destination) found;
        }
        throw new InvalidPropertyException("destinationLookup: " + spec.getDestinationLookup()
                + " names " + found + ", not a " + type + " (destinationType is " + spec.getDestinationType() + ")");
    }

    public synchronized void stop() {
        pollers.forEach(SessionPoller::release);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DRAIN_SECONDS);
        boolean drained = true;
        try {
            for (SessionPoller p : pollers) {
                if (!p.awaitFinished(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    drained = false;
                    LOG.log(System.Logger.Level.WARNING, "An MDB delivery on " + spec + " was still running after "
                            + DRAIN_SECONDS + " s of deactivation; its message will be redelivered.");
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            drained = false;
        }
        pollers.clear();
        SluiceConnection c = connection;
        connection = null;
        if (c == null) {
            return;
        }
        if (drained) {
            close(c);
        } else {
            // closing waits for the running delivery: do not hold up undeployment or shutdown behind a hung bean
            Thread closer = new Thread(() -> close(c), "sluice-mdb-close");
            closer.setDaemon(true);
            closer.start();
        }
    }

    private void close(SluiceConnection c) {
        try {
            c.close();
        } catch (JMSException e) {
            LOG.log(System.Logger.Level.WARNING, "Closing the MDB connection for " + spec + ": " + e.getMessage());
        }
    }
}
