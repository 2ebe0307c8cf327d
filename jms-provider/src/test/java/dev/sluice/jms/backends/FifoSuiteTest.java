package dev.sluice.jms.backends;

import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** DESIGN.md rows JMSXGroupID ↔ MessageGroupId and de-duplication, on every backend. */
class FifoSuiteTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sluice.jms.backends.Backends#all")
    void eachGroupArrivesInSendOrderWithSequenceNumbers(TestBackend backend) throws Exception {
        try (Scenario s = Scenario.on(backend)) {
            Session session = s.started().createSession(Session.AUTO_ACKNOWLEDGE);
            Queue q = session.createQueue(s.queue("orders.fifo"));
            MessageProducer p = session.createProducer(q);
            for (int i = 0; i < 4; i++) {
                for (String group : List.of("a", "b")) {
                    TextMessage m = session.createTextMessage(group + i);
                    m.setStringProperty("JMSXGroupID", group);
                    p.send(m);
                }
            }
            MessageConsumer c = session.createConsumer(q);
            Map<String, List<String>> byGroup = new LinkedHashMap<>();
            for (int i = 0; i < 8; i++) {
                Message m = c.receive(10_000);
                assertThat(m).as("message %d of 8", i + 1).isNotNull();
                assertThat(m.getStringProperty("JMS_SQS_SequenceNumber")).isNotBlank();
                byGroup.computeIfAbsent(m.getStringProperty("JMSXGroupID"), g -> new ArrayList<>())
                        .add(((TextMessage) m).getText());
            }
            assertThat(byGroup).containsEntry("a", List.of("a0", "a1", "a2", "a3"))
                    .containsEntry("b", List.of("b0", "b1", "b2", "b3"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sluice.jms.backends.Backends#all")
    void aRepeatedDeduplicationIdIsDeliveredOnce(TestBackend backend) throws Exception {
        try (Scenario s = Scenario.on(backend)) {
            Session session = s.started().createSession(Session.AUTO_ACKNOWLEDGE);
            Queue q = session.createQueue(s.queue("dedup.fifo"));
            MessageProducer p = session.createProducer(q);
            for (String body : List.of("first", "retry of first", "second")) {
                TextMessage m = session.createTextMessage(body);
                m.setStringProperty("JMS_SQS_DeduplicationId", body.equals("second") ? "order-2" : "order-1");
                p.send(m);
            }
            MessageConsumer c = session.createConsumer(q);
            Message one = c.receive(10_000);
            Message two = c.receive(10_000);
            assertThat(((TextMessage) one).getText()).isEqualTo("first");
            assertThat(one.getStringProperty("JMS_SQS_DeduplicationId")).isEqualTo("order-1");
            assertThat(((TextMessage) two).getText()).isEqualTo("second");
            assertThat(c.receive(1_000)).isNull();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sluice.jms.backends.Backends#all")
    void aFifoQueueRefusesAPerMessageDelay(TestBackend backend) throws Exception {
        try (Scenario s = Scenario.on(backend)) {
            Session session = s.started().createSession(Session.AUTO_ACKNOWLEDGE);
            MessageProducer p = session.createProducer(session.createQueue(s.queue("nodelay.fifo")));
            p.setDeliveryDelay(1_000);
            assertThatThrownBy(() -> p.send(session.createTextMessage("x")))
                    .hasMessageContaining("cannot delay single messages");
        }
    }
}
