package dev.sluice.jms.message;

import dev.sluice.jms.backend.IncomingMessage;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotWriteableException;

import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.Map;

/**
 * A Jakarta Messaging message without a body, and the base of Sluice's typed messages: headers, properties,
 * read-only state after receipt and the acknowledge hook.
 */
public class SluiceMessage implements Message {

    private String messageId;
    private long timestamp;
    private String correlationId;
    private byte[] correlationIdBytes;
    private Destination replyTo;
    private Destination destination;
    private int deliveryMode = DeliveryMode.PERSISTENT;
    private boolean redelivered;
    private String type;
    private long expiration;
    private long deliveryTime;
    private int priority = DEFAULT_PRIORITY;

    private final MessageProperties properties = new MessageProperties();
    private boolean bodyReadOnly;
    private AcknowledgeCallback acknowledgeCallback;
    private IncomingMessage incoming;

    public SluiceMessage() {
    }

    /** A Sluice copy of any provider's message (the spec requires accepting foreign messages on send). */
    public static SluiceMessage copyOf(Message foreign) throws JMSException {
        return ForeignMessages.copyOf(foreign);
    }

    // ---- provider hooks -------------------------------------------------------------------------------------

    /** Body and properties become read-only, as the spec requires for a received message. */
    public void markReceived() {
        properties.setReadOnly(true);
        bodyReadOnly = true;
        onReceived();
    }

    /** As {@link #markReceived()}, and sets JMSXDeliveryCount and JMSRedelivered (count &gt; 1). */
    public void markReceived(int deliveryCount) {
        properties.put(PropertyNames.JMSX_DELIVERY_COUNT, deliveryCount);
        redelivered = deliveryCount > 1;
        markReceived();
    }

    public void setAcknowledgeCallback(AcknowledgeCallback callback) {
        this.acknowledgeCallback = callback;
    }

    /** The SQS message this was decoded from (receipt handle, queue), or null for a message created locally. */
    public IncomingMessage incoming() {
        return incoming;
    }

    void setIncoming(IncomingMessage incoming) {
        this.incoming = incoming;
    }

    /** Sets a property without the name rules or the read-only check: for values the provider owns. */
    void putProviderProperty(String name, Object value) {
        properties.put(name, value);
    }

    Map<String, Object> propertySnapshot() {
        return properties.asMap();
    }

    /** Byte[] correlation ID if one was set as bytes, else null. */
    byte[] correlationIdBytesOrNull() {
        return correlationIdBytes == null ? null : correlationIdBytes.clone();
    }

    /** Subclasses switch their body to read mode here. */
    void onReceived() {
    }

    void setBodyReadOnly(boolean readOnly) {
        this.bodyReadOnly = readOnly;
    }

    void checkBodyWritable() throws MessageNotWriteableException {
        if (bodyReadOnly) {
            throw new MessageNotWriteableException("the message body is read-only; call clearBody() to write it");
        }
    }

    // ---- headers ----------------------------------------------------------------------------------------------

    @Override
    public String getJMSMessageID() {
        return messageId;
    }

    @Override
    public void setJMSMessageID(String id) {
        this.messageId = id;
    }

    @Override
    public long getJMSTimestamp() {
        return timestamp;
    }

    @Override
    public void setJMSTimestamp(long timestamp) {
        this.timestamp = timestamp;
    }

