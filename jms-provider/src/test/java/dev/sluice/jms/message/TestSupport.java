package dev.sluice.jms.message;

import dev.sluice.jms.backend.IncomingMessage;
import dev.sluice.jms.backend.OutgoingMessage;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;

import java.util.function.Function;

/** Helpers shared by the message tests. */
final class TestSupport {

    private TestSupport() {
    }

    record TestQueue(String name) implements Queue {
        @Override
        public String getQueueName() {
            return name;
        }
    }

    static final Function<String, Destination> RESOLVER = TestQueue::new;

    static IncomingMessage incoming(OutgoingMessage out, int receiveCount) {
        return new IncomingMessage("orders", "msg-1", "receipt-1", out.body(), out.attributes(), receiveCount, 1_000L,
                out.groupId(), out.deduplicationId(), null);
    }

    static SluiceMessage roundTrip(Message m) throws JMSException {
        return MessageCodec.decode(incoming(MessageCodec.encode(m), 1), RESOLVER, ObjectMessagePolicy.defaults());
    }

    @SuppressWarnings("unchecked")
    static <T extends Message> T roundTrip(T m, Class<T> type) throws JMSException {
        Message back = roundTrip(m);
        return (T) type.cast(back);
    }
}
