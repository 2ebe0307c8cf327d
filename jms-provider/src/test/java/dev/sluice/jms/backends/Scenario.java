package dev.sluice.jms.backends;

import dev.sluice.jms.SluiceConnectionFactory;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One test's use of a backend: its connections and queues, under names no other test (or earlier run against
 * Amazon SQS) uses; closing it closes the connections and deletes the queues.
 */
final class Scenario implements AutoCloseable {

    private final TestBackend backend;
    private final String settings;
    private final String prefix = "t" + UUID.randomUUID().toString().substring(0, 8) + "-";
    private final List<Connection> connections = new ArrayList<>();
    private final List<String> queues = new ArrayList<>();

    Scenario(TestBackend backend, String settings) {
        this.backend = backend;
        this.settings = settings;
    }

    static Scenario on(TestBackend backend) {
        return new Scenario(backend, "");
    }

    static Scenario on(TestBackend backend, String settings) {
        return new Scenario(backend, settings);
    }

    TestBackend backend() {
        return backend;
    }

    SluiceConnectionFactory factory() {
        return backend.factory(settings);
    }

    /** A queue name of this test ({@code .fifo} kept at the end); the queue is deleted when the test ends. */
    String queue(String name) {
        String q = name.endsWith(".fifo") ? prefix + name.substring(0, name.length() - 5) + ".fifo" : prefix + name;
        queues.add(q);
        return q;
    }

    /** Creates the queue with attributes through the backend's administration. */
    String createQueue(String name, Map<String, String> attributes) {
        String q = queue(name);
        backend.createQueue(q, attributes);
        return q;
    }

    Connection connection() throws JMSException {
        Connection c = factory().createConnection();
        connections.add(c);
        return c;
    }

    Connection started() throws JMSException {
        Connection c = connection();
        c.start();
        return c;
    }

    @Override
    public void close() {
        for (Connection c : connections) {
            try {
                c.close();
            } catch (Exception e) {
                // already closed, or failed on purpose in the test
            }
        }
        for (String q : queues) {
            try {
                backend.deleteQueue(q);
            } catch (RuntimeException e) {
                // never created, or already deleted by the test
            }
        }
    }
}
