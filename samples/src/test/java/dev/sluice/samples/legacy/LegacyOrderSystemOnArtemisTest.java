package dev.sluice.samples.legacy;

import jakarta.jms.ConnectionFactory;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * The legacy suite against the broker it was written for: an embedded ActiveMQ Artemis with an in-VM
 * acceptor, queues created on first use (as a classic broker's default address settings do).
 */
class LegacyOrderSystemOnArtemisTest extends LegacyOrderSystemContract {

    @TempDir
    static Path work;

    private static EmbeddedActiveMQ artemis;

    @BeforeAll
    static void startArtemis() throws Exception {
        artemis = new EmbeddedActiveMQ().setConfiguration(new ConfigurationImpl()
                .setName("legacy-artemis")
                .setPersistenceEnabled(false)
                .setSecurityEnabled(false)
                .setJMXManagementEnabled(false)
                .setJournalDirectory(work.resolve("journal").toString())
                .setBindingsDirectory(work.resolve("bindings").toString())
                .setLargeMessagesDirectory(work.resolve("large").toString())
                .setPagingDirectory(work.resolve("paging").toString())
                .addAcceptorConfiguration("in-vm", "vm://1"));
        artemis.start();
    }

    @AfterAll
    static void stopArtemis() throws Exception {
        artemis.stop();
    }

    @Override
    protected ConnectionFactory connectionFactory() {
        return new ActiveMQConnectionFactory("vm://1");
    }
}