    @Override
    public byte[] getJMSCorrelationIDAsBytes() {
        if (correlationIdBytes != null) {
            return correlationIdBytes.clone();
        }
        return correlationId == null ? null : correlationId.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void setJMSCorrelationIDAsBytes(byte[] correlationID) {
        this.correlationIdBytes = correlationID == null ? null : correlationID.clone();
        this.correlationId = correlationID == null ? null : new String(correlationID, StandardCharsets.UTF_8);
    }

    @Override
    public void setJMSCorrelationID(String correlationID) {
        this.correlationId = correlationID;
        this.correlationIdBytes = null;
    }

    @Override
    public String getJMSCorrelationID() {
        return correlationId;
    }

    @Override
    public Destination getJMSReplyTo() {
        return replyTo;
    }

    @Override
    public void setJMSReplyTo(Destination replyTo) {
        this.replyTo = replyTo;
    }

    @Override
    public Destination getJMSDestination() {
        return destination;
    }

    @Override
    public void setJMSDestination(Destination destination) {
        this.destination = destination;
    }

    @Override
    public int getJMSDeliveryMode() {
        return deliveryMode;
    }

    @Override
    public void setJMSDeliveryMode(int deliveryMode) {
        this.deliveryMode = deliveryMode;
    }

    @Override
    public boolean getJMSRedelivered() {
        return redelivered;
    }

    @Override
    public void setJMSRedelivered(boolean redelivered) {
        this.redelivered = redelivered;
    }

    @Override
    public String getJMSType() {
        return type;
    }

    @Override
    public void setJMSType(String type) {
        this.type = type;
    }

    @Override
    public long getJMSExpiration() {
        return expiration;
    }

    @Override
    public void setJMSExpiration(long expiration) {
        this.expiration = expiration;
    }

    @Override
    public long getJMSDeliveryTime() {
        return deliveryTime;
    }

    @Override
    public void setJMSDeliveryTime(long deliveryTime) {
        this.deliveryTime = deliveryTime;
    }

    @Override
    public int getJMSPriority() {
        return priority;
    }

    @Override
    public void setJMSPriority(int priority) {
        this.priority = priority;
    }

    // ---- properties -------------------------------------------------------------------------------------------

    @Override
    public void clearProperties() {
        properties.clear();
    }

    @Override
    public boolean propertyExists(String name) {
        return properties.exists(name);
    }

    @Override
    public boolean getBooleanProperty(String name) throws JMSException {
        return ValueConversions.toBoolean(properties.get(name));
    }

    @Override
    public byte getByteProperty(String name) throws JMSException {
        return ValueConversions.toByte(properties.get(name));
    }

    @Override
    public short getShortProperty(String name) throws JMSException {
        return ValueConversions.toShort(properties.get(name));
    }

    @Override
    public int getIntProperty(String name) throws JMSException {
        return ValueConversions.toInt(properties.get(name));
    }

    @Override
    public long getLongProperty(String name) throws JMSException {
        return ValueConversions.toLong(properties.get(name));
    }

    @Override
    public float getFloatProperty(String name) throws JMSException {
        return ValueConversions.toFloat(properties.get(name));
    }

    @Override
    public double getDoubleProperty(String name) throws JMSException {
        return ValueConversions.toDouble(properties.get(name));
    }

    @Override
    public String getStringProperty(String name) throws JMSException {
        return ValueConversions.toText(properties.get(name));
    }

    @Override
    public Object getObjectProperty(String name) {
        return properties.get(name);
    }

    @Override
    public Enumeration<String> getPropertyNames() {
        return properties.names();
    }

    @Override
    public void setBooleanProperty(String name, boolean value) throws JMSException {
        properties.set(name, value);
    }

    @Override
    public void setByteProperty(String name, byte value) throws JMSException {
        properties.set(name, value);
    }

    @Override
    public void setShortProperty(String name, short value) throws JMSException {
        properties.set(name, value);
    }

    @Override
    public void setIntProperty(String name, int value) throws JMSException {
        properties.set(name, value);
    }

    @Override
    public void setLongProperty(String name, long value) throws JMSException {
        properties.set(name, value);
    }

    @Override
    public void setFloatProperty(String name, float value) throws JMSException {
        properties.set(name, value);
    }

    @Override
    public void setDoubleProperty(String name, double value) throws JMSException {
        properties.set(name, value);
    }

    @Override
    public void setStringProperty(String name, String value) throws JMSException {
        properties.set(name, value);
    }

    @Override
    public void setObjectProperty(String name, Object value) throws JMSException {
        properties.set(name, value);
    }

    // ---- acknowledge and body ---------------------------------------------------------------------------------

    @Override
    public void acknowledge() throws JMSException {
        AcknowledgeCallback callback = acknowledgeCallback;
        if (callback != null) {
            callback.acknowledge(this);
        }
    }

    @Override
    public void clearBody() throws JMSException {
        bodyReadOnly = false;
    }

    /** A plain Message has no body: any type may be asked for and null is returned. */
    @Override
    public <T> T getBody(Class<T> c) throws JMSException {
        return null;
    }

    /**
     * Whether the message has a body (what getBody returns as null when absent): JMSConsumer.receiveBody refuses a
     * message without one. A plain Message never has one.
     */
    public boolean hasBody() {
        return false;
    }

    @Override
    public boolean isBodyAssignableTo(@SuppressWarnings("rawtypes") Class c) throws JMSException {
        return true;
    }

    /** The getBody rule shared by the typed messages: a missing body is null for any type, else it must be assignable. */
    static <T> T bodyAs(Object body, Class<T> c, String messageKind) throws MessageFormatException {
        if (body == null) {
            return null;
        }
        if (c == null || !c.isInstance(body)) {
            throw new MessageFormatException("the body of a " + messageKind + " is a " + body.getClass().getName()
                    + " and cannot be assigned to " + (c == null ? "null" : c.getName()));
        }
        return c.cast(body);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[id=" + messageId + ", destination=" + destination + ", properties="
                + properties.asMap() + "]";
    }
}
