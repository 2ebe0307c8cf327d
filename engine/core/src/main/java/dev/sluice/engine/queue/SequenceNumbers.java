package dev.sluice.engine.queue;

/** FIFO SequenceNumber: AWS sends a 20-digit, ever-increasing decimal string. */
public final class SequenceNumbers {

    private SequenceNumbers() {
    }

    public static String format(long seq) {
        return String.format("%020d", seq);
    }
}
