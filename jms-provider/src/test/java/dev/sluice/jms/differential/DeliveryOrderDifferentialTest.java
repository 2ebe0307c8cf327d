package dev.sluice.jms.differential;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Which message a consumer gets next: order, priority, selectors, browsing, expiry, groups. */
class DeliveryOrderDifferentialTest {

    @RegisterExtension
    static final Brokers BROKERS = new Brokers();

    private static final long RECEIVE_MILLIS = 5_000;
    private static final long NOTHING_MILLIS = 500;

    private static String text(Message m) throws Exception {
        assertThat(m).as("a message").isNotNull();
        return ((TextMessage) m).getText();
    }

    /** Receives until a receive waits {@link #NOTHING_MILLIS} in vain. */
    private static List<String> drain(MessageConsumer consumer) throws Exception {
        List<String> got = new ArrayList<>();
        for (Message m = consumer.receive(NOTHING_MILLIS); m != null; m = consumer.receive(NOTHING_MILLIS)) {
            got.add(text(m));
        }
        return got;
    }

    private static List<String> browse(Session s, Queue q, String selector) throws Exception {
        QueueBrowser browser = selector == null ? s.createBrowser(q) : s.createBrowser(q, selector);
        List<String> seen = new ArrayList<>();
        for (Object m : Collections.list(browser.getEnumeration())) {
            seen.add(text((Message) m));
        }
        browser.close();
        return seen;
    }

