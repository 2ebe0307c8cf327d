package dev.sluice.jms.spec.producer;

import jakarta.jms.CompletionListener;
import jakarta.jms.Message;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A CompletionListener a test can wait on: the sent message, or the send's failure. */
final class Outcome implements CompletionListener {

    private final CompletableFuture<Message> result = new CompletableFuture<>();

    @Override
    public void onCompletion(Message message) {
        result.complete(message);
    }

    @Override
    public void onException(Message message, Exception exception) {
        result.completeExceptionally(exception);
    }

    boolean isDone() {
        return result.isDone();
    }

    Message get() throws Exception {
        return result.get(10, TimeUnit.SECONDS);
    }
}
