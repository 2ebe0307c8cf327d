package dev.sluice.jms.spec.tempqueue;

import dev.sluice.jms.spec.Broker;
import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Jakarta Messaging 3.1, chapter 6.2.4 / TemporaryQueue. */
class TemporaryQueueTest {

    @Test
    void aTemporaryQueueCarriesMessagesLikeAnyQueue() throws Exception {
        try (Broker b = Broker.realTime()) {
            Session s = b.started().createSession();
            TemporaryQueue tq = s.createTemporaryQueue();
            assertThat(tq.getQueueName()).isNotBlank();
            assertThat(s.createTemporaryQueue().getQueueName()).isNotEqualTo(tq.getQueueName());
            s.createProducer(tq).send(s.createTextMessage("reply"));
            assertThat(((TextMessage) s.createConsumer(tq).receive(5000)).getText()).isEqualTo("reply");
        }
    }

    @Test
    void anotherConnectionMaySendToItButNotConsumeFromIt() throws Exception {
        try (Broker b = Broker.realTime()) {
            Connection owner = b.started();
            Session s = owner.createSession();
            TemporaryQueue tq = s.createTemporaryQueue();
            Session other = b.started().createSession();
            other.createProducer(tq).send(other.createTextMessage("to owner"));
            assertThatThrownBy(() -> other.createConsumer(tq)).isInstanceOf(InvalidDestinationException.class);
            assertThat(((TextMessage) s.createConsumer(tq).receive(5000)).getText()).isEqualTo("to owner");
        }
    }

    @Test
    void itIsDeletedWithItsConnection() throws Exception {
        try (Broker b = Broker.realTime()) {
            Connection owner = b.connection();
            TemporaryQueue tq = owner.createSession().createTemporaryQueue();
            String name = tq.getQueueName();
            assertThat(b.engine().listQueues(null, null, null).toString()).contains(name);
            owner.close();
            assertThat(b.engine().listQueues(null, null, null).toString()).doesNotContain(name);
            Session other = b.started().createSession();
            assertThatThrownBy(() -> other.createProducer(null).send(tq, other.createTextMessage("gone")))
                    .isInstanceOf(InvalidDestinationException.class);
        }
    }

    @Test
    void deletingItWhileAConsumerIsOpenIsIllegal() throws Exception {
        try (Broker b = Broker.realTime()) {
            Session s = b.started().createSession();
            TemporaryQueue tq = s.createTemporaryQueue();
            MessageConsumer c = s.createConsumer(tq);
            assertThatThrownBy(tq::delete).isInstanceOf(IllegalStateException.class);
            c.close();
            tq.delete();
            assertThatThrownBy(() -> s.createProducer(tq).send(s.createTextMessage("x")))
                    .isInstanceOf(InvalidDestinationException.class);
        }
    }

    @Test
    void itCanBeTheReplyToOfARequest() throws Exception {
        try (Broker b = Broker.realTime()) {
            Session requester = b.started().createSession();
            TemporaryQueue replies = requester.createTemporaryQueue();
            jakarta.jms.Queue service = requester.createQueue("service");
            TextMessage request = requester.createTextMessage("ping");
            request.setJMSReplyTo(replies);
            requester.createProducer(service).send(request);

            Session responder = b.started().createSession();
            Message got = responder.createConsumer(service).receive(5000);
            responder.createProducer(got.getJMSReplyTo()).send(responder.createTextMessage("pong"));

            assertThat(((TextMessage) requester.createConsumer(replies).receive(5000)).getText()).isEqualTo("pong");
        }
    }

    /** TemporaryQueue: "can be consumed only by the Connection that created it", however another comes by it. */
    @Test
    void anotherConnectionCannotConsumeItThroughItsNameOrAReplyTo() throws Exception {
        try (Broker b = Broker.realTime()) {
            Session s = b.started().createSession();
            TemporaryQueue tq = s.createTemporaryQueue();
            jakarta.jms.Queue service = s.createQueue("temp-service");
            TextMessage request = s.createTextMessage("request");
            request.setJMSReplyTo(tq);
            s.createProducer(service).send(request);

            Session other = b.started().createSession();
            assertThatThrownBy(() -> other.createConsumer(other.createQueue(tq.getQueueName())))
                    .isInstanceOf(InvalidDestinationException.class);
            Message got = other.createConsumer(service).receive(5000);
            assertThatThrownBy(() -> other.createConsumer(got.getJMSReplyTo()))
                    .isInstanceOf(InvalidDestinationException.class);
        }
    }

    @Test
    void itsOwnConnectionConsumesItThroughAReplyToOrItsNameToo() throws Exception {
        try (Broker b = Broker.realTime()) {
            Session s = b.started().createSession();
            TemporaryQueue tq = s.createTemporaryQueue();
            TextMessage carrier = s.createTextMessage("carrier");
            carrier.setJMSReplyTo(tq);
            jakarta.jms.Queue loop = s.createQueue("temp-loop");
            s.createProducer(loop).send(carrier);
            Message got = s.createConsumer(loop).receive(5000);
            s.createProducer(tq).send(s.createTextMessage("to myself"));
            assertThat(((TextMessage) s.createConsumer(got.getJMSReplyTo()).receive(5000)).getText())
                    .isEqualTo("to myself");
            assertThat(s.createConsumer(s.createQueue(tq.getQueueName())).receiveNoWait()).isNull();
        }
    }
}
