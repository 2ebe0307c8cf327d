package dev.sluice.jms.message;

import dev.sluice.jms.backend.IncomingMessage;
import dev.sluice.jms.backend.OutgoingMessage;
import dev.sluice.jms.backend.WireAttribute;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import jakarta.jms.Topic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The JMS ↔ SQS mapping of DESIGN.md, through encode and decode. */
class MessageCodecTest {

    // ---- bodies --------------------------------------------------------------------------------------------------

    @Test
    void textBodyTravelsAsIs() throws JMSException {
        OutgoingMessage out = MessageCodec.encode(new SluiceTextMessage("{\"a\":1} ünï 😀"));
        assertThat(out.body()).isEqualTo("{\"a\":1} ünï 😀");
        assertThat(out.attributes().get("JMS_SQSMessageType")).isEqualTo(new WireAttribute("String", "text", null));
        assertThat(TestSupport.roundTrip(new SluiceTextMessage("x ünï 😀"), SluiceTextMessage.class).getText())
                .isEqualTo("x ünï 😀");
    }

    @ParameterizedTest(name = "text SQS cannot carry as-is survives: [{0}]")
    @ValueSource(strings = {"", "nul\u0000char", "\uD800 lone surrogate", "\uFFFF"})
    void textSqsCannotCarryGoesInTheEnvelope(String text) throws JMSException {
        OutgoingMessage out = MessageCodec.encode(new SluiceTextMessage(text));
        assertThat(out.attributes().get("JMS_SQSMessageType").stringValue()).isEqualTo("sluice.text");
        assertThat(out.body()).isNotEmpty();
        assertThat(TestSupport.roundTrip(new SluiceTextMessage(text), SluiceTextMessage.class).getText()).isEqualTo(text);
    }

    @Test
    void nullTextSurvives() throws JMSException {
        assertThat(TestSupport.roundTrip(new SluiceTextMessage(), SluiceTextMessage.class).getText()).isNull();
    }

    @Test
    void bytesBodyIsBase64OfTheBytesLikeAwsLibrary() throws JMSException {
        SluiceBytesMessage m = new SluiceBytesMessage();
        m.writeBytes(new byte[] {0, 1, (byte) 0xff});
        OutgoingMessage out = MessageCodec.encode(m);
        assertThat(out.attributes().get("JMS_SQSMessageType").stringValue()).isEqualTo("byte");
        assertThat(Base64.getDecoder().decode(out.body())).containsExactly(0, 1, 0xff);
        SluiceBytesMessage back = TestSupport.roundTrip(m, SluiceBytesMessage.class);
        assertThat(back.getBodyLength()).isEqualTo(3);
        assertThat(back.readUnsignedByte()).isZero();
    }

    @Test
    void emptyBytesMessageSurvives() throws JMSException {
        SluiceBytesMessage back = TestSupport.roundTrip(new SluiceBytesMessage(), SluiceBytesMessage.class);
        assertThat(back.getBodyLength()).isZero();
    }

    @Test
    void mapBodyRoundTripsEveryValueType() throws JMSException {
        SluiceMapMessage m = new SluiceMapMessage();
        m.setBoolean("bool", true);
        m.setByte("byte", (byte) -1);
        m.setShort("short", (short) 300);
        m.setChar("char", 'ß');
        m.setInt("int", Integer.MIN_VALUE);
        m.setLong("long", Long.MAX_VALUE);
        m.setFloat("float", Float.NaN);
        m.setDouble("double", -0.0);
        m.setString("string", "x".repeat(70_000));
        m.setString("null", null);
        m.setBytes("bytes", new byte[] {1, 2});
        OutgoingMessage out = MessageCodec.encode(m);
        assertThat(out.attributes().get("JMS_SQSMessageType").stringValue()).isEqualTo("sluice.map");
        SluiceMapMessage back = (SluiceMapMessage) TestSupport.roundTrip(m);
        assertThat(Collections.list(back.getMapNames())).containsExactlyInAnyOrder("bool", "byte", "short", "char",
                "int", "long", "float", "double", "string", "null", "bytes");
        assertThat(back.getBoolean("bool")).isTrue();
        assertThat(back.getByte("byte")).isEqualTo((byte) -1);
        assertThat(back.getShort("short")).isEqualTo((short) 300);
        assertThat(back.getChar("char")).isEqualTo('ß');
        assertThat(back.getInt("int")).isEqualTo(Integer.MIN_VALUE);
        assertThat(back.getLong("long")).isEqualTo(Long.MAX_VALUE);
        assertThat(back.getFloat("float")).isNaN();
        assertThat(Double.doubleToRawLongBits(back.getDouble("double"))).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(back.getString("string")).hasSize(70_000);
        assertThat(back.itemExists("null")).isTrue();
        assertThat(back.getString("null")).isNull();
        assertThat(back.getBytes("bytes")).containsExactly(1, 2);
    }

