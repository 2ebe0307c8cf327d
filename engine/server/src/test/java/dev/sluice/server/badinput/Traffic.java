package dev.sluice.server.badinput;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;

/**
 * A well-behaved producer and consumer on their own queue, running while bad input hits the server: every
 * message sent must be received (and deleted), and no valid request may fail.
 */
final class Traffic implements AutoCloseable {

    private final BadInputServer server;
    private final String url;
    private final ScheduledExecutorService threads = Executors.newScheduledThreadPool(2);
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicBoolean consuming = new AtomicBoolean(true);
    final Set<String> sent = ConcurrentHashMap.newKeySet();
    final Set<String> received = ConcurrentHashMap.newKeySet();
    final List<String> errors = new CopyOnWriteArrayList<>();

    Traffic(BadInputServer server, String queue) {
        this.server = server;
        Wire.Reply created = Wire.json(server, "AmazonSQS.CreateQueue", "{\"QueueName\":\"" + queue + "\"}");
        if (created.status() != 200) {
            throw new IllegalStateException("CreateQueue failed: " + created.body());
        }
        this.url = created.json().get("QueueUrl").asText();
    }

    Traffic start() {
        threads.scheduleAtFixedRate(this::produce, 0, 20, TimeUnit.MILLISECONDS);
        threads.execute(this::consume);
        return this;
    }

    private void produce() {
        String body = "traffic-" + next.incrementAndGet() + "-\u00e9\uD83D\uDE00";
        try {
            Wire.Reply r = Wire.json(server, "AmazonSQS.SendMessage",
                    Wire.JSON.createObjectNode().put("QueueUrl", url).put("MessageBody", body).toString());
            if (r.status() == 200) {
                sent.add(body);
            } else {
                errors.add("SendMessage " + r.status() + " " + r.body());
            }
        } catch (RuntimeException e) {
            errors.add("SendMessage " + e);
        }
    }

    private void consume() {
        while (consuming.get()) {
            try {
                Wire.Reply r = Wire.json(server, "AmazonSQS.ReceiveMessage", Wire.JSON.createObjectNode()
                        .put("QueueUrl", url).put("MaxNumberOfMessages", 10).put("WaitTimeSeconds", 1).toString());
                if (r.status() != 200) {
                    errors.add("ReceiveMessage " + r.status() + " " + r.body());
                    continue;
                }
                for (JsonNode m : r.json().path("Messages")) {
                    Wire.Reply d = Wire.json(server, "AmazonSQS.DeleteMessage", Wire.JSON.createObjectNode()
                            .put("QueueUrl", url).put("ReceiptHandle", m.get("ReceiptHandle").asText()).toString());
                    if (d.status() != 200) {
                        errors.add("DeleteMessage " + d.status() + " " + d.body());
                    }
                    if (!received.add(m.get("Body").asText())) {
                        errors.add("received twice: " + m.get("Body").asText());
                    }
                }
            } catch (RuntimeException e) {
                errors.add("ReceiveMessage " + e);
            }
        }
    }

    /** Stops producing, waits until the consumer has everything that was sent, then stops it. */
    void finish() {
        threads.shutdown(); // no more scheduled sends; the consumer loop runs on
        await().atMost(Duration.ofSeconds(30)).until(() -> received.containsAll(sent));
        consuming.set(false);
        await().atMost(Duration.ofSeconds(10)).until(() -> threads.awaitTermination(100, TimeUnit.MILLISECONDS));
    }

    @Override
    public void close() {
        consuming.set(false);
        threads.shutdownNow();
    }
}
