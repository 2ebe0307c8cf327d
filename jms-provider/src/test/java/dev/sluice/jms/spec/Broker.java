package dev.sluice.jms.spec;

import dev.sluice.engine.EngineOptions;
import dev.sluice.engine.SqsEngine;
import dev.sluice.engine.time.Clock;
import dev.sluice.engine.time.ManualClock;
import dev.sluice.jms.SluiceConnectionFactory;
import dev.sluice.jms.embedded.EngineRegistry;
import jakarta.jms.Connection;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A private in-memory engine for one test, with a connection factory over it. The test holds the engine
 * open (so queues outlive the test's connections) and closes everything with this object.
 */
public final class Broker implements AutoCloseable {

    private static final AtomicInteger ENGINES = new AtomicInteger();

    private final ManualClock clock;
    private final EngineOptions options;
    private final SqsEngine engine;
    private final SluiceConnectionFactory factory;
    private final List<AutoCloseable> opened = new ArrayList<>();

    private Broker(ManualClock clock, String settings) {
        this.clock = clock;
        // a distinct (unused) directory name gives each test its own memory engine in the registry
        this.options = new EngineOptions(EngineOptions.Storage.MEMORY, Path.of("test-engine-" + ENGINES.incrementAndGet()),
                EngineOptions.DEFAULT_REGION, EngineOptions.DEFAULT_ACCOUNT, clock == null ? Clock.system() : clock,
                EngineOptions.DEFAULT_MEMORY_LIMIT);
        this.engine = EngineRegistry.acquire(options);
        this.factory = SluiceConnectionFactory.embedded(options);
        factory.setUrl("sluice:embedded?storage=memory" + (settings.isEmpty() ? "" : "&" + settings));
    }

    /** Engine time moves only when the test advances it: use receiveNoWait (a long poll waits in engine time). */
    public static Broker manual() {
        return new Broker(new ManualClock(), "");
    }

    public static Broker manual(String settings) {
        return new Broker(new ManualClock(), settings);
    }

    public static Broker realTime() {
        return new Broker(null, "");
    }

    public static Broker realTime(String settings) {
        return new Broker(null, settings);
    }

    public SluiceConnectionFactory factory() {
        return factory;
    }

    public EngineOptions options() {
        return options;
    }

    public SqsEngine engine() {
        return engine;
    }

    public void advance(Duration d) {
        clock.advance(d);
    }

    public void advanceSeconds(long s) {
        clock.advanceSeconds(s);
    }

    public Connection connection() throws JMSException {
        Connection c = factory.createConnection();
        opened.add(c);
        return c;
    }

    public Connection started() throws JMSException {
        Connection c = connection();
        c.start();
        return c;
    }

    public JMSContext context(int mode) {
        JMSContext c = factory.createContext(mode);
        opened.add(c);
        return c;
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable c : opened) {
            try {
                c.close();
            } catch (Exception ignored) {
                // already closed or failed on purpose in the test
            }
        }
        EngineRegistry.release(options);
    }
}
