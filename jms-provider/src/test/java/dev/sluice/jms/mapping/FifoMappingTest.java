package dev.sluice.jms.mapping;

import dev.sluice.engine.model.ReceiveMessageRequest;
import dev.sluice.engine.model.ReceivedMessage;
import dev.sluice.jms.spec.Broker;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** DESIGN.md rows: a .fifo name is a FIFO queue; JMSXGroupID ↔ MessageGroupId; de-duplication. */
class FifoMappingTest {

    @Test
    void jmsxGroupIdBecomesTheMessageGroupId() throws Exception {
        try (Broker b = Broker.manual()) {
            Session s = b.started().createSession();
            Queue q = s.createQueue("orders.fifo");
            TextMessage m = s.createTextMessage("order 1");
            m.setStringProperty("JMSXGroupID", "customer-7");
            m.setIntProperty("JMSXGroupSeq", 1);
            s.createProducer(q).send(m);
            assertThat(b.engine().getQueueAttributes("orders.fifo", List.of("FifoQueue"))).containsEntry("FifoQueue", "true");

            List<ReceivedMessage> raw = b.engine().receiveMessage(ReceiveMessageRequest.all("orders.fifo", 1));
            assertThat(raw).hasSize(1);
            assertThat(raw.get(0).attributes()).containsEntry("MessageGroupId", "customer-7");
            b.engine().changeMessageVisibility("orders.fifo", raw.get(0).receiptHandle(), 0);

            Message got = s.createConsumer(q).receiveNoWait();
            assertThat(got.getStringProperty("JMSXGroupID")).isEqualTo("customer-7");
            assertThat(got.getIntProperty("JMSXGroupSeq")).isEqualTo(1);
            assertThat(got.getStringProperty("JMS_SQS_SequenceNumber")).isNotBlank().containsOnlyDigits();
        }
    }

    /** 3.5.9: a JMSX property the sender did not set is absent, though SQS needs a MessageGroupId on FIFO queues. */
    @Test
    void aMessageSentWithoutAGroupArrivesWithoutOne() throws Exception {
        try (Broker b = Broker.manual()) {
            Session s = b.started().createSession();
            Queue q = s.createQueue("ungrouped.fifo");
            MessageProducer p = s.createProducer(q);
            p.send(s.createTextMessage("first"));
            p.send(s.createTextMessage("second"));
            Message m = s.createConsumer(q, "JMSXGroupID IS NULL").receiveNoWait();
            assertThat(((TextMessage) m).getText()).isEqualTo("first");
            assertThat(m.getStringProperty("JMSXGroupID")).isNull();
            assertThat(java.util.Collections.list(m.getPropertyNames())).doesNotContain("JMSXGroupID");
        }
    }

    @Test
    void aDeliveryDelayOnAFifoQueueIsRefusedClearly() throws Exception {
        try (Broker b = Broker.manual()) {
            Session s = b.connection().createSession();
            MessageProducer p = s.createProducer(s.createQueue("delayed.fifo"));
            p.setDeliveryDelay(5_000);
            assertThatThrownBy(() -> p.send(s.createTextMessage("x"))).isInstanceOf(JMSException.class)
                    .hasMessageContaining("delayed.fifo");
        }
    }

    @Test
    void deduplicationIdDropsARepeatWithinFiveMinutes() throws Exception {
        try (Broker b = Broker.manual()) {
            Session s = b.started().createSession();
            Queue q = s.createQueue("payments.fifo");
            MessageProducer p = s.createProducer(q);
            for (String body : new String[] {"pay #1", "pay #1 retried"}) {
                TextMessage m = s.createTextMessage(body);
                m.setStringProperty("JMS_SQS_DeduplicationId", "payment-1");
                p.send(m);
            }
            MessageConsumer c = s.createConsumer(q);
            Message first = c.receiveNoWait();
            assertThat(((TextMessage) first).getText()).isEqualTo("pay #1");
            assertThat(first.getStringProperty("JMS_SQS_DeduplicationId")).isEqualTo("payment-1");
            assertThat(first.getStringProperty("JMS_SQS_SequenceNumber")).isNotBlank();
            assertThat(c.receiveNoWait()).isNull();

            b.advance(Duration.ofMinutes(5).plusSeconds(1));
            TextMessage late = s.createTextMessage("pay #1 much later");
            late.setStringProperty("JMS_SQS_DeduplicationId", "payment-1");
            p.send(late);
            assertThat(((TextMessage) c.receiveNoWait()).getText()).isEqualTo("pay #1 much later");
        }
    }

