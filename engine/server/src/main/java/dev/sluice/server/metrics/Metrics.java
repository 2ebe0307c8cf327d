package dev.sluice.server.metrics;

import dev.sluice.engine.SqsEngine;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Request counts and latencies by action and outcome, and queue depths, in the Prometheus text format —
 * what the SQS guide's "monitor queue metrics" reads from CloudWatch.
 */
public final class Metrics {

    private static final double[] BUCKETS_SECONDS = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25,
            0.5, 1, 2.5, 5, 10, 25};

    private static final class Series {
        final LongAdder count = new LongAdder();
        final LongAdder errors = new LongAdder();
        final LongAdder nanos = new LongAdder();
        final LongAdder[] buckets = new LongAdder[BUCKETS_SECONDS.length];

        Series() {
            for (int i = 0; i < buckets.length; i++) {
                buckets[i] = new LongAdder();
            }
        }
    }

    private final Map<String, Series> byAction = new ConcurrentHashMap<>();

    public void record(String action, long nanos, boolean error) {
        Series s = byAction.computeIfAbsent(action, a -> new Series());
        s.count.increment();
        s.nanos.add(nanos);
        if (error) {
            s.errors.increment();
        }
        double seconds = nanos / 1e9;
        for (int i = 0; i < BUCKETS_SECONDS.length; i++) {
            if (seconds <= BUCKETS_SECONDS[i]) {
                s.buckets[i].increment();
            }
        }
    }

    public String render(SqsEngine engine) {
        StringBuilder out = new StringBuilder(4096);
        out.append("# HELP sluice_requests_total SQS requests served, by action.\n# TYPE sluice_requests_total counter\n");
        byAction.forEach((a, s) -> out.append("sluice_requests_total{action=\"").append(a).append("\"} ")
                .append(s.count.sum()).append('\n'));
        out.append("# HELP sluice_request_errors_total SQS requests answered with an error, by action.\n"
                + "# TYPE sluice_request_errors_total counter\n");
        byAction.forEach((a, s) -> out.append("sluice_request_errors_total{action=\"").append(a).append("\"} ")
                .append(s.errors.sum()).append('\n'));
        out.append("# HELP sluice_request_duration_seconds Time to answer an SQS request, by action.\n"
                + "# TYPE sluice_request_duration_seconds histogram\n");
        byAction.forEach((a, s) -> {
            for (int i = 0; i < BUCKETS_SECONDS.length; i++) {
                out.append("sluice_request_duration_seconds_bucket{action=\"").append(a).append("\",le=\"")
                        .append(BUCKETS_SECONDS[i]).append("\"} ").append(s.buckets[i].sum()).append('\n');
            }
            out.append("sluice_request_duration_seconds_bucket{action=\"").append(a).append("\",le=\"+Inf\"} ")
                    .append(s.count.sum()).append('\n');
            out.append("sluice_request_duration_seconds_sum{action=\"").append(a).append("\"} ")
                    .append(s.nanos.sum() / 1e9).append('\n');
            out.append("sluice_request_duration_seconds_count{action=\"").append(a).append("\"} ")
                    .append(s.count.sum()).append('\n');
        });
        queueGauges(engine, out);
        return out.toString();
    }

    private static void queueGauges(SqsEngine engine, StringBuilder out) {
        String[][] gauges = {
                {"sluice_queue_messages_visible", "ApproximateNumberOfMessages", "Messages available for retrieval."},
                {"sluice_queue_messages_not_visible", "ApproximateNumberOfMessagesNotVisible", "Messages in flight."},
                {"sluice_queue_messages_delayed", "ApproximateNumberOfMessagesDelayed", "Messages delayed."}};
        Map<String, Map<String, String>> attributes = new java.util.TreeMap<>();
        for (String queue : engine.listQueues(null, null, null).queueNames()) {
            try {
                attributes.put(queue, engine.getQueueAttributes(queue, List.of("All")));
            } catch (RuntimeException deletedMeanwhile) {
                // the queue went away between listing and reading: nothing to report for it
            }
        }
        for (String[] g : gauges) {
            out.append("# HELP ").append(g[0]).append(' ').append(g[2]).append("\n# TYPE ").append(g[0]).append(" gauge\n");
            attributes.forEach((q, attrs) -> out.append(g[0]).append("{queue=\"").append(q).append("\"} ")
                    .append(attrs.getOrDefault(g[1], "0")).append('\n'));
        }
        out.append("# HELP sluice_dead_letter_queue_messages Messages in queues that are some queue's dead-letter queue.\n"
                + "# TYPE sluice_dead_letter_queue_messages gauge\n");
        attributes.forEach((q, attrs) -> {
            if (!engine.listDeadLetterSourceQueues(q, null, null).queueNames().isEmpty()) {
                out.append("sluice_dead_letter_queue_messages{queue=\"").append(q).append("\"} ")
                        .append(attrs.getOrDefault("ApproximateNumberOfMessages", "0")).append('\n');
            }
        });
    }
}
