package dev.sluice.jms.sqs;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/** Splits work into SQS batches: at most 10 entries and at most 1 MiB of payload per batch call. */
final class Batches {

    static final int MAX_ENTRIES = 10;
    static final long MAX_BYTES = 1_048_576;

    private Batches() {
    }

    /** Consecutive chunks, order kept; an entry alone over the byte limit still gets a batch (SQS then refuses it). */
    static <T> List<List<T>> of(List<T> items, ToLongFunction<T> size) {
        List<List<T>> out = new ArrayList<>();
        List<T> current = new ArrayList<>();
        long bytes = 0;
        for (T item : items) {
            long s = size.applyAsLong(item);
            if (!current.isEmpty() && (current.size() == MAX_ENTRIES || bytes + s > MAX_BYTES)) {
                out.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(item);
            bytes += s;
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }
}
