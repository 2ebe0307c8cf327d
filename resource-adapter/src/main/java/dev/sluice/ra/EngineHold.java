package dev.sluice.ra;

import dev.sluice.engine.EngineOptions;
import dev.sluice.engine.SqsEngine;
import dev.sluice.jms.SluiceSettings;
import dev.sluice.jms.embedded.EngineRegistry;

/** The adapter's reference to the embedded engine of its data directory, shared with every other user of it. */
final class EngineHold {

    private final EngineOptions options;
    private final SqsEngine engine;

    private EngineHold(EngineOptions options) {
        this.options = options;
        this.engine = EngineRegistry.acquire(options);
    }

    static EngineHold acquire(SluiceSettings settings) {
        return new EngineHold(settings.engineOptions());
    }

    SqsEngine engine() {
        return engine;
    }

    EngineOptions options() {
        return options;
    }

    void release() {
        EngineRegistry.release(options);
    }
}
