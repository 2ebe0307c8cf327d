package dev.sluice.engine;

import dev.sluice.engine.time.Clock;

import java.nio.file.Path;

/**
 * How to open an engine.
 *
 * @param storage             {@code durable} (SQLite in {@code dataDir}) or {@code memory}
 * @param memoryLimitPerQueue with durable storage, how many messages of one queue stay in memory; the rest
 *                            wait on disk
 */
public record EngineOptions(Storage storage, Path dataDir, String region, String account, Clock clock,
                            int memoryLimitPerQueue) {

    public enum Storage { DURABLE, MEMORY }

    public static final String DEFAULT_REGION = "us-east-1";
    public static final String DEFAULT_ACCOUNT = "000000000000";
    public static final int DEFAULT_MEMORY_LIMIT = 20_000;

    public static EngineOptions durable(Path dataDir) {
        return new EngineOptions(Storage.DURABLE, dataDir, DEFAULT_REGION, DEFAULT_ACCOUNT, Clock.system(),
                DEFAULT_MEMORY_LIMIT);
    }

    public static EngineOptions memory() {
        return new EngineOptions(Storage.MEMORY, null, DEFAULT_REGION, DEFAULT_ACCOUNT, Clock.system(),
                DEFAULT_MEMORY_LIMIT);
    }

    public EngineOptions withClock(Clock c) {
        return new EngineOptions(storage, dataDir, region, account, c, memoryLimitPerQueue);
    }

    public EngineOptions withRegion(String r) {
        return new EngineOptions(storage, dataDir, r, account, clock, memoryLimitPerQueue);
    }

    public EngineOptions withAccount(String a) {
        return new EngineOptions(storage, dataDir, region, a, clock, memoryLimitPerQueue);
    }

    public EngineOptions withMemoryLimitPerQueue(int limit) {
        return new EngineOptions(storage, dataDir, region, account, clock, limit);
    }
}
