package dev.sluice.samples.events;

import dev.sluice.samples.support.Listeners;
import dev.sluice.samples.support.SampleMain;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Use case 3, event-driven architecture: events of one queue routed to their handlers by message selectors. */
@ApplicationScoped
public class EventRoutingApp {

    @Inject
    EventPublisher publisher;
    @Inject
    ConnectionFactory factory;

    public static void main(String[] args) throws Exception {
        SampleMain.run(EventRoutingApp.class, app -> app.run(List.of("alice", "bob")).forEach(h ->
                System.out.printf("%-10s (%s) handled %s%n", h.name(), h.selector(), h.handled().items())));
    }

    public List<EventHandler> run(List<String> registeredUsers) throws Exception {
        List<EventHandler> handlers = List.of(
                new EventHandler("users", "EventType = 'user.created'"),
                new EventHandler("email", "EventType = 'email.send'"),
                new EventHandler("analytics", "EventType LIKE 'analytics.%'"));
        List<Listeners> running = new ArrayList<>();
        try {
            for (EventHandler h : handlers) {
                running.add(Listeners.start(factory, JMSContext.AUTO_ACKNOWLEDGE, EventPublisher.QUEUE, h.selector(), 1, h));
            }
            registeredUsers.forEach(publisher::userRegistered);
            for (EventHandler h : handlers) {
                if (!h.handled().awaitSize(registeredUsers.size(), Duration.ofSeconds(30))) {
                    throw new IllegalStateException(h.name() + " got only " + h.handled().items());
                }
            }
        } finally {
            running.forEach(Listeners::close);
        }
        return handlers;
    }
}
