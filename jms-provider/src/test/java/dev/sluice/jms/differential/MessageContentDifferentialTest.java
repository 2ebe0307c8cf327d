package dev.sluice.jms.differential;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.StreamMessage;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** What a message carries from producer to consumer: bodies, properties, headers; request–reply; JMSContext. */
class MessageContentDifferentialTest {

    @RegisterExtension
    static final Brokers BROKERS = new Brokers();

    private static final long RECEIVE_MILLIS = 5_000;

    @DifferentialTest
    void everyMessageTypeRoundTrips(Peer peer) throws Exception {
        Broker b = BROKERS.open(peer);
        Connection c = b.connection();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = s.createQueue(b.queueName("types"));
        MessageProducer p = s.createProducer(q);

        p.send(s.createTextMessage("héllo, wörld"));

        BytesMessage bytes = s.createBytesMessage();
        bytes.writeBytes(new byte[]{0, 1, 2, (byte) 0xff, 127, -128});
        p.send(bytes);

        MapMessage map = s.createMapMessage();
        map.setBoolean("bool", true);
        map.setByte("byte", (byte) 7);
        map.setShort("short", (short) -300);
        map.setChar("char", 'x');
        map.setInt("int", 123_456);
        map.setLong("long", Long.MIN_VALUE);
        map.setFloat("float", 1.5f);
        map.setDouble("double", Math.PI);
        map.setString("string", "text");
        map.setBytes("bytes", new byte[]{9, 8, 7});
        p.send(map);

        StreamMessage stream = s.createStreamMessage();
        stream.writeBoolean(false);
        stream.writeInt(42);
        stream.writeString("two");
        stream.writeDouble(2.25);
        stream.writeBytes(new byte[]{1, 2});
        p.send(stream);

        ArrayList<String> payload = new ArrayList<>(List.of("a", "b", "c"));
        p.send(s.createObjectMessage(payload));

        Message plain = s.createMessage();
        plain.setStringProperty("only", "properties");
        p.send(plain);

        c.start();
        MessageConsumer consumer = s.createConsumer(q);

        Message m1 = consumer.receive(RECEIVE_MILLIS);
        assertThat(m1).isInstanceOf(TextMessage.class);
        assertThat(((TextMessage) m1).getText()).isEqualTo("héllo, wörld");
        assertThat(m1.getBody(String.class)).isEqualTo("héllo, wörld");

        Message m2 = consumer.receive(RECEIVE_MILLIS);
        assertThat(m2).isInstanceOf(BytesMessage.class);
        BytesMessage gotBytes = (BytesMessage) m2;
        assertThat(gotBytes.getBodyLength()).isEqualTo(6);
        byte[] read = new byte[6];
        assertThat(gotBytes.readBytes(read)).isEqualTo(6);
        assertThat(read).containsExactly(0, 1, 2, (byte) 0xff, 127, -128);

        Message m3 = consumer.receive(RECEIVE_MILLIS);
        assertThat(m3).isInstanceOf(MapMessage.class);
        MapMessage gotMap = (MapMessage) m3;
        assertThat(gotMap.getBoolean("bool")).isTrue();
        assertThat(gotMap.getByte("byte")).isEqualTo((byte) 7);
        assertThat(gotMap.getShort("short")).isEqualTo((short) -300);
        assertThat(gotMap.getChar("char")).isEqualTo('x');
        assertThat(gotMap.getInt("int")).isEqualTo(123_456);
        assertThat(gotMap.getLong("long")).isEqualTo(Long.MIN_VALUE);
        assertThat(gotMap.getFloat("float")).isEqualTo(1.5f);
        assertThat(gotMap.getDouble("double")).isEqualTo(Math.PI);
        assertThat(gotMap.getString("string")).isEqualTo("text");
        assertThat(gotMap.getBytes("bytes")).containsExactly(9, 8, 7);
        assertThat(gotMap.getObject("int")).isInstanceOf(Integer.class);
        assertThat(Collections.list(gotMap.getMapNames())).containsExactlyInAnyOrder("bool", "byte", "short",
                "char", "int", "long", "float", "double", "string", "bytes");
        // a conversion the spec allows: a stored int read as a String
        assertThat(gotMap.getString("int")).isEqualTo("123456");

        Message m4 = consumer.receive(RECEIVE_MILLIS);
        assertThat(m4).isInstanceOf(StreamMessage.class);
        StreamMessage gotStream = (StreamMessage) m4;
        assertThat(gotStream.readBoolean()).isFalse();
        assertThat(gotStream.readInt()).isEqualTo(42);
        assertThat(gotStream.readString()).isEqualTo("two");
        assertThat(gotStream.readDouble()).isEqualTo(2.25);
        byte[] two = new byte[2];
        assertThat(gotStream.readBytes(two)).isEqualTo(2);
        assertThat(two).containsExactly(1, 2);

        Message m5 = consumer.receive(RECEIVE_MILLIS);
        assertThat(m5).isInstanceOf(ObjectMessage.class);
        assertThat(((ObjectMessage) m5).getObject()).isEqualTo(payload);

        Message m6 = consumer.receive(RECEIVE_MILLIS);
        assertThat(m6).isNotNull();
        assertThat(m6).isNotInstanceOfAny(TextMessage.class, BytesMessage.class, MapMessage.class,
                StreamMessage.class, ObjectMessage.class);
        assertThat(m6.getStringProperty("only")).isEqualTo("properties");

        assertThat(consumer.receiveNoWait()).isNull();
    }

