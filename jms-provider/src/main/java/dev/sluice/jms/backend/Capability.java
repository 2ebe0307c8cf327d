package dev.sluice.jms.backend;

/** Features beyond the SQS API that only some backends offer. */
public enum Capability {
    /** Message selectors evaluated where the messages are, leaving non-matching ones to others. */
    SELECTORS("message selectors"),
    /** QueueBrowser: looking at messages without receiving them. */
    BROWSING("queue browsing"),
    /** JMSPriority ordering within a queue. */
    PRIORITY("priority ordering"),
    /** Sends and acknowledgements of a transaction committed atomically. */
    ATOMIC_TRANSACTIONS("atomic transactions"),
    /** Topics and subscriptions. */
    TOPICS("topics");

    private final String description;

    Capability(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
