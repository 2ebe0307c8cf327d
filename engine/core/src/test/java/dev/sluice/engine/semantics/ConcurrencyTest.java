package dev.sluice.engine.semantics;

import dev.sluice.engine.EngineOptions.Storage;
import dev.sluice.engine.model.BatchEntry;
import dev.sluice.engine.model.ReceiveMessageRequest;
import dev.sluice.engine.model.ReceivedMessage;
import dev.sluice.engine.model.SendMessageRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Real threads against one queue: every message is handed to exactly one consumer. */
class ConcurrencyTest extends EngineSemanticsTest {

    private static final int PRODUCERS = 2;
    private static final int PER_PRODUCER = 100;

    @BothStorages
    void concurrentProducersAndConsumersSeeEveryMessageExactlyOnce(Storage mode) throws Exception {
        open(mode);
        create("q", Map.of());
        int total = PRODUCERS * PER_PRODUCER;
        Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
        AtomicInteger received = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(PRODUCERS + 3);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int p = 0; p < PRODUCERS; p++) {
                int producer = p;
                work.add(pool.submit(() -> {
                    for (int i = 0; i < PER_PRODUCER; i++) {
                        engine.sendMessage(SendMessageRequest.of("q", producer + "-" + i));
                    }
                }));
            }
            for (int c = 0; c < 3; c++) {
                work.add(pool.submit(() -> {
                    while (received.get() < total) {
                        // long polls end when a send wakes them; the clock stands still, so no redelivery
                        List<ReceivedMessage> got = engine.receiveMessage(ReceiveMessageRequest.of("q").withMax(10)
                                .withWaitTimeSeconds(1));
                        List<BatchEntry<String>> handles = new ArrayList<>();
                        for (ReceivedMessage m : got) {
                            seen.computeIfAbsent(m.body(), b -> new AtomicInteger()).incrementAndGet();
                            handles.add(new BatchEntry<>("h" + handles.size(), m.receiptHandle()));
                        }
                        if (!handles.isEmpty()) {
                            engine.deleteMessageBatch("q", handles);
                            received.addAndGet(got.size());
                        }
                    }
                }));
            }
            for (Future<?> f : work.subList(0, PRODUCERS)) {
                f.get(30, TimeUnit.SECONDS);
            }
            await().atMost(30, TimeUnit.SECONDS).until(() -> received.get() >= total);
            // consumers still parked in a long poll return once their wait time has passed on the clock
            await().atMost(30, TimeUnit.SECONDS).until(() -> {
                clock.advanceSeconds(1);
                return work.stream().allMatch(Future::isDone);
            });
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(seen).hasSize(total);
        assertThat(seen.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
    }
}
