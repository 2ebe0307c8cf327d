package dev.sluice.jms.backends;

import dev.sluice.jms.SluiceConnectionFactory;
import dev.sluice.server.ServerOptions;
import dev.sluice.server.SluiceServer;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The SQS endpoint (Sluice's server, durable) goes away and comes back on the same port while a listener
 * consumes: the consumer reports the outage through the ExceptionListener, resumes by itself, and every
 * message sent before and after arrives (at least once).
 */
class EndpointRestartTest {

    private static final int MESSAGES = 40;

    @TempDir
    Path data;

    @Test
    void aListenerRidesOutAnEndpointRestartWithoutLosingAMessage() throws Exception {
        AtomicReference<SluiceServer> server = new AtomicReference<>(SluiceServer.start(options(0)));
        int port = server.get().port();
        String url = "sluice:sqs?endpoint=" + server.get().endpointUrl()
                + "&maxAttempts=2&waitTimeSeconds=1&visibilityTimeout=2";
        SluiceConnectionFactory factory = new SluiceConnectionFactory(url);
        Set<String> received = ConcurrentHashMap.newKeySet();
        List<JMSException> reported = new CopyOnWriteArrayList<>();
        try (Connection consumer = factory.createConnection(); Connection producer = factory.createConnection()) {
            Session ps = producer.createSession(Session.AUTO_ACKNOWLEDGE);
            Queue q = ps.createQueue("restart");
            MessageProducer p = ps.createProducer(q);
            send(ps, p, 0, MESSAGES / 2);

            consumer.setExceptionListener(reported::add);
            consumer.createSession(Session.AUTO_ACKNOWLEDGE).createConsumer(q).setMessageListener(m -> {
                try {
                    received.add(((TextMessage) m).getText());
                } catch (JMSException e) {
                    throw new IllegalStateException(e);
                }
            });
            consumer.start();
            await().atMost(Duration.ofSeconds(20)).until(() -> received.size() >= 5);

            server.get().close();
            await().atMost(Duration.ofSeconds(30)).until(() -> !reported.isEmpty());
            assertThat(reported.get(0)).hasMessageContaining("the SQS endpoint " + "http://127.0.0.1:" + port);

            // the same port and data directory: the port may take a moment to be free again
            await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> {
                server.set(SluiceServer.start(options(port)));
                return true;
            });
            send(ps, p, MESSAGES / 2, MESSAGES);
            Set<String> all = IntStream.range(0, MESSAGES).mapToObj(i -> "m" + i).collect(Collectors.toSet());
            await().atMost(Duration.ofSeconds(60)).until(() -> received.containsAll(all));
            assertThat(received).isEqualTo(all);
        } finally {
            server.get().close();
        }
    }

    private ServerOptions options(int port) {
        return ServerOptions.defaults().withPort(port).withDataDir(data);
    }

    /** Sends m{from}…m{to-1}; a send that fails while the endpoint is still coming up is sent again. */
    private static void send(Session s, MessageProducer p, int from, int to) {
        for (int i = from; i < to; i++) {
            String body = "m" + i;
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
                p.send(s.createTextMessage(body));
                return true;
            });
        }
    }
}
