package dev.sluice.samples.orders;

import dev.sluice.samples.support.Tally;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * The guide's process_order_messages(): an MDB-style listener. In AUTO_ACKNOWLEDGE the message is deleted
 * when onMessage returns; had it thrown, the message would come back (the guide's "visible again").
 */
@ApplicationScoped
public class OrderProcessor implements MessageListener {

    /** What the processor saw of one order: the attributes it routed on and the body it parsed. */
    public record Processed(String orderId, String priority, String body) {
    }

    private final Tally<Processed> processed = new Tally<>();

    @Override
    public void onMessage(Message message) {
        try {
            processed.add(new Processed(message.getStringProperty("OrderId"), message.getStringProperty("Priority"),
                    message.getBody(String.class)));
        } catch (JMSException e) {
            throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
        }
    }

    public Tally<Processed> processed() {
        return processed;
    }
}
