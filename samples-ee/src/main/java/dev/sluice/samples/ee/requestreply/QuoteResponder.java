package dev.sluice.samples.ee.requestreply;

import dev.sluice.samples.ee.SluiceResources;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/** Answers each quote request on its JMSReplyTo queue, echoing its JMSCorrelationID. */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destination", propertyValue = QuoteClient.QUEUE),
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "sluice-ra"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2")})
public class QuoteResponder implements MessageListener {

    @Inject
    @JMSConnectionFactory(SluiceResources.FACTORY)
    private JMSContext jms;

    @Override
    public void onMessage(Message request) {
        try {
            String item = request.getBody(String.class);
            int cents = 100 + Math.floorMod(item.hashCode(), 900);
            jms.createProducer().setJMSCorrelationID(request.getJMSCorrelationID())
                    .send(request.getJMSReplyTo(), item + "|" + cents);
        } catch (JMSException e) {
            throw new IllegalStateException("Unreadable quote request " + request, e);
        }
    }
}