    /**
     * A message received from a FIFO queue carries its JMS_SQS_DeduplicationId; JMS lets an application send a
     * received message on. A standard queue (or a topic, whose subscription queues are standard) has nothing to
     * de-duplicate and SQS refuses a MessageDeduplicationId there, so the id stays behind instead of failing the send.
     */
    @Test
    void aMessageReceivedFromAFifoQueueCanBeForwardedToAStandardQueueAndATopic() throws Exception {
        try (Broker b = Broker.manual()) {
            Session s = b.started().createSession();
            Queue orders = s.createQueue("forwarded.fifo");
            Queue audit = s.createQueue("audit");
            Topic events = s.createTopic("order-events");
            MessageConsumer subscriber = s.createConsumer(events);
            TextMessage m = s.createTextMessage("order 9");
            m.setStringProperty("JMSXGroupID", "customer-9");
            m.setStringProperty("JMS_SQS_DeduplicationId", "order-9");
            s.createProducer(orders).send(m);
            Message got = s.createConsumer(orders).receiveNoWait();
            assertThat(got.getStringProperty("JMS_SQS_DeduplicationId")).isEqualTo("order-9");

            s.createProducer(audit).send(got);
            s.createProducer(events).send(got);

            Message audited = s.createConsumer(audit).receiveNoWait();
            assertThat(((TextMessage) audited).getText()).isEqualTo("order 9");
            assertThat(audited.getStringProperty("JMSXGroupID")).isEqualTo("customer-9");
            assertThat(((TextMessage) subscriber.receiveNoWait()).getText()).isEqualTo("order 9");
        }
    }

    @Test
    void equalBodiesWithoutADeduplicationIdAreDistinctMessages() throws Exception {
        try (Broker b = Broker.manual()) {
            Session s = b.started().createSession();
            Queue q = s.createQueue("same-bodies.fifo");
            MessageProducer p = s.createProducer(q);
            p.send(s.createTextMessage("same"));
            p.send(s.createTextMessage("same"));
            MessageConsumer c = s.createConsumer(q);
            assertThat(c.receiveNoWait()).isNotNull();
            assertThat(c.receiveNoWait()).isNotNull();
        }
    }

    /**
     * The de-duplication id Sluice makes up for a send without one travels with the received message; sending that
     * message again (a retry through the same queue) must not be dropped as a repeat of itself, or it is lost: the
     * first delivery was acknowledged. An id the application chose still de-duplicates.
     */
    @Test
    void aReceivedMessageSentAgainToItsFifoQueueIsNotDroppedAsARepeat() throws Exception {
        try (Broker b = Broker.manual()) {
            Session s = b.started().createSession();
            Queue q = s.createQueue("retried.fifo");
            MessageProducer p = s.createProducer(q);
            p.send(s.createTextMessage("job"));
            TextMessage chosen = s.createTextMessage("payment");
            chosen.setStringProperty("JMS_SQS_DeduplicationId", "payment-2");
            p.send(chosen);
            MessageConsumer c = s.createConsumer(q);
            Message job = c.receiveNoWait();
            Message payment = c.receiveNoWait();
            assertThat(job.getStringProperty("JMS_SQS_DeduplicationId")).isNotBlank();
            String firstId = job.getJMSMessageID();

            p.send(job);
            p.send(payment);
            Message again = c.receiveNoWait();
            assertThat(again).isNotNull();
            assertThat(((TextMessage) again).getText()).isEqualTo("job");
            assertThat(again.getJMSMessageID()).isNotEqualTo(firstId);
            assertThat(c.receiveNoWait()).isNull();
        }
    }

