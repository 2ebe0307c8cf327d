package dev.sluice.jms.differential;

import java.util.stream.Stream;

/** The two implementations every differential scenario runs against. */
public enum Peer {
    /** Sluice's provider on its embedded engine, memory storage, a fresh engine per test. */
    SLUICE,
    /** ActiveMQ Artemis embedded in this JVM, reached through its in-VM acceptor. */
    ARTEMIS;

    /** The {@code @MethodSource} of {@link DifferentialTest}. */
    public static Stream<Peer> both() {
        return Stream.of(values());
    }
}
