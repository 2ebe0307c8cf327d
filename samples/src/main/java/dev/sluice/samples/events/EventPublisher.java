package dev.sluice.samples.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;

/** The guide's publish_event() and handle_user_registration(): one registration, three events. */
@ApplicationScoped
public class EventPublisher {

    public static final String QUEUE = "event-queue";

    @Inject
    JMSContext context;

    @ActivateRequestContext
    public void userRegistered(String userId) {
        publish("user.created", "{\"user_id\":\"" + userId + "\"}");
        publish("email.send", "{\"to\":\"" + userId + "@example.com\",\"template\":\"welcome\"}");
        publish("analytics.track", "{\"event\":\"user_registered\",\"user_id\":\"" + userId + "\"}");
    }

    private void publish(String eventType, String data) {
        context.createProducer().setProperty("EventType", eventType).setProperty("Source", "user-service")
                .send(context.createQueue(QUEUE), "{\"event_type\":\"" + eventType + "\",\"event_data\":" + data + "}");
    }
}
