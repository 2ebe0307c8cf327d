package dev.sluice.samples.requestreply;

import dev.sluice.samples.support.Listeners;
import dev.sluice.samples.support.SampleMain;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;

import java.util.ArrayList;
import java.util.List;

/** The request–reply pattern: a client asks for prices and waits for each answer; a responder pool answers. */
@ApplicationScoped
public class RequestReplyApp {

    @Inject
    PriceClient client;
    @Inject
    PriceResponder responder;
    @Inject
    ConnectionFactory factory;

    public static void main(String[] args) throws Exception {
        SampleMain.run(RequestReplyApp.class, app -> app.run(List.of("apple", "banana", "cherry"))
                .forEach(r -> System.out.println("reply " + r)));
    }

    public List<PriceClient.Reply> run(List<String> skus) throws Exception {
        List<PriceClient.Reply> replies = new ArrayList<>();
        try (Listeners ignored = Listeners.start(factory, PriceResponder.QUEUE, 2, responder)) {
            for (String sku : skus) {
                replies.add(client.priceOf(sku, 10_000)
                        .orElseThrow(() -> new IllegalStateException("no reply for " + sku + " within 10 s")));
            }
        }
        return replies;
    }
}