    @DifferentialTest
    void propertiesOfEveryTypeKeepTheirType(Peer peer) throws Exception {
        Broker b = BROKERS.open(peer);
        Connection c = b.connection();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = s.createQueue(b.queueName("props"));
        // twelve properties: more than SQS's ten message attributes, so Sluice has to pack them
        TextMessage m = s.createTextMessage("props");
        m.setBooleanProperty("pBoolean", true);
        m.setByteProperty("pByte", (byte) -5);
        m.setShortProperty("pShort", (short) 1_000);
        m.setIntProperty("pInt", -70_000);
        m.setLongProperty("pLong", 1L << 40);
        m.setFloatProperty("pFloat", 0.25f);
        m.setDoubleProperty("pDouble", -1e300);
        m.setStringProperty("pString", "ünïcode ✓");
        m.setStringProperty("pEmpty", "");
        m.setObjectProperty("pObjectInt", 17);
        m.setObjectProperty("pObjectString", "obj");
        m.setLongProperty("pZero", 0L);
        s.createProducer(q).send(m);
        c.start();

        Message got = s.createConsumer(q).receive(RECEIVE_MILLIS);
        assertThat(got).isNotNull();
        assertThat(got.getObjectProperty("pBoolean")).isEqualTo(true);
        assertThat(got.getObjectProperty("pByte")).isEqualTo((byte) -5);
        assertThat(got.getObjectProperty("pShort")).isEqualTo((short) 1_000);
        assertThat(got.getObjectProperty("pInt")).isEqualTo(-70_000);
        assertThat(got.getObjectProperty("pLong")).isEqualTo(1L << 40);
        assertThat(got.getObjectProperty("pFloat")).isEqualTo(0.25f);
        assertThat(got.getObjectProperty("pDouble")).isEqualTo(-1e300);
        assertThat(got.getObjectProperty("pString")).isEqualTo("ünïcode ✓");
        assertThat(got.getObjectProperty("pEmpty")).isEqualTo("");
        assertThat(got.getObjectProperty("pObjectInt")).isEqualTo(17);
        assertThat(got.getObjectProperty("pObjectString")).isEqualTo("obj");
        assertThat(got.getObjectProperty("pZero")).isEqualTo(0L);
        // conversions of the spec's table
        assertThat(got.getLongProperty("pInt")).isEqualTo(-70_000L);
        assertThat(got.getStringProperty("pBoolean")).isEqualTo("true");
        assertThat(got.getDoubleProperty("pFloat")).isEqualTo(0.25d);
        assertThat(got.propertyExists("absent")).isFalse();
        assertThat(got.getStringProperty("absent")).isNull();
        assertThat(Collections.list(got.getPropertyNames())).contains("pBoolean", "pByte", "pShort", "pInt",
                "pLong", "pFloat", "pDouble", "pString", "pEmpty", "pObjectInt", "pObjectString", "pZero");
    }