    /**
     * One producer, one consumer, a plain queue: send order. Standard SQS queues promise only best-effort
     * order; Sluice's engine keeps send order within a priority, so both peers agree here.
     */
    @DifferentialTest
    void singleProducerOrderOnAPlainQueue(Peer peer) throws Exception {
        Broker b = BROKERS.open(peer);
        Connection c = b.connection();
        c.start();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = s.createQueue(b.queueName("order"));
        MessageProducer p = s.createProducer(q);
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            sent.add("m" + i);
            p.send(s.createTextMessage("m" + i), i % 2 == 0 ? DeliveryMode.PERSISTENT : DeliveryMode.NON_PERSISTENT,
                    Message.DEFAULT_PRIORITY, 0);
        }
        MessageConsumer consumer = s.createConsumer(q);
        List<String> got = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            got.add(text(consumer.receive(RECEIVE_MILLIS)));
        }
        assertThat(got).containsExactlyElementsOf(sent);
    }

    /** Messages sent with priorities 0–9 in mixed order come out highest priority first, send order within one. */
    @DifferentialTest
    void higherPriorityFirst(Peer peer) throws Exception {
        Broker b = BROKERS.open(peer);
        Connection c = b.connection();
        c.start();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = s.createQueue(b.queueName("priority"));
        MessageProducer p = s.createProducer(q);
        int[] priorities = {4, 0, 9, 5, 1, 8, 4, 2, 7, 3, 6, 9, 0};
        for (int i = 0; i < priorities.length; i++) {
            p.send(s.createTextMessage("p" + priorities[i] + "-" + i), DeliveryMode.PERSISTENT, priorities[i], 0);
        }
        MessageConsumer consumer = s.createConsumer(q);
        List<String> got = new ArrayList<>();
        for (int i = 0; i < priorities.length; i++) {
            Message m = consumer.receive(RECEIVE_MILLIS);
            got.add(text(m));
            assertThat(text(m)).startsWith("p" + m.getJMSPriority() + "-");
        }
        assertThat(got).containsExactly("p9-2", "p9-11", "p8-5", "p7-8", "p6-10", "p5-3", "p4-0", "p4-6", "p3-9",
                "p2-7", "p1-4", "p0-1", "p0-12");
    }

    @DifferentialTest
    void expiredMessagesAreNotDelivered(Peer peer) throws Exception {
        Broker b = BROKERS.open(peer);
        Connection c = b.connection();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = s.createQueue(b.queueName("ttl"));
        MessageProducer p = s.createProducer(q);
        TextMessage shortLived = s.createTextMessage("short-lived");
        p.send(shortLived, DeliveryMode.PERSISTENT, 4, 200);
        p.send(s.createTextMessage("long-lived"), DeliveryMode.PERSISTENT, 4, 600_000);
        p.send(s.createTextMessage("immortal"));
        long expiration = shortLived.getJMSExpiration();
        assertThat(expiration).isPositive();
        await().atMost(5, TimeUnit.SECONDS).pollInterval(50, TimeUnit.MILLISECONDS)
                .until(() -> System.currentTimeMillis() > expiration + 50);
        c.start();
        assertThat(drain(s.createConsumer(q))).containsExactly("long-lived", "immortal");
    }

    @DifferentialTest
    void browsingDoesNotConsume(Peer peer) throws Exception {
        Broker b = BROKERS.open(peer);
        Connection c = b.connection();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = s.createQueue(b.queueName("browse"));
        MessageProducer p = s.createProducer(q);
        for (String t : List.of("one", "two", "three")) {
            TextMessage m = s.createTextMessage(t);
            m.setStringProperty("word", t);
            p.send(m);
        }
        assertThat(browse(s, q, null)).containsExactly("one", "two", "three");
        assertThat(browse(s, q, null)).as("browsing again").containsExactly("one", "two", "three");
        assertThat(browse(s, q, "word LIKE 't%'")).containsExactly("two", "three");

        QueueBrowser browser = s.createBrowser(q);
        Message browsed = (Message) browser.getEnumeration().nextElement();
        assertThat(browsed.getStringProperty("word")).isEqualTo("one");
        assertThat(browsed.getJMSMessageID()).startsWith("ID:");
        assertThat(browsed.getJMSRedelivered()).isFalse();
        browser.close();

        c.start();
        MessageConsumer consumer = s.createConsumer(q);
        Message first = consumer.receive(RECEIVE_MILLIS);
        assertThat(text(first)).isEqualTo("one");
        assertThat(first.getJMSMessageID()).isEqualTo(browsed.getJMSMessageID());
        // browsing was no delivery
        assertThat(first.getJMSRedelivered()).isFalse();
        assertThat(first.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
        assertThat(drain(consumer)).containsExactly("two", "three");
        assertThat(browse(s, q, null)).isEmpty();
    }

    /**
     * Selectors: a consumer gets only the messages its selector matches, in order, and leaves the others for
     * other consumers; a browser with a selector sees the same matches.
     */
    @DifferentialTest
    void selectorsLeaveNonMatchingMessagesForOthers(Peer peer) throws Exception {
        Broker b = BROKERS.open(peer);
        Connection c = b.connection();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = s.createQueue(b.queueName("selectors"));
        MessageProducer p = s.createProducer(q);
        record Spec(String id, String color, int size, String note, String type, int priority) {
        }
        List<Spec> specs = List.of(
                new Spec("m1", "red", 3, "x", "plain", 4),
                new Spec("m2", "blue", 7, "x", "plain", 4),
                new Spec("m3", "green", 12, null, "plain", 4),
                new Spec("m4", "rose", 5, "x", "special", 4),
                new Spec("m5", "white", 20, "x", "plain", 8),
                new Spec("m6", "grey", 1, "x", "plain", 4));
        for (Spec spec : specs) {
            TextMessage m = s.createTextMessage(spec.id());
            m.setStringProperty("color", spec.color());
            m.setIntProperty("size", spec.size());
            m.setDoubleProperty("weight", spec.size() * 1.5);
            if (spec.note() != null) {
                m.setStringProperty("note", spec.note());
            }
            m.setJMSType(spec.type());
            p.send(m, DeliveryMode.PERSISTENT, spec.priority(), 0);
        }

        Map<String, List<String>> browsed = new java.util.LinkedHashMap<>();
        browsed.put("color LIKE 'r%'", List.of("m1", "m4"));
        browsed.put("color LIKE '_r%'", List.of("m3", "m6"));
        browsed.put("color IN ('blue', 'green')", List.of("m2", "m3"));
        browsed.put("color NOT IN ('blue', 'green', 'red')", List.of("m5", "m4", "m6"));
        browsed.put("size BETWEEN 5 AND 10", List.of("m2", "m4"));
        browsed.put("weight NOT BETWEEN 3 AND 20", List.of("m5", "m6"));
        browsed.put("note IS NULL", List.of("m3"));
        browsed.put("note IS NOT NULL AND size > 4", List.of("m5", "m2", "m4"));
        browsed.put("JMSPriority > 6", List.of("m5"));
        browsed.put("JMSType = 'special'", List.of("m4"));
        browsed.put("size * 2 > 20 OR color = 'grey'", List.of("m5", "m3", "m6"));
        browsed.put("missing = 'x'", List.of());
        for (Map.Entry<String, List<String>> e : browsed.entrySet()) {
            // browsing order: both peers browse in delivery order, so m5 (priority 8) comes first
            assertThat(browse(s, q, e.getKey())).as(e.getKey()).containsExactlyElementsOf(e.getValue());
        }

        c.start();
        Session other = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        assertThat(drain(other.createConsumer(q, "color LIKE 'r%'"))).containsExactly("m1", "m4");
        assertThat(drain(other.createConsumer(q, "JMSType = 'special'"))).as("already consumed").isEmpty();
        assertThat(drain(other.createConsumer(q, "JMSPriority > 6"))).containsExactly("m5");
        assertThat(drain(other.createConsumer(q, "note IS NULL"))).containsExactly("m3");
        assertThat(drain(other.createConsumer(q, "size BETWEEN 5 AND 10"))).containsExactly("m2");
        assertThat(drain(s.createConsumer(q))).as("what the selectors left").containsExactly("m6");
    }

    /** Two consumers with disjoint selectors on one queue, both waiting: each gets only its own messages. */
    @DifferentialTest
    void concurrentConsumersWithDisjointSelectors(Peer peer) throws Exception {
        Broker b = BROKERS.open(peer);
        Connection c = b.connection();
        c.start();
        Session s1 = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Session s2 = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = s1.createQueue(b.queueName("disjoint"));
        MessageConsumer evens = s1.createConsumer(q, "parity = 'even'");
        MessageConsumer odds = s2.createConsumer(q, "parity <> 'even'");
        Session ps = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageProducer p = ps.createProducer(q);
        for (int i = 0; i < 10; i++) {
            TextMessage m = ps.createTextMessage("n" + i);
            m.setStringProperty("parity", i % 2 == 0 ? "even" : "odd");
            p.send(m);
        }
        List<String> even = new ArrayList<>();
        List<String> odd = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            even.add(text(evens.receive(RECEIVE_MILLIS)));
            odd.add(text(odds.receive(RECEIVE_MILLIS)));
        }
        assertThat(even).containsExactly("n0", "n2", "n4", "n6", "n8");
        assertThat(odd).containsExactly("n1", "n3", "n5", "n7", "n9");
    }
}
