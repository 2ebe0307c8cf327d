package dev.sluice.samples.deadletter;

import dev.sluice.samples.support.Tally;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * The guide's process_with_dlq(): a listener that fails on amounts written with a decimal comma, until the
 * bug is fixed. A failure throws, as an MDB does: the message is delivered again, and after the queue's
 * maxReceiveCount deliveries SQS moves it to the dead-letter queue instead of retrying forever.
 */
@ApplicationScoped
public class PaymentProcessor implements MessageListener {

    private final Tally<String> paid = new Tally<>();
    private final Tally<String> failures = new Tally<>();
    private volatile boolean acceptsDecimalComma;

    @Override
    public void onMessage(Message message) {
        try {
            String paymentId = message.getStringProperty("PaymentId");
            String amount = message.getStringProperty("Amount");
            if (amount.contains(",") && !acceptsDecimalComma) {
                failures.add(paymentId + " (delivery #" + message.getIntProperty("JMSXDeliveryCount") + ")");
                throw new IllegalArgumentException("payment " + paymentId + ": cannot parse amount " + amount);
            }
            paid.add(paymentId);
        } catch (JMSException e) {
            throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
        }
    }

    /** The fix, deployed after the failed message was analysed in the dead-letter queue. */
    public void acceptDecimalComma() {
        acceptsDecimalComma = true;
    }

    public Tally<String> paid() {
        return paid;
    }

    public Tally<String> failures() {
        return failures;
    }
}
