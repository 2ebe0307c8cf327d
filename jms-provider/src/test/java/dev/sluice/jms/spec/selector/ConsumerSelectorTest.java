package dev.sluice.jms.spec.selector;

import dev.sluice.jms.spec.Broker;
import jakarta.jms.InvalidSelectorException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Jakarta Messaging 3.1, chapter 3.8: message selection by consumers. */
class ConsumerSelectorTest {

    @Test
    void aConsumerGetsOnlyMatchingMessagesAndTheOthersStayForOtherConsumers() throws Exception {
        try (Broker b = Broker.manual()) {
            Session s = b.started().createSession();
            Queue q = s.createQueue("selected");
            MessageProducer p = s.createProducer(q);
            for (int i = 0; i < 6; i++) {
                TextMessage m = s.createTextMessage("m" + i);
                m.setStringProperty("colour", i % 2 == 0 ? "red" : "blue");
                m.setJMSType(i < 3 ? "small" : "large");
                p.send(m);
            }
            MessageConsumer red = s.createConsumer(q, "colour = 'red'");
            assertThat(text(red.receiveNoWait())).isEqualTo("m0");
            assertThat(text(red.receiveNoWait())).isEqualTo("m2");
            assertThat(text(red.receiveNoWait())).isEqualTo("m4");
            assertThat(red.receiveNoWait()).isNull();

            MessageConsumer largeBlue = s.createConsumer(q, "JMSType = 'large' AND colour <> 'red'");
            assertThat(text(largeBlue.receiveNoWait())).isEqualTo("m3");
            assertThat(text(largeBlue.receiveNoWait())).isEqualTo("m5");

            MessageConsumer all = s.createConsumer(q);
            assertThat(text(all.receiveNoWait())).isEqualTo("m1");
            assertThat(all.receiveNoWait()).isNull();
        }
    }

    @Test
    void aListenerWithASelectorSkipsNonMatchingMessagesWhichRemainAvailable() throws Exception {
        try (Broker b = Broker.realTime()) {
            Session s = b.started().createSession();
            Queue q = s.createQueue("selected-listener");
            List<String> got = new CopyOnWriteArrayList<>();
            s.createConsumer(q, "n > 2").setMessageListener(m -> got.add(text(m)));
            MessageProducer p = b.connection().createSession().createProducer(q);
            for (int i = 0; i < 5; i++) {
                TextMessage m = s.createTextMessage("m" + i);
                m.setIntProperty("n", i);
                p.send(m);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> got.size() == 2);
            assertThat(got).containsExactly("m3", "m4");
            Session other = b.started().createSession();
            MessageConsumer rest = other.createConsumer(q);
            assertThat(List.of(text(rest.receive(5000)), text(rest.receive(5000)), text(rest.receive(5000))))
                    .containsExactly("m0", "m1", "m2");
        }
    }

    @Test
    void anEmptySelectorSelectsEverything() throws Exception {
        try (Broker b = Broker.manual()) {
            Session s = b.started().createSession();
            Queue q = s.createQueue("empty-selector");
            s.createProducer(q).send(s.createTextMessage("any"));
            assertThat(text(s.createConsumer(q, "").receiveNoWait())).isEqualTo("any");
        }
    }

    @Test
    void aMalformedSelectorIsAnInvalidSelectorException() throws Exception {
        try (Broker b = Broker.manual()) {
            Session s = b.connection().createSession();
            Queue q = s.createQueue("bad-selector");
            assertThatThrownBy(() -> s.createConsumer(q, "colour = ")).isInstanceOf(InvalidSelectorException.class);
            assertThatThrownBy(() -> s.createConsumer(q, "x IN ()", false)).isInstanceOf(InvalidSelectorException.class);
            assertThatThrownBy(() -> s.createBrowser(q, "'unterminated")).isInstanceOf(InvalidSelectorException.class);
        }
    }

    /**
     * 3.8.1.1: identifiers are property names, JMS_ ones included, and a selector sees the values the message
     * carries; a FIFO message arrives with the provider properties JMS_SQS_SequenceNumber and
     * JMS_SQS_DeduplicationId, so consumers and browsers must be able to select on them too.
     */
    @Test
    void providerSpecificPropertiesAreSelectable() throws Exception {
        try (Broker b = Broker.manual()) {
            Session s = b.started().createSession();
            Queue q = s.createQueue("selected-provider-properties.fifo");
            TextMessage m = s.createTextMessage("fifo");
            m.setStringProperty("JMSXGroupID", "g");
            s.createProducer(q).send(m);
            String selector = "JMS_SQS_SequenceNumber IS NOT NULL AND JMS_SQS_DeduplicationId IS NOT NULL";

            assertThat(java.util.Collections.list(s.createBrowser(q, selector).getEnumeration())).hasSize(1);
            jakarta.jms.Message got = s.createConsumer(q, selector).receiveNoWait();
            assertThat(got).isNotNull();
            assertThat(got.getStringProperty("JMS_SQS_SequenceNumber")).isNotNull();
            assertThat(got.getStringProperty("JMS_SQS_DeduplicationId")).isNotNull();
        }
    }

    static String text(jakarta.jms.Message m) {
        try {
            return m == null ? null : ((TextMessage) m).getText();
        } catch (Exception e) {
            throw new RuntimeException(e);
        }
    }
}
