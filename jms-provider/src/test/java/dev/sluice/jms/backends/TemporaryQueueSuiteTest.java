package dev.sluice.jms.backends;

import jakarta.jms.Connection;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** DESIGN.md row TemporaryQueue: a generated queue, deleted when its connection closes. */
class TemporaryQueueSuiteTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sluice.jms.backends.Backends#all")
    void requestReplyOverATemporaryQueue(TestBackend backend) throws Exception {
        try (Scenario s = Scenario.on(backend)) {
            Connection requester = s.started();
            Session rs = requester.createSession(Session.AUTO_ACKNOWLEDGE);
            Queue service = rs.createQueue(s.queue("service"));
            TemporaryQueue replies = rs.createTemporaryQueue();
            TextMessage request = rs.createTextMessage("ping");
            request.setJMSReplyTo(replies);
            rs.createProducer(service).send(request);

            Session ss = s.started().createSession(Session.AUTO_ACKNOWLEDGE);
            Message got = ss.createConsumer(service).receive(10_000);
            assertThat(got.getJMSReplyTo()).isInstanceOf(TemporaryQueue.class);
            TextMessage reply = ss.createTextMessage("pong");
            reply.setJMSCorrelationID(got.getJMSMessageID());
            ss.createProducer(got.getJMSReplyTo()).send(reply);

            Message answer = rs.createConsumer(replies).receive(10_000);
            assertThat(((TextMessage) answer).getText()).isEqualTo("pong");
            assertThat(answer.getJMSCorrelationID()).isEqualTo(request.getJMSMessageID());

            String name = replies.getQueueName();
            requester.close();
            Session after = s.connection().createSession(Session.AUTO_ACKNOWLEDGE);
            assertThatThrownBy(() -> after.createProducer(after.createQueue(name)).send(after.createTextMessage("late")))
                    .as("deleted with its connection").isInstanceOf(InvalidDestinationException.class);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sluice.jms.backends.Backends#all")
    void onlyItsOwnConnectionConsumesATemporaryQueue(TestBackend backend) throws Exception {
        try (Scenario s = Scenario.on(backend)) {
            TemporaryQueue t = s.connection().createSession(Session.AUTO_ACKNOWLEDGE).createTemporaryQueue();
            Session other = s.connection().createSession(Session.AUTO_ACKNOWLEDGE);
            assertThatThrownBy(() -> other.createConsumer(t)).isInstanceOf(InvalidDestinationException.class);
        }
    }
}
