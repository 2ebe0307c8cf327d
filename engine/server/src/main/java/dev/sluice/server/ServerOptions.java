package dev.sluice.server;

import dev.sluice.engine.EngineOptions;

import java.nio.file.Path;
import java.util.Map;

/**
 * The launcher's settings.
 *
 * @param credentials access key id → secret key; empty means none configured
 */
public record ServerOptions(int port, String bind, Path dataDir, EngineOptions.Storage storage, String region,
                            String account, Map<String, String> credentials) {

    public static final int DEFAULT_PORT = 9324;

    public static ServerOptions defaults() {
        return new ServerOptions(DEFAULT_PORT, "127.0.0.1", Path.of("sluice-data"), EngineOptions.Storage.DURABLE,
                EngineOptions.DEFAULT_REGION, EngineOptions.DEFAULT_ACCOUNT, Map.of());
    }

    public ServerOptions withPort(int p) {
        return new ServerOptions(p, bind, dataDir, storage, region, account, credentials);
    }

    public ServerOptions withBind(String b) {
        return new ServerOptions(port, b, dataDir, storage, region, account, credentials);
    }

    public ServerOptions withDataDir(Path d) {
        return new ServerOptions(port, bind, d, storage, region, account, credentials);
    }

    public ServerOptions withStorage(EngineOptions.Storage s) {
        return new ServerOptions(port, bind, dataDir, s, region, account, credentials);
    }

    public ServerOptions withRegion(String r) {
        return new ServerOptions(port, bind, dataDir, storage, r, account, credentials);
    }

    public ServerOptions withAccount(String a) {
        return new ServerOptions(port, bind, dataDir, storage, region, a, credentials);
    }

    public ServerOptions withCredentials(Map<String, String> c) {
        return new ServerOptions(port, bind, dataDir, storage, region, account, Map.copyOf(c));
    }

    public EngineOptions engineOptions() {
        EngineOptions base = storage == EngineOptions.Storage.MEMORY ? EngineOptions.memory()
                : EngineOptions.durable(dataDir);
        return base.withRegion(region).withAccount(account);
    }

    /** Whether the bind address only accepts connections from this machine. */
    public boolean loopbackOnly() {
        try {
            return java.net.InetAddress.getByName(bind).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }
}
