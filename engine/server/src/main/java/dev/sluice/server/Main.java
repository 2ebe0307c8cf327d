package dev.sluice.server;

import dev.sluice.engine.EngineOptions;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar sluice-server.jar [--port 9324] [--bind 127.0.0.1] [--data-dir DIR]
 * [--storage durable|memory] [--region us-east-1] [--account 000000000000]
 * [--credentials ACCESS_KEY:SECRET_KEY]...}
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        ServerOptions options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("sluice-server: " + e.getMessage());
            System.err.println(usage());
            System.exit(2);
            return;
        }
        SluiceServer server;
        try {
            server = SluiceServer.start(options);
        } catch (IllegalArgumentException e) {
            System.err.println("sluice-server: " + e.getMessage());
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "sluice-shutdown"));
        System.out.println("Sluice SQS endpoint: " + server.endpointUrl() + " (" + options.storage().name()
                .toLowerCase(Locale.ROOT) + (options.storage() == EngineOptions.Storage.DURABLE ? " in "
                + options.dataDir().toAbsolutePath() : "") + ", region " + options.region() + ", account "
                + options.account() + ")");
        System.out.flush();
        stopped.await();
    }

    static ServerOptions parse(String[] args) {
        ServerOptions o = ServerOptions.defaults();
        Map<String, String> credentials = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--help") || flag.equals("-h")) {
                System.out.println(usage());
                System.exit(0);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + flag + " needs a value");
            }
            String value = args[++i];
            switch (flag) {
                case "--port" -> o = o.withPort(port(value));
                case "--bind" -> o = o.withBind(value);
                case "--data-dir" -> o = o.withDataDir(Path.of(value));
                case "--storage" -> o = o.withStorage(storage(value));
                case "--region" -> o = o.withRegion(value);
                case "--account" -> o = o.withAccount(account(value));
                case "--credentials" -> {
                    int colon = value.indexOf(':');
                    if (colon <= 0 || colon == value.length() - 1) {
                        throw new IllegalArgumentException("--credentials takes ACCESS_KEY:SECRET_KEY");
                    }
                    credentials.put(value.substring(0, colon), value.substring(colon + 1));
                }
                default -> throw new IllegalArgumentException("unknown option " + flag);
            }
        }
        return o.withCredentials(credentials);
    }

    private static int port(String value) {
        try {
            int p = Integer.parseInt(value);
            if (p >= 0 && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--port must be a number from 0 to 65535, not " + value);
    }

    private static EngineOptions.Storage storage(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "durable" -> EngineOptions.Storage.DURABLE;
            case "memory" -> EngineOptions.Storage.MEMORY;
            default -> throw new IllegalArgumentException("--storage must be durable or memory, not " + value);
        };
    }

    private static String account(String value) {
        if (!value.matches("\\d{12}")) {
            throw new IllegalArgumentException("--account must be 12 digits, not " + value);
        }
        return value;
    }

    static String usage() {
        return "usage: java -jar sluice-server.jar [--port 9324] [--bind 127.0.0.1] [--data-dir sluice-data]\n"
                + "       [--storage durable|memory] [--region us-east-1] [--account 000000000000]\n"
                + "       [--credentials ACCESS_KEY:SECRET_KEY]...";
    }
}
