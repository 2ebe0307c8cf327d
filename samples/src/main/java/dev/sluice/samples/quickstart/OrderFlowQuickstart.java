package dev.sluice.samples.quickstart;

import dev.sluice.jms.SluiceConnectionFactory;
import dev.sluice.jms.cdi.SluiceUrl;
import dev.sluice.samples.support.Listeners;
import dev.sluice.samples.support.QueueAdmin;
import dev.sluice.samples.support.SampleMain;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The README's main job: the SQS guide's order flow as a JMS application on the embedded engine with its
 * durable store. Producer threads send orders with OrderId/Priority properties through an injected
 * JMSContext; a pool of MDB-style MessageListeners processes them. One order is poisoned: each delivery
 * fails, the message returns after its visibility timeout, and after three receives the queue's redrive
 * policy moves it to the dead-letter queue, where the run inspects it. A progress line every half second
 * shows throughput, what waits, what is in flight (invisible) and what is dead-lettered.
 */
@ApplicationScoped
public class OrderFlowQuickstart {

    static final String ORDERS = "quickstart-orders";
    static final String DLQ = "quickstart-orders-dlq";
    static final int MAX_RECEIVES = 3;
    /** The URL when neither -Dsluice.url nor an argument names one: durable in ./sluice-data, failures back in 2 s. */
    static final String DEFAULT_URL = "sluice:embedded?dataDir=sluice-data&redeliveryDelay=2";

    /** One dead letter as the run found it. */
    public record DeadLetter(String orderId, String body, int deliveryCount) {
    }

    /** {@code seconds}: from the first send to the last good order processed, the span of the throughput. */
    public record Result(long sent, long processed, long failedDeliveries, List<DeadLetter> deadLetters, double seconds) {
        boolean ok() {
            return processed == sent - 1 && deadLetters.size() == 1;
        }
    }

    @Inject
    SluiceConnectionFactory factory;
    @Inject
    QueueAdmin admin;
    @Inject
    OrderShop shop;
    @Inject
    Fulfilment fulfilment;
    @Inject
    FlowStats stats;

    /** Arguments: [data directory] [orders]; defaults sluice-data and 5,000. */
    public static void main(String[] args) throws Exception {
        if (System.getProperty(SluiceUrl.PROPERTY) == null) {
            System.setProperty(SluiceUrl.PROPERTY, args.length > 0
                    ? DEFAULT_URL.replace("dataDir=sluice-data", "dataDir=" + args[0]) : DEFAULT_URL);
        }
        int orders = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        boolean[] ok = new boolean[1];
        SampleMain.run(OrderFlowQuickstart.class, app -> ok[0] = app.run(orders, 4, 4, System.out).ok());
        System.exit(ok[0] ? 0 : 1);
    }

    public Result run(int orders, int producers, int consumers, PrintStream out) throws Exception {
        admin.deadLetterQueue(ORDERS, DLQ, MAX_RECEIVES);
        admin.drain(ORDERS); // leftovers of an interrupted earlier run would skew the counts
        admin.drain(DLQ);
        int delay = factory.settings().redeliveryPolicy().delaySeconds();
        fulfilment.report(out, delay);
        out.printf("Sluice quickstart on %s: %d orders, %d producers, %d MessageListeners, redrive to %s after %d "
                + "receives%n", factory.getUrl(), orders, producers, consumers, DLQ, MAX_RECEIVES);

        long start = System.nanoTime();
        CountDownLatch finished = new CountDownLatch(1);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        ExecutorService producerThreads = Executors.newFixedThreadPool(producers);
        try (Listeners ignored = Listeners.start(factory, ORDERS, consumers, fulfilment)) {
            ticker.scheduleAtFixedRate(() -> {
                printProgress(out, start);
                if (stats.processedCount() == orders - 1 && admin.waiting(DLQ) > 0) {
                    finished.countDown();
                }
            }, 500, 500, TimeUnit.MILLISECONDS);
            List<Future<?>> sends = new ArrayList<>();
            for (int p = 0; p < producers; p++) {
                int first = p;
                sends.add(producerThreads.submit(() -> shop.sendOrders(first, producers, orders, orders / 2)));
            }
            for (Future<?> f : sends) {
                f.get();
            }
            if (!finished.await(5, TimeUnit.MINUTES)) {
                out.println("Gave up after 5 minutes.");
            }
        } finally {
            ticker.shutdownNow();
            producerThreads.shutdownNow();
        }
        printProgress(out, start);
        double seconds = (stats.lastProcessedNanos() - start) / 1e9;
        out.printf("Done: %d orders sent; %d processed in %.1f s (%.0f orders/s, each send durable before it returned); "
                        + "%d failed deliveries of the poisoned order.%n", stats.sentCount(), stats.processedCount(),
                seconds, stats.processedCount() / seconds, stats.failedCount());
        List<DeadLetter> dead = inspectDeadLetters(out);
        return new Result(stats.sentCount(), stats.processedCount(), stats.failedCount(), dead, seconds);
    }

    /** Reads (and so removes) what the dead-letter queue holds: an ordinary JMS queue. */
    private List<DeadLetter> inspectDeadLetters(PrintStream out) throws JMSException {
        List<DeadLetter> dead = new ArrayList<>();
        try (JMSContext context = factory.createContext()) {
            JMSConsumer consumer = context.createConsumer(context.createQueue(DLQ));
            Message m;
            while ((m = consumer.receiveNoWait()) != null) { // the run ended once the dead letter had arrived
                DeadLetter d = new DeadLetter(m.getStringProperty("OrderId"), m.getBody(String.class),
                        m.getIntProperty("JMSXDeliveryCount"));
                out.printf("Dead-letter queue %s held order %s, body %s, received %d times in all.%n", DLQ, d.orderId(),
                        d.body(), d.deliveryCount());
                dead.add(d);
            }
        }
        return dead;
    }

    private void printProgress(PrintStream out, long start) {
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf("[progress %5.1f s] sent %d | processed %d (%.0f/s) | waiting %d | in flight %d | dead-letter %d%n",
                seconds, stats.sentCount(), stats.processedCount(), stats.processedCount() / seconds,
                admin.waiting(ORDERS), admin.inFlight(ORDERS), admin.waiting(DLQ));
    }
}
