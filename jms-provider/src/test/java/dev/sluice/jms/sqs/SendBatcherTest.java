package dev.sluice.jms.sqs;

import dev.sluice.jms.backend.OutgoingMessage;
import dev.sluice.jms.backend.SendReceipt;
import jakarta.jms.MessageFormatException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Sends that queue up behind a send in flight go together, each caller with its own outcome. */
class SendBatcherTest {

    private static OutgoingMessage message(String body) {
        return new OutgoingMessage(body, Map.of(), 0, null, null, 4);
    }

    @Test
    void aLoneSendGoesAtOnceAndAlone() throws Exception {
        List<Integer> sizes = new CopyOnWriteArrayList<>();
        SendBatcher b = new SendBatcher((queue, batch) -> {
            sizes.add(batch.size());
            batch.forEach(p -> p.receipt = new SendReceipt("id-" + p.message.body(), null));
        });
        assertThat(b.send("q", message("a")).messageId()).isEqualTo("id-a");
        assertThat(b.send("q", message("b")).messageId()).isEqualTo("id-b");
        assertThat(sizes).containsExactly(1, 1);
    }

    @Test
    void sendsWaitingBehindOneInFlightShareTheNextBatch() throws Exception {
        CountDownLatch firstInFlight = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        List<List<String>> batches = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        SendBatcher b = new SendBatcher((queue, batch) -> {
            batches.add(batch.stream().map(p -> p.message.body()).toList());
            if (calls.incrementAndGet() == 1) {
                firstInFlight.countDown();
                hold(releaseFirst);
            }
            batch.forEach(p -> p.receipt = new SendReceipt("id-" + p.message.body(), null));
        });
        ExecutorService pool = Executors.newFixedThreadPool(13);
        try {
            Future<SendReceipt> first = pool.submit(() -> b.send("q", message("first")));
            assertThat(firstInFlight.await(10, TimeUnit.SECONDS)).isTrue();
            List<Future<SendReceipt>> waiting = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String body = "w" + i;
                waiting.add(pool.submit(() -> b.send("q", message(body))));
            }
            // all twelve are queued behind the first before it is let go
            await().atMost(Duration.ofSeconds(10)).until(() -> queued(b) == 12);
            releaseFirst.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS).messageId()).isEqualTo("id-first");
            for (int i = 0; i < 12; i++) {
                assertThat(waiting.get(i).get(10, TimeUnit.SECONDS).messageId()).isEqualTo("id-w" + i);
            }
            assertThat(batches).hasSize(3);
            assertThat(batches.get(1)).hasSize(10);
            assertThat(batches.get(2)).hasSize(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void eachCallerGetsItsOwnFailure() throws Exception {
        SendBatcher b = new SendBatcher((queue, batch) -> batch.forEach(p -> {
            if (p.message.body().equals("bad")) {
                p.failure = new MessageFormatException("refused: bad");
            } else {
                p.receipt = new SendReceipt("ok", null);
            }
        }));
        assertThat(b.send("q", message("good")).messageId()).isEqualTo("ok");
        assertThatThrownBy(() -> b.send("q", message("bad"))).isInstanceOf(MessageFormatException.class);
    }

    private static int queued(SendBatcher b) {
        return b.waiting("q");
    }

    private static void hold(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