    @Test
    void aContentBasedDeduplicationQueueDropsEqualBodies() throws Exception {
        try (Broker b = Broker.manual()) {
            b.engine().createQueue("content.fifo", Map.of("FifoQueue", "true", "ContentBasedDeduplication", "true"),
                    Map.of());
            Session s = b.started().createSession();
            Queue q = s.createQueue("content.fifo");
            MessageProducer p = s.createProducer(q);
            p.send(s.createTextMessage("same"));
            p.send(s.createTextMessage("same"));
            MessageConsumer c = s.createConsumer(q);
            assertThat(c.receiveNoWait()).isNotNull();
            assertThat(c.receiveNoWait()).isNull();
        }
    }

    @Test
    void tenGroupsOfAThousandKeepTheirOrderUnderFourConcurrentConsumers() throws Exception {
        int groups = 10;
        int perGroup = 1_000;
        try (Broker b = Broker.realTime()) {
            Connection c = b.connection();
            Session sender = c.createSession(Session.SESSION_TRANSACTED);
            Queue q = sender.createQueue("orders.fifo");
            MessageProducer p = sender.createProducer(q);
            for (int i = 0; i < perGroup; i++) {
                for (int g = 0; g < groups; g++) {
                    TextMessage m = sender.createTextMessage("g" + g + "#" + i);
                    m.setStringProperty("JMSXGroupID", "g" + g);
                    m.setIntProperty("JMSXGroupSeq", i + 1);
                    p.send(m);
                }
                if (i % 10 == 9) {
                    sender.commit();
                }
            }
            sender.commit();

            Map<String, AtomicInteger> lastSeq = new ConcurrentHashMap<>();
            Set<String> inFlight = ConcurrentHashMap.newKeySet();
            Set<String> ids = ConcurrentHashMap.newKeySet();
            AtomicInteger received = new AtomicInteger();
            AtomicInteger maxGroupsInFlight = new AtomicInteger();
            AtomicInteger outOfOrder = new AtomicInteger();
            AtomicInteger duplicates = new AtomicInteger();
            for (int i = 0; i < 4; i++) {
                c.createSession().createConsumer(q).setMessageListener(m -> {
                    try {
                        String group = m.getStringProperty("JMSXGroupID");
                        if (!inFlight.add(group)) {
                            outOfOrder.incrementAndGet(); // two deliveries of one group at once
                        }
                        maxGroupsInFlight.accumulateAndGet(inFlight.size(), Math::max);
                        int seq = m.getIntProperty("JMSXGroupSeq");
                        int previous = lastSeq.computeIfAbsent(group, k -> new AtomicInteger()).getAndSet(seq);
                        if (seq != previous + 1) {
                            outOfOrder.incrementAndGet();
                        }
                        if (!ids.add(m.getJMSMessageID())) {
                            duplicates.incrementAndGet();
                        }
                        Thread.yield(); // a moment of "work" while the group is in flight
                        inFlight.remove(group);
                        received.incrementAndGet();
                    } catch (JMSException e) {
                        throw new RuntimeException(e);
                    }
                });
            }
            c.start();
            await().atMost(Duration.ofSeconds(120)).until(() -> received.get() == groups * perGroup);
            assertThat(outOfOrder.get()).isZero();
            assertThat(duplicates.get()).isZero();
            assertThat(ids).hasSize(groups * perGroup);
            assertThat(lastSeq.values()).allMatch(v -> v.get() == perGroup);
            assertThat(maxGroupsInFlight.get()).as("groups progress in parallel").isGreaterThanOrEqualTo(2);
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> received.get() == groups * perGroup);
        }
    }
}
