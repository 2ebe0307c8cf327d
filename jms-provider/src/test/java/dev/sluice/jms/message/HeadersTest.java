package dev.sluice.jms.message;

import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** Spec 3.4: message header fields. */
class HeadersTest {

    @Test
    void newMessageHasTheSpecDefaults() throws JMSException {
        SluiceMessage m = new SluiceMessage();
        assertThat(m.getJMSDeliveryMode()).isEqualTo(DeliveryMode.PERSISTENT);
        assertThat(m.getJMSPriority()).isEqualTo(Message.DEFAULT_PRIORITY);
        assertThat(m.getJMSExpiration()).isZero();
        assertThat(m.getJMSDeliveryTime()).isZero();
        assertThat(m.getJMSTimestamp()).isZero();
        assertThat(m.getJMSRedelivered()).isFalse();
        assertThat(m.getJMSMessageID()).isNull();
        assertThat(m.getJMSCorrelationID()).isNull();
        assertThat(m.getJMSCorrelationIDAsBytes()).isNull();
        assertThat(m.getJMSReplyTo()).isNull();
        assertThat(m.getJMSDestination()).isNull();
        assertThat(m.getJMSType()).isNull();
    }

    @Test
    void everyHeaderReadsBackWhatWasSet() throws JMSException {
        SluiceMessage m = new SluiceMessage();
        TestSupport.TestQueue reply = new TestSupport.TestQueue("replies");
        TestSupport.TestQueue dest = new TestSupport.TestQueue("orders");
        m.setJMSMessageID("ID:1");
        m.setJMSTimestamp(11);
        m.setJMSCorrelationID("corr");
        m.setJMSReplyTo(reply);
        m.setJMSDestination(dest);
        m.setJMSDeliveryMode(DeliveryMode.NON_PERSISTENT);
        m.setJMSRedelivered(true);
        m.setJMSType("car");
        m.setJMSExpiration(22);
        m.setJMSDeliveryTime(33);
        m.setJMSPriority(9);
        assertThat(m.getJMSMessageID()).isEqualTo("ID:1");
        assertThat(m.getJMSTimestamp()).isEqualTo(11);
        assertThat(m.getJMSCorrelationID()).isEqualTo("corr");
        assertThat(m.getJMSCorrelationIDAsBytes()).isEqualTo("corr".getBytes(StandardCharsets.UTF_8));
        assertThat(m.getJMSReplyTo()).isEqualTo(reply);
        assertThat(m.getJMSDestination()).isEqualTo(dest);
        assertThat(m.getJMSDeliveryMode()).isEqualTo(DeliveryMode.NON_PERSISTENT);
        assertThat(m.getJMSRedelivered()).isTrue();
        assertThat(m.getJMSType()).isEqualTo("car");
        assertThat(m.getJMSExpiration()).isEqualTo(22);
        assertThat(m.getJMSDeliveryTime()).isEqualTo(33);
        assertThat(m.getJMSPriority()).isEqualTo(9);
    }

    @Test
    void correlationIdAsBytesKeepsTheExactBytes() throws JMSException {
        SluiceMessage m = new SluiceMessage();
        byte[] raw = {(byte) 0xff, 0, 1};
        m.setJMSCorrelationIDAsBytes(raw);
        raw[0] = 5;
        assertThat(m.getJMSCorrelationIDAsBytes()).containsExactly((byte) 0xff, 0, 1);
        m.setJMSCorrelationID("text");
        assertThat(m.getJMSCorrelationIDAsBytes()).isEqualTo("text".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void headersStayWritableOnAReceivedMessage() {
        SluiceMessage m = new SluiceMessage();
        m.markReceived(1);
        assertThatCode(() -> {
            m.setJMSType("x");
            m.setJMSCorrelationID("y");
            m.setJMSPriority(1);
        }).doesNotThrowAnyException();
    }

    @Test
    void markReceivedSetsRedeliveredAndDeliveryCount() throws JMSException {
        SluiceMessage first = new SluiceMessage();
        first.markReceived(1);
        assertThat(first.getJMSRedelivered()).isFalse();
        assertThat(first.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
        SluiceMessage again = new SluiceMessage();
        again.markReceived(3);
        assertThat(again.getJMSRedelivered()).isTrue();
        assertThat(again.getObjectProperty("JMSXDeliveryCount")).isEqualTo(3);
    }

    @Test
    void acknowledgeWithoutACallbackIsANoOpAndWithOneDelegates() throws JMSException {
        SluiceMessage m = new SluiceMessage();
        assertThatCode(m::acknowledge).doesNotThrowAnyException();
        AtomicReference<Message> acked = new AtomicReference<>();
        m.setAcknowledgeCallback(acked::set);
        m.acknowledge();
        assertThat(acked.get()).isSameAs(m);
    }

    @Test
    void acknowledgePropagatesTheCallbacksException() {
        SluiceMessage m = new SluiceMessage();
        m.setAcknowledgeCallback(msg -> {
            throw new jakarta.jms.IllegalStateException("session closed");
        });
        org.assertj.core.api.Assertions.assertThatThrownBy(m::acknowledge)
                .isInstanceOf(jakarta.jms.IllegalStateException.class).hasMessage("session closed");
    }
}
