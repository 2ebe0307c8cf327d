package dev.sluice.jms.backends;

import jakarta.jms.BytesMessage;
import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** DESIGN.md rows send, JMSMessageID, message types, properties and headers: the same on every backend. */
class MessageRoundTripSuiteTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sluice.jms.backends.Backends#all")
    void everyMessageTypeArrivesWithItsBody(TestBackend backend) throws Exception {
        try (Scenario s = Scenario.on(backend)) {
            Session session = s.started().createSession(Session.AUTO_ACKNOWLEDGE);
            Queue q = session.createQueue(s.queue("types"));
            MessageProducer p = session.createProducer(q);
            p.send(session.createTextMessage("hello ünïcode ✓"));
            BytesMessage bytes = session.createBytesMessage();
            bytes.writeBytes(new byte[]{0, 1, 2, (byte) 255});
            p.send(bytes);
            MapMessage map = session.createMapMessage();
            map.setInt("n", 42);
            map.setString("s", "x");
            map.setBytes("b", new byte[]{9});
            p.send(map);
            StreamMessage stream = session.createStreamMessage();
            stream.writeLong(7L);
            stream.writeString("y");
            p.send(stream);
            p.send(session.createObjectMessage(new java.util.ArrayList<>(List.of("a", "b"))));
            p.send(session.createMessage());

            MessageConsumer c = session.createConsumer(q);
            List<Message> got = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Message m = c.receive(10_000);
                assertThat(m).as("message %d of 6", i + 1).isNotNull();
                got.add(m);
            }
            // standard SQS queues do not promise order: find each by type
            assertThat(find(got, TextMessage.class).getText()).isEqualTo("hello ünïcode ✓");
            BytesMessage b = find(got, BytesMessage.class);
            byte[] read = new byte[4];
            assertThat(b.readBytes(read)).isEqualTo(4);
            assertThat(read).containsExactly(0, 1, 2, (byte) 255);
            MapMessage mm = find(got, MapMessage.class);
            assertThat(mm.getInt("n")).isEqualTo(42);
            assertThat(mm.getString("s")).isEqualTo("x");
            assertThat(mm.getBytes("b")).containsExactly(9);
            StreamMessage sm = find(got, StreamMessage.class);
            assertThat(sm.readLong()).isEqualTo(7L);
            assertThat(sm.readString()).isEqualTo("y");
            assertThat(find(got, ObjectMessage.class).getObject()).isEqualTo(List.of("a", "b"));
            assertThat(got).anyMatch(m -> !(m instanceof TextMessage || m instanceof BytesMessage
                    || m instanceof MapMessage || m instanceof StreamMessage || m instanceof ObjectMessage));
        }
    }

    private static <T> T find(List<Message> got, Class<T> type) {
        return got.stream().filter(type::isInstance).map(type::cast).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " among " + got));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sluice.jms.backends.Backends#all")
    void moreThanTenPropertiesKeepTheirTypesAndTheHeadersTravel(TestBackend backend) throws Exception {
        try (Scenario s = Scenario.on(backend)) {
            Session session = s.started().createSession(Session.AUTO_ACKNOWLEDGE);
            Queue q = session.createQueue(s.queue("props"));
            Queue replies = session.createQueue(s.queue("replies"));
            TextMessage m = session.createTextMessage("with properties");
            m.setBooleanProperty("bool", true);
            m.setByteProperty("byte", (byte) -3);
            m.setShortProperty("short", (short) 1234);
            m.setIntProperty("int", 123_456);
            m.setLongProperty("long", 1L << 40);
            m.setFloatProperty("float", 1.5f);
            m.setDoubleProperty("double", Math.PI);
            m.setStringProperty("string", "s t r");
            m.setObjectProperty("object", 99);
            for (int i = 0; i < 6; i++) {
                m.setStringProperty("extra" + i, "v" + i);
            }
            m.setJMSCorrelationID("corr-1");
            m.setJMSType("order");
            m.setJMSReplyTo(replies);
            session.createProducer(q).send(m);
            String sentId = m.getJMSMessageID();

            Message r = session.createConsumer(q).receive(10_000);
            assertThat(r).isNotNull();
            assertThat(r.getJMSMessageID()).isEqualTo(sentId).startsWith("ID:");
            assertThat(r.getObjectProperty("bool")).isEqualTo(true);
            assertThat(r.getObjectProperty("byte")).isEqualTo((byte) -3);
            assertThat(r.getObjectProperty("short")).isEqualTo((short) 1234);
            assertThat(r.getObjectProperty("int")).isEqualTo(123_456);
            assertThat(r.getObjectProperty("long")).isEqualTo(1L << 40);
            assertThat(r.getObjectProperty("float")).isEqualTo(1.5f);
            assertThat(r.getObjectProperty("double")).isEqualTo(Math.PI);
            assertThat(r.getObjectProperty("string")).isEqualTo("s t r");
            assertThat(r.getObjectProperty("object")).isEqualTo(99);
            for (int i = 0; i < 6; i++) {
                assertThat(r.getStringProperty("extra" + i)).isEqualTo("v" + i);
            }
            assertThat(r.getJMSCorrelationID()).isEqualTo("corr-1");
            assertThat(r.getJMSType()).isEqualTo("order");
            assertThat(((Queue) r.getJMSReplyTo()).getQueueName()).isEqualTo(replies.getQueueName());
            assertThat(r.getJMSRedelivered()).isFalse();
            assertThat(r.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
        }
    }

    /** Any String or byte[] is a JMSCorrelationID, the empty ones too, though SQS refuses empty attribute values. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sluice.jms.backends.Backends#all")
    void emptyCorrelationIdsTravelAsEmptyTextAndEmptyBytes(TestBackend backend) throws Exception {
        try (Scenario s = Scenario.on(backend)) {
            Session session = s.started().createSession(Session.AUTO_ACKNOWLEDGE);
            Queue q = session.createQueue(s.queue("corr"));
            MessageProducer producer = session.createProducer(q);
            Message text = session.createMessage();
            text.setJMSCorrelationID("");
            producer.send(text);
            Message bytes = session.createMessage();
            bytes.setJMSCorrelationIDAsBytes(new byte[0]);
            producer.send(bytes);

            MessageConsumer consumer = session.createConsumer(q);
            Message first = consumer.receive(10_000);
            Message second = consumer.receive(10_000);
            assertThat(first.getJMSCorrelationID()).isEmpty();
            assertThat(second.getJMSCorrelationIDAsBytes()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sluice.jms.backends.Backends#all")
    void asynchronousSendsCompleteInOrderAndArrive(TestBackend backend) throws Exception {
        try (Scenario s = Scenario.on(backend)) {
            Connection connection = s.started();
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Queue q = session.createQueue(s.queue("async"));
            MessageProducer p = session.createProducer(q);
            List<String> completed = Collections.synchronizedList(new ArrayList<>());
            CountDownLatch done = new CountDownLatch(5);
            for (int i = 0; i < 5; i++) {
                TextMessage m = session.createTextMessage("async-" + i);
                p.send(m, new CompletionListener() {
                    @Override
                    public void onCompletion(Message message) {
                        completed.add(((TextMessage) message).toString());
                        done.countDown();
                    }

                    @Override
                    public void onException(Message message, Exception exception) {
                        completed.add("FAILED " + exception);
                        done.countDown();
                    }
                });
            }
            assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(completed).hasSize(5).noneMatch(c -> c.startsWith("FAILED"));
            MessageConsumer c = connection.createSession(Session.AUTO_ACKNOWLEDGE).createConsumer(q);
            List<String> bodies = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                Message m = c.receive(10_000);
                assertThat(m).isNotNull();
                bodies.add(((TextMessage) m).getText());
            }
            assertThat(bodies).containsExactlyInAnyOrder("async-0", "async-1", "async-2", "async-3", "async-4");
        }
    }
}
