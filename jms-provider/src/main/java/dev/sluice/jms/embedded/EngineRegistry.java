package dev.sluice.jms.embedded;

import dev.sluice.engine.EngineOptions;
import dev.sluice.engine.SqsEngine;
import dev.sluice.engine.time.Clock;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * One engine per data directory in this JVM, shared by every connection factory, connection and resource
 * adapter instance that names it (an app server may start several adapter instances; two engines on one
 * directory would corrupt each other). Reference-counted: the last release closes the engine.
 */
public final class EngineRegistry {

    private static final Map<String, Shared> ENGINES = new HashMap<>();

    private static final class Shared {
        final SqsEngine engine;
        int users;

        Shared(SqsEngine engine) {
            this.engine = engine;
        }
    }

    private EngineRegistry() {
    }

    /** The engine for this directory (or this named memory store), opened on first use. */
    public static synchronized SqsEngine acquire(EngineOptions options) {
        String key = key(options);
        Shared s = ENGINES.computeIfAbsent(key, k -> new Shared(SqsEngine.open(options)));
        s.users++;
        return s.engine;
    }

    /**
     * One user less. A durable engine closes with its last user (its data is on disk); a memory engine lives
     * as long as the JVM, like an in-VM broker, so its queues outlive the connections that used them.
     */
    public static synchronized void release(EngineOptions options) {
        String key = key(options);
        Shared s = ENGINES.get(key);
        if (s != null && --s.users == 0 && options.storage() == EngineOptions.Storage.DURABLE) {
            ENGINES.remove(key);
            s.engine.close();
        }
    }

    private static String key(EngineOptions options) {
        if (options.storage() == EngineOptions.Storage.MEMORY) {
            // a memory engine on its own clock (a test's ManualClock) is a different engine: sharing one
            // would silently run the caller's queues on somebody else's time
            String clock = options.clock() == Clock.system() ? "" : "@clock" + System.identityHashCode(options.clock());
            return "memory:" + (options.dataDir() == null ? "" : options.dataDir().toString()) + clock;
        }
        return "durable:" + canonical(options.dataDir());
    }

    private static String canonical(Path dir) {
        return dir.toAbsolutePath().normalize().toString();
    }
}
