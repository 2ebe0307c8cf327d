package dev.sluice.jms.backends;

import dev.sluice.jms.SluiceConnectionFactory;
import dev.sluice.jms.SluiceSettings;
import dev.sluice.jms.sqs.SqsBackend;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.TransactionRolledBackException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.awaitility.Awaitility.await;

/** What is particular to the SQS backend: prefetch, configuration, retries, errors. */
class SqsBackendTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sluice.jms.backends.Backends#sqs")
    void prefetchedMessagesStayHiddenWhileBufferedAndComeBackOnClose(TestBackend backend) throws Exception {
        try (Scenario s = Scenario.on(backend, "prefetch=10&visibilityTimeout=2")) {
            Connection prefetching = s.started();
            Session session = prefetching.createSession(Session.CLIENT_ACKNOWLEDGE);
            Queue q = session.createQueue(s.queue("prefetch"));
            MessageProducer p = session.createProducer(q);
            for (int i = 0; i < 5; i++) {
                p.send(session.createTextMessage("m" + i));
            }
            MessageConsumer c = session.createConsumer(q);
            Message first = c.receive(10_000);
            assertThat(first).isNotNull();
            first.acknowledge();
            // SQS may answer a receive with fewer messages than there are: fetch until one call buffered some
            MessageConsumer other = s.started().createSession(Session.AUTO_ACKNOWLEDGE).createConsumer(q);
            Set<String> seenByOther = new HashSet<>();
            // longer than the 2 s visibility timeout: the buffered messages are extended, so nobody else gets them
            await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(10)).until(() -> {
                Message m = other.receiveNoWait();
                if (m != null) {
                    seenByOther.add(((TextMessage) m).getText());
                }
                return true;
            });
            int buffered = 4 - seenByOther.size();
            assertThat(buffered).as("messages the first call prefetched").isGreaterThan(0);
            assertThat(seenByOther).as("only what was never fetched by the prefetching consumer").hasSizeLessThan(4);
            prefetching.close();
            Set<String> returned = new HashSet<>();
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                Message m = other.receive(1_000);
                if (m != null) {
                    returned.add(((TextMessage) m).getText());
                }
                return returned.size() == buffered;
            });
            assertThat(returned).doesNotContain("m0").noneMatch(seenByOther::contains);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sluice.jms.backends.Backends#all")
    void autoCreatedQueuesGetTheConfiguredAttributes(TestBackend backend) throws Exception {
        try (Scenario s = Scenario.on(backend, "queueAttributes=VisibilityTimeout%3D7%3BMessageRetentionPeriod%3D3600")) {
            Session session = s.connection().createSession(Session.AUTO_ACKNOWLEDGE);
            Queue q = session.createQueue(s.queue("configured"));
            session.createProducer(q).send(session.createTextMessage("x"));
            MessageConsumer c = session.createConsumer(q);
            assertThat(((dev.sluice.jms.SluiceMessageConsumer) c).getVisibilityTimeout()).isEqualTo(7);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sluice.jms.backends.Backends#sqs")
    void throttlingAndServerErrorsAreRetriedWithBackOff(TestBackend backend) throws Exception {
        String endpoint = ((SqsTestBackend) backend).endpoint();
        try (FlakyEndpoint flaky = new FlakyEndpoint(endpoint, 2);
             Connection c = new SluiceConnectionFactory("sluice:sqs?endpoint=" + flaky.url() + "&maxAttempts=5")
                     .createConnection()) {
            c.start();
            Session session = c.createSession(Session.AUTO_ACKNOWLEDGE);
            Queue q = session.createQueue("flaky-" + System.nanoTime());
            session.createProducer(q).send(session.createTextMessage("through"));
            assertThat(((TextMessage) session.createConsumer(q).receive(10_000)).getText()).isEqualTo("through");
            assertThat(flaky.log.subList(0, 3)).containsExactly("throttled", "503", "forwarded");
            backend.deleteQueue(q.getQueueName());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sluice.jms.backends.Backends#sqs")
    void aFailureThatOutlastsTheRetriesIsAJmsExceptionNamingTheEndpoint(TestBackend backend) throws Exception {
        String endpoint = ((SqsTestBackend) backend).endpoint();
        try (FlakyEndpoint flaky = new FlakyEndpoint(endpoint, 100);
             Connection c = new SluiceConnectionFactory("sluice:sqs?endpoint=" + flaky.url() + "&maxAttempts=2")
                     .createConnection()) {
            Session session = c.createSession(Session.AUTO_ACKNOWLEDGE);
            assertThatThrownBy(() -> session.createProducer(session.createQueue("never")))
                    .isInstanceOf(JMSException.class)
                    .hasMessageContaining("the SQS endpoint " + flaky.url());
            assertThat(flaky.log).hasSize(2);
        }
    }

    /**
     * Sends of several threads to one queue go together in a SendMessageBatch; an entry SQS failed on its side
     * (SenderFault false) is retried, as a lone SendMessage would be (docs/sqs-backend.md, Retries and outages),
     * instead of failing that caller's send.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sluice.jms.backends.Backends#sqs")
    void aBatchedSendThatSqsFailedOnItsSideIsRetried(TestBackend backend) throws Exception {
        batchedSendsFailedOnSqsSide(backend, false);
    }

    /**
     * The thread leading a SendMessageBatch carries other threads' sends: an interrupt of it during the back-off
     * before a retry does not fail theirs (nor its own); it keeps its interrupt status for its caller.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sluice.jms.backends.Backends#sqs")
    void anInterruptOfTheThreadLeadingABatchDoesNotFailTheOtherSends(TestBackend backend) throws Exception {
        batchedSendsFailedOnSqsSide(backend, true);
    }

    /**
     * Three threads send to one queue; the probe holds the first SendMessage so the other two go in one
     * SendMessageBatch, whose first two attempts SQS fails on its side. With {@code interruptLeader} the thread
     * sending that batch is interrupted while it waits to retry.
     */
    private static void batchedSendsFailedOnSqsSide(TestBackend backend, boolean interruptLeader) throws Exception {
        String endpoint = ((SqsTestBackend) backend).endpoint();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try (FlakyEndpoint probe = FlakyEndpoint.batchProbe(endpoint, 2);
             Connection c = new SluiceConnectionFactory("sluice:sqs?endpoint=" + probe.url() + "&maxAttempts=4")
                     .createConnection()) {
            String name = "batched-" + System.nanoTime();
            List<MessageProducer> producers = new ArrayList<>();
            List<Session> sessions = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Session s = c.createSession(Session.AUTO_ACKNOWLEDGE);
                sessions.add(s);
                producers.add(s.createProducer(s.createQueue(name))); // looks the queue up now, not in send
            }
            List<Thread> senders = new CopyOnWriteArrayList<>();
            Map<Thread, Boolean> interruptedAfterSend = new ConcurrentHashMap<>();
            List<Future<?>> sends = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                int n = i;
                sends.add(pool.submit(() -> {
                    senders.add(Thread.currentThread());
                    producers.get(n).send(sessions.get(n).createTextMessage("m" + n));
                    interruptedAfterSend.put(Thread.currentThread(), Thread.interrupted());
                    return null;
                }));
                if (i == 0) {
                    await().atMost(Duration.ofSeconds(10)).until(() -> probe.log.contains("held"));
                }
            }
            // the two later sends wait behind the held one, for the next batch
            await().atMost(Duration.ofSeconds(10)).until(() -> senders.size() == 3 && senders.stream()
                    .filter(t -> t.getState() == Thread.State.WAITING).count() == 2);
            probe.firstSendMayGo.countDown();
            Thread interrupted = interruptLeader ? interruptWhilePausingToRetry(senders) : null;
            for (Future<?> f : sends) {
                f.get(30, TimeUnit.SECONDS);
            }
            assertThat(probe.log).contains("batch failed");
            if (interruptLeader) {
                assertThat(interruptedAfterSend).containsEntry(interrupted, true);
                assertThat(interruptedAfterSend.values().stream().filter(b -> b).count()).isEqualTo(1);
            }
            c.start();
            MessageConsumer consumer = sessions.get(0).createConsumer(sessions.get(0).createQueue(name));
            Set<String> got = new HashSet<>();
            for (int i = 0; i < 3; i++) {
                got.add(((TextMessage) consumer.receive(10_000)).getText());
            }
            assertThat(got).containsExactlyInAnyOrder("m0", "m1", "m2");
            backend.deleteQueue(name);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Interrupts the sender that waits to retry a batch (in its back-off, 100 then 200 ms) and answers it. */
    private static Thread interruptWhilePausingToRetry(List<Thread> senders) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            for (Thread t : senders) {
                if (Arrays.stream(t.getStackTrace()).anyMatch(f -> f.getMethodName().equals("pauseBeforeRetry"))) {
                    t.interrupt();
                    return t;
                }
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("no sender paused to retry its batch");
    }

    /**
     * A SendMessageBatch answered without an outcome for its entries (a broken endpoint or proxy) is asked again
     * only {@code maxAttempts} times: the commit then fails, nothing having been sent, instead of asking forever.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sluice.jms.backends.Backends#sqs")
    void aTransactedCommitWhoseBatchGetsNoOutcomeFailsAfterTheRetries(TestBackend backend) throws Exception {
        String endpoint = ((SqsTestBackend) backend).endpoint();
        try (FlakyEndpoint silent = FlakyEndpoint.batchesWithoutOutcome(endpoint);
             Connection c = new SluiceConnectionFactory("sluice:sqs?endpoint=" + silent.url() + "&maxAttempts=3")
                     .createConnection()) {
            Session tx = c.createSession(Session.SESSION_TRANSACTED);
            Queue q = tx.createQueue("no-outcome-" + System.nanoTime());
            MessageProducer p = tx.createProducer(q);
            p.send(tx.createTextMessage("one"));
            p.send(tx.createTextMessage("two"));
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThatThrownBy(tx::commit)
                    .isInstanceOf(TransactionRolledBackException.class)
                    .hasMessageContaining("answered no outcome"));
            assertThat(silent.log.stream().filter("no outcome"::equals).count()).isEqualTo(3);
            backend.deleteQueue(q.getQueueName());
        }
    }

    /**
     * SQS answers throttling (RequestThrottled) and a reached limit (OverLimit, e.g. too many messages in flight)
     * with HTTP 403, the status of refused credentials too: they are plain JMSExceptions with SQS's error code, not
     * a JMSSecurityException that sends the operator looking at credentials.
     */
    @Test
    void throttlingAndLimitsAnsweredWith403AreNotRefusedCredentials() throws Exception {
        for (String code : new String[]{"RequestThrottled", "OverLimit"}) {
            try (FlakyEndpoint sqs = FlakyEndpoint.alwaysFailing(403, code, "Rate or limit exceeded");
                 Connection c = new SluiceConnectionFactory("sluice:sqs?endpoint=" + sqs.url() + "&maxAttempts=1")
                         .createConnection()) {
                Session session = c.createSession(Session.AUTO_ACKNOWLEDGE);
                assertThatThrownBy(() -> session.createProducer(session.createQueue("busy")))
                        .isInstanceOf(JMSException.class)
                        .isNotInstanceOf(JMSSecurityException.class)
                        .hasMessageContaining("the SQS endpoint " + sqs.url())
                        .hasMessageContaining(code)
                        .hasMessageNotContaining("credentials")
                        .satisfies(e -> assertThat(((JMSException) e).getErrorCode()).isEqualTo(code));
            }
        }
    }

    @Test
    void anUnreachableEndpointIsReportedAsSuch() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try (Connection c = new SluiceConnectionFactory("sluice:sqs?endpoint=http://127.0.0.1:" + port + "&maxAttempts=1")
                .createConnection()) {
            Session session = c.createSession(Session.AUTO_ACKNOWLEDGE);
            assertThatThrownBy(() -> session.createProducer(session.createQueue("q")))
                    .isInstanceOf(JMSException.class)
                    .hasMessageContaining("could not be reached")
                    .satisfies(e -> assertThat(((JMSException) e).getErrorCode()).isEqualTo("Unreachable"));
        }
    }

    @Test
    void badSettingsAreNamed() {
        assertThatThrownBy(() -> new SluiceConnectionFactory("sluice:sqs?endpoint=ftp://x").createConnection())
                .isInstanceOf(JMSException.class).hasMessageContaining("endpoint must be an http(s) URL");
        assertThatThrownBy(() -> new SluiceConnectionFactory("sluice:sqs?endpoint=http://127.0.0.1:1&accessKeyId=AKIA")
                .createConnection()).isInstanceOf(JMSException.class).hasMessageContaining("secretAccessKey");
        assertThatThrownBy(() -> SluiceSettings.parse("sluice:sqs?prefetch=11"))
                .isInstanceOf(JMSException.class).hasMessageContaining("prefetch must be a whole number from 1 to 10");
        assertThatThrownBy(() -> SluiceSettings.parse("sluice:sqs?queueAttributes=nonsense"))
                .isInstanceOf(JMSException.class).hasMessageContaining("queueAttributes takes Name=Value");
        assertThatThrownBy(() -> SluiceSettings.parse("sluice:sqs?transactions=maybe"))
                .isInstanceOf(JMSException.class).hasMessageContaining("transactions must be atomic or bestEffort");
    }

    @Test
    void theSecretKeyIsNeverPrinted() throws Exception {
        SluiceConnectionFactory f = new SluiceConnectionFactory(
                "sluice:sqs?endpoint=http://127.0.0.1:1&accessKeyId=AKIDEXAMPLE&secretAccessKey=wJalrXUtnFEMI");
        assertThat(f.getUrl()).contains("AKIDEXAMPLE").doesNotContain("wJalrXUtnFEMI").contains("secretAccessKey=****");
        try (SqsBackend b = SqsBackend.open(f.settings())) {
            assertThat(b.describe()).doesNotContain("wJalrXUtnFEMI");
        }
    }
}
