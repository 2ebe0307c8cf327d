package dev.sluice.samples.ee.deadletter;

import dev.sluice.samples.ee.SluiceResources;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;

/** Takes payments for processing; some of them are malformed and will never succeed. */
@Stateless
public class PaymentDesk {

    public static final String QUEUE = "payments";
    /** Where the queue's RedrivePolicy sends a payment after its maxReceiveCount failed deliveries. */
    public static final String DEAD_LETTERS = "payments-dlq";

    @Inject
    @JMSConnectionFactory(SluiceResources.FACTORY)
    private JMSContext jms;

    public void take(String paymentId, long cents) {
        jms.createProducer().setProperty("PaymentId", paymentId).send(jms.createQueue(QUEUE), Long.toString(cents));
    }
}