    @DifferentialTest
    void headersTravel(Peer peer) throws Exception {
        Broker b = BROKERS.open(peer);
        Connection c = b.connection();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = s.createQueue(b.queueName("headers"));
        Queue replyTo = s.createQueue(b.queueName("replies"));
        s.createConsumer(replyTo).close(); // Sluice creates a queue on first use; Artemis auto-creates too
        TextMessage m = s.createTextMessage("headers");
        m.setJMSCorrelationID("corr-42");
        m.setJMSType("OrderPlaced");
        m.setJMSReplyTo(replyTo);
        long ttl = 600_000;
        long before = System.currentTimeMillis();
        s.createProducer(q).send(m, DeliveryMode.NON_PERSISTENT, 7, ttl);
        long after = System.currentTimeMillis();

        // what the send set on the sender's message
        assertThat(m.getJMSMessageID()).startsWith("ID:");
        assertThat(m.getJMSDeliveryMode()).isEqualTo(DeliveryMode.NON_PERSISTENT);
        assertThat(m.getJMSPriority()).isEqualTo(7);
        assertThat(m.getJMSTimestamp()).isBetween(before, after);
        assertThat(m.getJMSExpiration()).isBetween(before + ttl, after + ttl);

        c.start();
        // one consumer for both messages: Artemis prefetches into a consumer's buffer
        MessageConsumer consumer = s.createConsumer(q);
        Message got = consumer.receive(RECEIVE_MILLIS);
        assertThat(got).isNotNull();
        assertThat(got.getJMSMessageID()).isEqualTo(m.getJMSMessageID());
        assertThat(got.getJMSCorrelationID()).isEqualTo("corr-42");
        assertThat(got.getJMSType()).isEqualTo("OrderPlaced");
        assertThat(got.getJMSReplyTo()).isInstanceOf(Queue.class);
        assertThat(((Queue) got.getJMSReplyTo()).getQueueName()).isEqualTo(replyTo.getQueueName());
        assertThat(((Queue) got.getJMSDestination()).getQueueName()).isEqualTo(q.getQueueName());
        assertThat(got.getJMSDeliveryMode()).isEqualTo(DeliveryMode.NON_PERSISTENT);
        assertThat(got.getJMSPriority()).isEqualTo(7);
        assertThat(got.getJMSTimestamp()).isEqualTo(m.getJMSTimestamp());
        assertThat(got.getJMSExpiration()).isEqualTo(m.getJMSExpiration());
        assertThat(got.getJMSRedelivered()).isFalse();
        assertThat(got.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);

        // a persistent send without TTL: the defaults
        TextMessage d = s.createTextMessage("defaults");
        s.createProducer(q).send(d);
        Message gotDefaults = consumer.receive(RECEIVE_MILLIS);
        assertThat(gotDefaults.getJMSDeliveryMode()).isEqualTo(DeliveryMode.PERSISTENT);
        assertThat(gotDefaults.getJMSPriority()).isEqualTo(Message.DEFAULT_PRIORITY);
        assertThat(gotDefaults.getJMSExpiration()).isZero();
        assertThat(gotDefaults.getJMSCorrelationID()).isNull();
        assertThat(gotDefaults.getJMSReplyTo()).isNull();
        assertThat(gotDefaults.getJMSType()).isNull();
    }

