package dev.sluice.samples.legacy;

import dev.sluice.jms.SluiceConnectionFactory;
import jakarta.jms.ConnectionFactory;

import java.util.UUID;

/** The legacy suite against Sluice: only the connection factory differs (an in-memory embedded engine). */
class LegacyOrderSystemOnSluiceTest extends LegacyOrderSystemContract {

    private final ConnectionFactory factory =
            new SluiceConnectionFactory("sluice:embedded?storage=memory&dataDir=legacy-" + UUID.randomUUID());

    @Override
    protected ConnectionFactory connectionFactory() {
        return factory;
    }
}
