package dev.sluice.jms.backends;

import dev.sluice.engine.EngineOptions;
import dev.sluice.server.ServerOptions;
import dev.sluice.server.SluiceServer;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The backends the parameterised suite runs on, started once per test JVM and stopped when it exits:
 * <ul>
 * <li>{@code embedded}: the in-VM engine (memory);</li>
 * <li>{@code sluice-server}: Sluice's SQS endpoint (engine/server) in this JVM on a free loopback port;</li>
 * <li>{@code elasticmq}: ElasticMQ, an independent SQS implementation, likewise;</li>
 * <li>{@code aws}: Amazon SQS, only when the system property {@code sluice.test.backends} names it (the
 * {@code -Paws} profile), with region and credentials from the environment.</li>
 * </ul>
 * {@code sluice.test.backends} (comma-separated) chooses; the default is the three local ones.
 */
public final class Backends {

    private static List<TestBackend> all;

    private Backends() {
    }

    /** The {@code @MethodSource} of the suite. */
    public static synchronized Stream<TestBackend> all() {
        if (all == null) {
            all = start(System.getProperty("sluice.test.backends", "embedded,sluice-server,elasticmq"));
        }
        return all.stream();
    }

    /** Only the SQS endpoints, for tests that are about the SQS backend itself. */
    public static Stream<TestBackend> sqs() {
        return all().filter(TestBackend::sqs);
    }

    private static List<TestBackend> start(String names) {
        List<TestBackend> out = new ArrayList<>();
        for (String name : names.split(",")) {
            switch (name.trim().toLowerCase(Locale.ROOT)) {
                case "embedded" -> out.add(new EmbeddedTestBackend());
                case "sluice-server" -> out.add(sluiceServer());
                case "elasticmq" -> out.add(elasticMq());
                case "aws" -> out.add(aws());
                case "" -> {
                }
                default -> throw new IllegalArgumentException("unknown backend " + name
                        + " in sluice.test.backends (embedded, sluice-server, elasticmq, aws)");
            }
        }
        for (TestBackend b : out) {
            if (b instanceof SqsTestBackend c) {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        c.stop();
                    } catch (Exception e) {
                        // the JVM is exiting
                    }
                }));
            }
        }
        return out;
    }

    static SqsTestBackend sluiceServer() {
        try {
            SluiceServer server = SluiceServer.start(ServerOptions.defaults().withPort(0)
                    .withStorage(EngineOptions.Storage.MEMORY));
            return new SqsTestBackend("sluice-server", server.endpointUrl(), "us-east-1", server);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static SqsTestBackend elasticMq() {
        SQSRestServer server = SQSRestServerBuilder.withInterface("127.0.0.1").withPort(0).start();
        int port = server.waitUntilStarted().localAddress().getPort();
        return new SqsTestBackend("elasticmq", "http://127.0.0.1:" + port, "us-east-1", server::stopAndWait);
    }

    /** Amazon SQS: AWS_REGION (or AWS_DEFAULT_REGION) and the default credentials chain. */
    static SqsTestBackend aws() {
        String region = System.getenv("AWS_REGION") != null ? System.getenv("AWS_REGION") : System.getenv("AWS_DEFAULT_REGION");
        if (region == null) {
            throw new IllegalStateException("-Paws runs the suite against Amazon SQS: set AWS_REGION and credentials "
                    + "(AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or AWS_PROFILE) in the environment");
        }
        return new SqsTestBackend("aws", null, region, null);
    }
}