    @Test
    void streamBodyRoundTripsInOrder() throws JMSException {
        SluiceStreamMessage m = new SluiceStreamMessage();
        m.writeInt(1);
        m.writeString("two");
        m.writeObject(null);
        m.writeBytes(new byte[] {3});
        m.writeChar('4');
        m.writeDouble(5.5);
        SluiceStreamMessage back = TestSupport.roundTrip(m, SluiceStreamMessage.class);
        assertThat(back.readInt()).isEqualTo(1);
        assertThat(back.readString()).isEqualTo("two");
        assertThat(back.readObject()).isNull();
        assertThat((byte[]) back.readObject()).containsExactly(3);
        assertThat(back.readChar()).isEqualTo('4');
        assertThat(back.readDouble()).isEqualTo(5.5);
    }

    @Test
    void objectBodyIsBase64OfJavaSerializationLikeAwsLibrary() throws Exception {
        OutgoingMessage out = MessageCodec.encode(new SluiceObjectMessage(new java.util.ArrayList<>(List.of(1, "a"))));
        assertThat(out.attributes().get("JMS_SQSMessageType").stringValue()).isEqualTo("object");
        try (var in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(
                Base64.getDecoder().decode(out.body())))) {
            assertThat(in.readObject()).isEqualTo(List.of(1, "a"));
        }
        assertThat(TestSupport.roundTrip(new SluiceObjectMessage(7L), SluiceObjectMessage.class).getObject())
                .isEqualTo(7L);
    }

    @Test
    void plainMessageRoundTrips() throws JMSException {
        SluiceMessage m = new SluiceMessage();
        m.setStringProperty("k", "v");
        OutgoingMessage out = MessageCodec.encode(m);
        assertThat(out.attributes().get("JMS_SQSMessageType").stringValue()).isEqualTo("sluice.message");
        SluiceMessage back = TestSupport.roundTrip(m);
        assertThat(back.getClass()).isEqualTo(SluiceMessage.class);
        assertThat(back.getStringProperty("k")).isEqualTo("v");
    }

    // ---- headers -------------------------------------------------------------------------------------------------

    @Test
    void headersRoundTrip() throws JMSException {
        SluiceTextMessage m = new SluiceTextMessage("h");
        m.setJMSCorrelationID("corr-1");
        m.setJMSType("car");
        m.setJMSReplyTo(new TestSupport.TestQueue("replies"));
        m.setJMSDeliveryMode(DeliveryMode.NON_PERSISTENT);
        m.setJMSPriority(7);
        m.setJMSTimestamp(1_000);
        m.setJMSExpiration(61_000);
        m.setJMSDeliveryTime(3_500);
        OutgoingMessage out = MessageCodec.encode(m);
        assertThat(out.priority()).isEqualTo(7);
        assertThat(out.delaySeconds()).isEqualTo(3);
        assertThat(out.attributes().get("JMS_SQSCorrelationID")).isEqualTo(new WireAttribute("String", "corr-1", null));
        assertThat(out.attributes().get("JMS_SQSReplyToQueueName"))
                .isEqualTo(new WireAttribute("String", "replies", null));

        Message back = MessageCodec.decode(
                new IncomingMessage("orders", "abc-123", "rh", out.body(), out.attributes(), 1, 5_000, null, null, null),
                TestSupport.RESOLVER, ObjectMessagePolicy.defaults());
        assertThat(back.getJMSMessageID()).isEqualTo("ID:abc-123");
        assertThat(back.getJMSCorrelationID()).isEqualTo("corr-1");
        assertThat(back.getJMSType()).isEqualTo("car");
        assertThat(back.getJMSReplyTo()).isEqualTo(new TestSupport.TestQueue("replies"));
        assertThat(back.getJMSDestination()).isEqualTo(new TestSupport.TestQueue("orders"));
        assertThat(back.getJMSDeliveryMode()).isEqualTo(DeliveryMode.NON_PERSISTENT);
        assertThat(back.getJMSPriority()).isEqualTo(7);
        assertThat(back.getJMSTimestamp()).isEqualTo(1_000);
        assertThat(back.getJMSExpiration()).isEqualTo(61_000);
        assertThat(back.getJMSDeliveryTime()).isEqualTo(3_500);
        assertThat(back.getJMSRedelivered()).isFalse();
        assertThat(back.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
        assertThat(Collections.list(back.getPropertyNames())).containsExactly("JMSXDeliveryCount");
    }

    @Test
    void otherHeadersShareOneReadableStringAttribute() throws JMSException {
        SluiceTextMessage m = new SluiceTextMessage("h");
        m.setJMSTimestamp(1_700_000_000_000L);
        m.setJMSType("a;b");
        assertThat(MessageCodec.encode(m).attributes().get("JMS_SluiceHeaders"))
                .isEqualTo(new WireAttribute("String", "1;2;4;1700000000000;0;0;a;b", null));
        assertThat(TestSupport.roundTrip(m).getJMSType()).isEqualTo("a;b");
        m.setJMSType("");
        assertThat(TestSupport.roundTrip(m).getJMSType()).isEmpty();
        m.setJMSType(null);
        assertThat(TestSupport.roundTrip(m).getJMSType()).isNull();
    }

    @Test
    void jmsTypeSqsCannotCarryMakesTheHeadersBinary() throws JMSException {
        SluiceTextMessage m = new SluiceTextMessage("h");
        m.setJMSType("tab\u0000nul");
        m.setJMSPriority(2);
        assertThat(MessageCodec.encode(m).attributes().get("JMS_SluiceHeaders").dataType()).isEqualTo("Binary");
        SluiceMessage back = TestSupport.roundTrip(m);
        assertThat(back.getJMSType()).isEqualTo("tab\u0000nul");
        assertThat(back.getJMSPriority()).isEqualTo(2);
    }

    @Test
    void corruptHeadersAttributeIsAClearFormatError() {
        IncomingMessage in = plain("x", Map.of("JMS_SluiceHeaders", WireAttribute.string(null, "1;2;x")));
        assertThatThrownBy(() -> MessageCodec.decode(in, TestSupport.RESOLVER, null))
                .isInstanceOf(MessageFormatException.class).hasMessageContaining("JMS_SluiceHeaders");
    }

    @Test
    void receiveCountAboveOneIsRedelivered() throws JMSException {
        OutgoingMessage out = MessageCodec.encode(new SluiceTextMessage("r"));
        Message back = MessageCodec.decode(TestSupport.incoming(out, 3), TestSupport.RESOLVER, null);
        assertThat(back.getJMSRedelivered()).isTrue();
        assertThat(back.getObjectProperty("JMSXDeliveryCount")).isEqualTo(3);
    }

    @Test
    void correlationIdAsBytesTravelsAsBinary() throws JMSException {
        SluiceTextMessage m = new SluiceTextMessage("c");
        m.setJMSCorrelationIDAsBytes(new byte[] {(byte) 0xca, (byte) 0xfe});
        assertThat(MessageCodec.encode(m).attributes().get("JMS_SQSCorrelationID").dataType()).isEqualTo("Binary");
        assertThat(TestSupport.roundTrip(m).getJMSCorrelationIDAsBytes()).containsExactly(0xca, 0xfe);
    }

    @Test
    void replyToATopicTravelsAsItsName() throws JMSException {
        SluiceTextMessage m = new SluiceTextMessage("t");
        m.setJMSReplyTo((Topic) () -> "news");
        assertThat(MessageCodec.encode(m).attributes().get("JMS_SluiceReplyToTopic").stringValue()).isEqualTo("news");
        assertThat(TestSupport.roundTrip(m).getJMSReplyTo()).isEqualTo(new dev.sluice.jms.SluiceTopic("news"));
    }

    @Test
    void replyToMustBeAQueueOrATopic() {
        SluiceTextMessage m = new SluiceTextMessage("t");
        m.setJMSReplyTo(new jakarta.jms.Destination() { });
        assertThatThrownBy(() -> MessageCodec.encode(m)).isInstanceOf(InvalidDestinationException.class)
                .hasMessageContaining("JMSReplyTo");
    }

    @Test
    void awsReplyToQueueUrlIsUnderstood() throws JMSException {
        Map<String, WireAttribute> attributes = Map.of("JMS_SQSMessageType", WireAttribute.string(null, "text"),
                "JMS_SQSReplyToQueueURL", WireAttribute.string(null, "https://sqs.eu-west-1.amazonaws.com/1/back"));
        Message m = MessageCodec.decode(plain("x", attributes), TestSupport.RESOLVER, null);
        assertThat(m.getJMSReplyTo()).isEqualTo(new TestSupport.TestQueue("back"));
    }

    @Test
    void deliveryDelayIsRoundedUpToSecondsAndCheckedAgainstSqsMaximum() throws JMSException {
        SluiceTextMessage m = new SluiceTextMessage("d");
        m.setJMSTimestamp(0);
        m.setJMSDeliveryTime(10_001);
        Clock clock = Clock.fixed(Instant.ofEpochMilli(0), ZoneOffset.UTC);
        assertThat(MessageCodec.encode(m, clock).delaySeconds()).isEqualTo(11);
        m.setJMSDeliveryTime(901_000);
        assertThatThrownBy(() -> MessageCodec.encode(m, clock)).isInstanceOf(JMSException.class)
                .hasMessageContaining("900");
        m.setJMSTimestamp(5_000);
        m.setJMSDeliveryTime(5_000);
        assertThat(MessageCodec.encode(m).delaySeconds()).isZero();
    }

    // ---- properties ----------------------------------------------------------------------------------------------

    @Test
    void everyPropertyTypeUsesAwsLabelsAndRoundTrips() throws JMSException {
        SluiceTextMessage m = new SluiceTextMessage("p");
        m.setBooleanProperty("bool", true);
        m.setByteProperty("byte", (byte) -8);
        m.setShortProperty("short", (short) 16);
        m.setIntProperty("int", 32);
        m.setLongProperty("long", 64L);
        m.setFloatProperty("float", 1.25f);
        m.setDoubleProperty("double", 2.5e-3);
        m.setStringProperty("string", "s");
        Map<String, WireAttribute> a = MessageCodec.encode(m).attributes();
        assertThat(a.get("bool")).isEqualTo(new WireAttribute("Number.Boolean", "1", null));
        assertThat(a.get("byte")).isEqualTo(new WireAttribute("Number.byte", "-8", null));
        assertThat(a.get("short")).isEqualTo(new WireAttribute("Number.short", "16", null));
        assertThat(a.get("int")).isEqualTo(new WireAttribute("Number.int", "32", null));
        assertThat(a.get("long")).isEqualTo(new WireAttribute("Number.long", "64", null));
        assertThat(a.get("float")).isEqualTo(new WireAttribute("Number.float", "1.25", null));
        assertThat(a.get("double")).isEqualTo(new WireAttribute("Number.double", "0.0025", null));
        assertThat(a.get("string")).isEqualTo(new WireAttribute("String", "s", null));
        assertThat(a).hasSize(10);

        SluiceMessage back = TestSupport.roundTrip(m);
        assertThat(back.getObjectProperty("bool")).isEqualTo(true);
        assertThat(back.getObjectProperty("byte")).isEqualTo((byte) -8);
        assertThat(back.getObjectProperty("short")).isEqualTo((short) 16);
        assertThat(back.getObjectProperty("int")).isEqualTo(32);
        assertThat(back.getObjectProperty("long")).isEqualTo(64L);
        assertThat(back.getObjectProperty("float")).isEqualTo(1.25f);
        assertThat(back.getObjectProperty("double")).isEqualTo(2.5e-3);
        assertThat(back.getObjectProperty("string")).isEqualTo("s");
    }

    @Test
    void moreThanTenAttributesPacksAllProperties() throws JMSException {
        SluiceTextMessage m = new SluiceTextMessage("many");
        m.setJMSCorrelationID("c");
        for (int i = 0; i < 12; i++) {
            m.setIntProperty("p" + i, i);
        }
        m.setStringProperty("s", "v");
        Map<String, WireAttribute> a = MessageCodec.encode(m).attributes();
        assertThat(a).hasSizeLessThanOrEqualTo(10).containsKey("JMS_SluiceProperties").doesNotContainKey("p0");
        SluiceMessage back = TestSupport.roundTrip(m);
        for (int i = 0; i < 12; i++) {
            assertThat(back.getObjectProperty("p" + i)).isEqualTo(i);
        }
        assertThat(back.getStringProperty("s")).isEqualTo("v");
        assertThat(back.getJMSCorrelationID()).isEqualTo("c");
    }

    @Test
    void exactlyTenAttributesStayUnpacked() throws JMSException {
        SluiceTextMessage m = new SluiceTextMessage("ten");
        for (int i = 0; i < 8; i++) {
            m.setIntProperty("p" + i, i);
        }
        assertThat(MessageCodec.encode(m).attributes()).hasSize(10).doesNotContainKey("JMS_SluiceProperties");
        m.setIntProperty("p8", 8);
        assertThat(MessageCodec.encode(m).attributes()).containsKey("JMS_SluiceProperties");
    }

    @ParameterizedTest(name = "property SQS cannot carry as an attribute is packed: {0}")
    @ValueSource(strings = {"dollar$name", "ünïcode", "empty", "nullValue", "nan", "tiny", "negZero", "control",
            "surrogate", "JMS_SQSCorrelationID"})
    void propertiesSqsCannotCarryArePackedAndSurvive(String kind) throws JMSException {
        SluiceTextMessage m = new SluiceTextMessage("x");
        m.setStringProperty("plain", "kept");
        String name = kind;
        Object value = "v";
        switch (kind) {
            case "empty" -> value = "";
            case "nullValue" -> value = null;
            case "nan" -> value = Double.NaN;
            case "tiny" -> value = Double.MIN_VALUE;
            case "negZero" -> value = -0.0f;
            case "control" -> value = "bell\u0007";
            case "surrogate" -> value = "lone \uDC00";
            default -> { }
        }
        m.setObjectProperty(name, value);
        Map<String, WireAttribute> a = MessageCodec.encode(m).attributes();
        assertThat(a).containsKey("JMS_SluiceProperties").doesNotContainKey("plain");
        SluiceMessage back = TestSupport.roundTrip(m);
        assertThat(back.propertyExists(name)).isTrue();
        assertThat(back.getObjectProperty(name)).isEqualTo(value);
        assertThat(back.getStringProperty("plain")).isEqualTo("kept");
        assertThat(back.getJMSCorrelationID()).isNull();
    }

    @Test
    void groupDeduplicationAndSequenceMapToSqsFields() throws JMSException {
        SluiceTextMessage m = new SluiceTextMessage("fifo");
        m.setStringProperty("JMSXGroupID", "g-1");
        m.setIntProperty("JMSXGroupSeq", 5);
        m.setStringProperty("JMS_SQS_DeduplicationId", "d-1");
        OutgoingMessage out = MessageCodec.encode(m);
        assertThat(out.groupId()).isEqualTo("g-1");
        assertThat(out.deduplicationId()).isEqualTo("d-1");
        assertThat(out.attributes()).doesNotContainKeys("JMSXGroupID", "JMS_SQS_DeduplicationId")
                .containsEntry("JMSXGroupSeq", new WireAttribute("Number.int", "5", null));

        IncomingMessage in = new IncomingMessage("q.fifo", "m", "rh", out.body(), out.attributes(), 1, 1,
                "g-1", "d-1", "18849496460467696128");
        Message back = MessageCodec.decode(in, TestSupport.RESOLVER, null);
        assertThat(back.getStringProperty("JMSXGroupID")).isEqualTo("g-1");
        assertThat(back.getIntProperty("JMSXGroupSeq")).isEqualTo(5);
        assertThat(back.getStringProperty("JMS_SQS_DeduplicationId")).isEqualTo("d-1");
        assertThat(back.getStringProperty("JMS_SQS_SequenceNumber")).isEqualTo("18849496460467696128");
    }

    @Test
    void receivedPropertiesOfTheProviderAreNotSentAgain() throws JMSException {
        IncomingMessage in = new IncomingMessage("q.fifo", "m", "rh", "b", Map.of(), 2, 1, "g", "d", "7");
        SluiceMessage received = MessageCodec.decode(in, TestSupport.RESOLVER, null);
        OutgoingMessage forwarded = MessageCodec.encode(received);
        assertThat(forwarded.attributes()).doesNotContainKeys("JMSXDeliveryCount", "JMS_SQS_SequenceNumber");
        assertThat(forwarded.groupId()).isEqualTo("g");
    }

    // ---- plain SQS messages --------------------------------------------------------------------------------------

    private static IncomingMessage plain(String body, Map<String, WireAttribute> attributes) {
        return new IncomingMessage("inbox", "sqs-1", "rh", body, attributes, 1, 42_000L, null, null, null);
    }

    @Test
    void plainSqsMessageIsATextMessageWithAttributeTypedProperties() throws JMSException {
        Map<String, WireAttribute> attributes = new HashMap<>();
        attributes.put("name", WireAttribute.string(null, "boto3"));
        attributes.put("count", WireAttribute.number(null, "12"));
        attributes.put("ratio", WireAttribute.number(null, "0.75"));
        attributes.put("huge", WireAttribute.number(null, "123456789012345678901234567890"));
        attributes.put("typed", WireAttribute.number("int", "7"));
        attributes.put("flag", WireAttribute.number("Boolean", "1"));
        attributes.put("s-flag", WireAttribute.string("Boolean", "true"));
        attributes.put("labelled", WireAttribute.string("custom", "text"));
        attributes.put("blob", WireAttribute.binary(null, new byte[] {1}));
        SluiceMessage m = MessageCodec.decode(plain("hello from the CLI", attributes), TestSupport.RESOLVER, null);
        assertThat(m).isInstanceOf(SluiceTextMessage.class);
        assertThat(((SluiceTextMessage) m).getText()).isEqualTo("hello from the CLI");
        assertThat(m.getJMSMessageID()).isEqualTo("ID:sqs-1");
        assertThat(m.getJMSTimestamp()).isEqualTo(42_000L);
        assertThat(m.getJMSDeliveryMode()).isEqualTo(DeliveryMode.PERSISTENT);
        assertThat(m.getJMSPriority()).isEqualTo(4);
        assertThat(m.getObjectProperty("name")).isEqualTo("boto3");
        assertThat(m.getObjectProperty("count")).isEqualTo(12L);
        assertThat(m.getObjectProperty("ratio")).isEqualTo(0.75);
        assertThat(m.getObjectProperty("huge")).isEqualTo(1.2345678901234568E29);
        assertThat(m.getObjectProperty("typed")).isEqualTo(7);
        assertThat(m.getObjectProperty("flag")).isEqualTo(true);
        assertThat(m.getObjectProperty("s-flag")).isEqualTo(true);
        assertThat(m.getObjectProperty("labelled")).isEqualTo("text");
        assertThat(m.propertyExists("blob")).isFalse();
        assertThat(m.getJMSDestination()).isEqualTo(new TestSupport.TestQueue("inbox"));
        assertThat(m.incoming().attributes()).containsKey("blob");
    }

    @Test
    void messageFromAwsSqsJmsLibraryDecodes() throws JMSException {
        Map<String, WireAttribute> attributes = Map.of(
                "JMS_SQSMessageType", WireAttribute.string(null, "byte"),
                "JMS_SQSCorrelationID", WireAttribute.string(null, "c-9"),
                "count", WireAttribute.number("int", "3"),
                "ok", WireAttribute.number("Boolean", "0"));
        IncomingMessage in = plain(Base64.getEncoder().encodeToString(new byte[] {4, 2}), attributes);
        SluiceMessage m = MessageCodec.decode(in, TestSupport.RESOLVER, null);
        assertThat(m).isInstanceOf(SluiceBytesMessage.class);
        assertThat(((SluiceBytesMessage) m).getBodyLength()).isEqualTo(2);
        assertThat(m.getJMSCorrelationID()).isEqualTo("c-9");
        assertThat(m.getObjectProperty("count")).isEqualTo(3);
        assertThat(m.getObjectProperty("ok")).isEqualTo(false);
        assertThat(m.getJMSTimestamp()).isEqualTo(42_000L);
        assertThat(m.propertyExists("JMS_SQSMessageType")).isFalse();
    }

    @Test
    void unknownTypeMarkerIsAClearFormatError() {
        IncomingMessage in = plain("x", Map.of("JMS_SQSMessageType", WireAttribute.string(null, "cause error")));
        assertThatThrownBy(() -> MessageCodec.decode(in, TestSupport.RESOLVER, null))
                .isInstanceOf(MessageFormatException.class).hasMessageContaining("cause error");
    }

    @Test
    void badNumberAttributeIsAClearFormatError() {
        IncomingMessage in = plain("x", Map.of("n", WireAttribute.number("int", "abc")));
        assertThatThrownBy(() -> MessageCodec.decode(in, TestSupport.RESOLVER, null))
                .isInstanceOf(MessageFormatException.class).hasMessageContaining("'n'").hasMessageContaining("abc");
    }

    // ---- size ----------------------------------------------------------------------------------------------------

    @Test
    void messagesOverOneMebibyteFailWithTheSizeAndTheLimit() {
        SluiceTextMessage big = new SluiceTextMessage("x".repeat(1_048_577));
        assertThatThrownBy(() -> MessageCodec.encode(big)).isInstanceOf(MessageFormatException.class)
                .hasMessageContaining("1,048,576").hasMessageContaining("1 MiB");
    }

    @Test
    void sizeCountsUtf8BytesAndAttributes() throws JMSException {
        OutgoingMessage probe = MessageCodec.encode(new SluiceTextMessage("x"));
        long overhead = probe.attributes().entrySet().stream().mapToLong(e -> e.getKey().length()
                + e.getValue().dataType().length() + (e.getValue().binaryValue() != null
                ? e.getValue().binaryValue().length : e.getValue().stringValue().length())).sum();
        int fits = (int) (1_048_576 - overhead);
        MessageCodec.encode(new SluiceTextMessage("x".repeat(fits)));
        assertThatThrownBy(() -> MessageCodec.encode(new SluiceTextMessage("x".repeat(fits + 1))))
                .isInstanceOf(MessageFormatException.class).hasMessageContaining(String.valueOf(1_048_577));
        // 'é' is two bytes in UTF-8
        assertThatThrownBy(() -> MessageCodec.encode(new SluiceTextMessage("é".repeat(fits / 2 + 1))))
                .isInstanceOf(MessageFormatException.class);
    }

    @Test
    void bytesMessageSizeIsTheBase64Size() throws JMSException {
        SluiceBytesMessage m = new SluiceBytesMessage();
        m.writeBytes(new byte[800_000]); // base64: 1,066,668 characters
        assertThatThrownBy(() -> MessageCodec.encode(m)).isInstanceOf(MessageFormatException.class);
    }

    // ---- destinations ----------------------------------------------------------------------------------------

    @Test
    void decodedReplyToIsResolvedByTheCallersFunction() throws JMSException {
        SluiceTextMessage m = new SluiceTextMessage("r");
        m.setJMSReplyTo(new TestSupport.TestQueue("answers"));
        Destination marker = new TestSupport.TestQueue("resolved");
        Message back = MessageCodec.decode(TestSupport.incoming(MessageCodec.encode(m), 1),
                name -> name.equals("answers") ? marker : null, null);
        assertThat(back.getJMSReplyTo()).isSameAs(marker);
    }
}