    /**
     * JMSMessageID: both are "ID:" and a unique string the receiver sees unchanged; Sluice's is "ID:" plus the
     * SQS MessageId, a UUID, and Artemis's "ID:" plus a UUID of its own — the same shape, but the value is
     * assigned by the store (Sluice: the engine on SendMessage) and not by the client.
     */
    @DifferentialTest
    void messageIdsAreUniqueAndStable(Peer peer) throws Exception {
        Broker b = BROKERS.open(peer);
        Connection c = b.connection();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = s.createQueue(b.queueName("ids"));
        MessageProducer p = s.createProducer(q);
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            TextMessage m = s.createTextMessage("same body");
            p.send(m);
            sent.add(m.getJMSMessageID());
        }
        assertThat(sent).doesNotHaveDuplicates().allSatisfy(id -> assertThat(id)
                .matches("ID:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"));
        c.start();
        MessageConsumer consumer = s.createConsumer(q);
        List<String> received = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            received.add(consumer.receive(RECEIVE_MILLIS).getJMSMessageID());
        }
        assertThat(received).containsExactlyInAnyOrderElementsOf(sent);
    }

    @DifferentialTest
    void temporaryQueueRequestReply(Peer peer) throws Exception {
        Broker b = BROKERS.open(peer);
        Connection server = b.connection();
        Connection client = b.connection();
        Session serverSession = server.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue requests = serverSession.createQueue(b.queueName("requests"));
        MessageProducer replier = serverSession.createProducer(null);
        serverSession.createConsumer(requests).setMessageListener(request -> {
            try {
                TextMessage reply = serverSession.createTextMessage(((TextMessage) request).getText().toUpperCase());
                reply.setJMSCorrelationID(request.getJMSMessageID());
                replier.send(request.getJMSReplyTo(), reply);
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        server.start();

        Session clientSession = client.createSession(false, Session.AUTO_ACKNOWLEDGE);
        TemporaryQueue replies = clientSession.createTemporaryQueue();
        MessageConsumer replyConsumer = clientSession.createConsumer(replies);
        client.start();
        MessageProducer requester = clientSession.createProducer(requests);
        List<String> ids = new ArrayList<>();
        for (String word : List.of("alpha", "beta")) {
            TextMessage request = clientSession.createTextMessage(word);
            request.setJMSReplyTo(replies);
            requester.send(request);
            ids.add(request.getJMSMessageID());
        }
        List<String> answers = new ArrayList<>();
        List<String> correlations = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Message reply = replyConsumer.receive(RECEIVE_MILLIS);
            assertThat(reply).isNotNull();
            answers.add(((TextMessage) reply).getText());
            correlations.add(reply.getJMSCorrelationID());
            assertThat(((Queue) reply.getJMSDestination()).getQueueName()).isEqualTo(replies.getQueueName());
        }
        assertThat(answers).containsExactly("ALPHA", "BETA");
        assertThat(correlations).containsExactlyElementsOf(ids);

        // deleting a temporary queue that still has a consumer is refused; after the consumer is closed it works
        org.assertj.core.api.Assertions.assertThatThrownBy(replies::delete)
                .isInstanceOf(jakarta.jms.JMSException.class);
        replyConsumer.close();
        replies.delete();
    }

    @DifferentialTest
    void jmsContextRoundTrip(Peer peer) throws Exception {
        Broker b = BROKERS.open(peer);
        JMSContext ctx = b.context(JMSContext.AUTO_ACKNOWLEDGE);
        Queue q = ctx.createQueue(b.queueName("context"));
        ctx.createProducer()
                .setProperty("kind", "greeting")
                .setJMSCorrelationID("c-1")
                .setPriority(6)
                .send(q, "hello");
        ctx.createProducer().send(q, new byte[]{4, 5, 6});
        ctx.createProducer().send(q, java.util.Map.of("k", 1, "s", "v"));
        ctx.createProducer().send(q, new java.util.ArrayList<>(List.of(1, 2)));

        JMSConsumer consumer = ctx.createConsumer(q);
        // receiveBody needs no connection start on a JMSContext: it starts automatically
        assertThat(consumer.receiveBody(String.class, RECEIVE_MILLIS)).isEqualTo("hello");
        assertThat(consumer.receiveBody(byte[].class, RECEIVE_MILLIS)).containsExactly(4, 5, 6);
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> map = consumer.receiveBody(java.util.Map.class, RECEIVE_MILLIS);
        assertThat(map).containsEntry("k", 1).containsEntry("s", "v");
        assertThat(consumer.receiveBody(java.io.Serializable.class, RECEIVE_MILLIS)).isEqualTo(List.of(1, 2));
        assertThat(consumer.receiveNoWait()).isNull();

        ctx.createProducer().setProperty("kind", "again").send(q, "second");
        Message m = consumer.receive(RECEIVE_MILLIS);
        assertThat(m.getStringProperty("kind")).isEqualTo("again");
        assertThat(m.getBody(String.class)).isEqualTo("second");

        // an asynchronous listener on a JMSContext
        CompletableFuture<String> heard = new CompletableFuture<>();
        JMSContext listening = b.context(JMSContext.AUTO_ACKNOWLEDGE);
        listening.createConsumer(q).setMessageListener(msg -> {
            try {
                heard.complete(msg.getBody(String.class));
            } catch (Exception e) {
                heard.completeExceptionally(e);
            }
        });
        consumer.close();
        ctx.createProducer().send(q, "to the listener");
        assertThat(heard.get(10, TimeUnit.SECONDS)).isEqualTo("to the listener");
    }

    /** A message sent on one connection that is then closed is received on another one. */
    @DifferentialTest
    void messagesOutliveTheSendingConnection(Peer peer) throws Exception {
        Broker b = BROKERS.open(peer);
        String name = b.queueName("outlive");
        try (JMSContext sender = b.factory().createContext()) {
            sender.createProducer().send(sender.createQueue(name), "kept");
        }
        try (JMSContext receiver = b.factory().createContext()) {
            assertThat(receiver.createConsumer(receiver.createQueue(name)).receiveBody(String.class, RECEIVE_MILLIS))
                    .isEqualTo("kept");
        }
    }
}
