package dev.sluice.jms;

/**
 * How long a message released by recover() or rollback (or by a failing listener) stays invisible before
 * its next delivery: {@code delay × backoff^(deliveries − 1)}, capped at {@code maxDelay} seconds.
 */
public record RedeliveryPolicy(int delaySeconds, double backoff, int maxDelaySeconds) {

    /** The visibility timeout to set on a message that has been delivered {@code deliveryCount} times. */
    public int delayFor(int deliveryCount) {
        double d = delaySeconds * Math.pow(backoff, Math.max(0, deliveryCount - 1));
        return (int) Math.min(maxDelaySeconds, Math.min(43_200, Math.round(d)));
    }
}
