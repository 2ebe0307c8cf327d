package dev.sluice.jms.differential;

import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The peers of a differential test class: starts one embedded Artemis for the class (it is slow to boot)
 * and stops it after; {@link #open(Peer)} gives each test a fresh {@link Broker} (a fresh Sluice engine,
 * fresh queue names on Artemis) that is closed after the test.
 *
 * <p>Artemis runs without persistence or security, with an in-VM acceptor, and address settings under
 * which queues are created on first use, a delivery is retried without limit and without delay, and
 * there is no dead-letter or expiry address — the defaults of a Sluice queue without a RedrivePolicy.
 * Scenarios that need a redelivery limit add settings for their own queue ({@link Broker#deadLetter}).
 */
public final class Brokers implements BeforeAllCallback, AfterAllCallback, AfterEachCallback {

    private static final AtomicInteger ARTEMIS_INSTANCES = new AtomicInteger();

    private EmbeddedActiveMQ artemis;
    private Path workDir;
    private final List<Broker> open = new ArrayList<>();

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        workDir = Files.createTempDirectory("sluice-differential-");
        Configuration config = new ConfigurationImpl()
                .setName("differential-" + ARTEMIS_INSTANCES.incrementAndGet())
                .setPersistenceEnabled(false)
                .setSecurityEnabled(false)
                .setJMXManagementEnabled(false)
                .setJournalDirectory(workDir.resolve("journal").toString())
                .setBindingsDirectory(workDir.resolve("bindings").toString())
                .setLargeMessagesDirectory(workDir.resolve("large").toString())
                .setPagingDirectory(workDir.resolve("paging").toString())
                .addAcceptorConfiguration("in-vm", "vm://0");
        config.addAddressSetting("#", new AddressSettings()
                .setAutoCreateQueues(true)
                .setAutoCreateAddresses(true)
                .setAutoDeleteQueues(false)
                .setAutoDeleteAddresses(false)
                .setMaxDeliveryAttempts(-1)
                .setRedeliveryDelay(0L));
        artemis = new EmbeddedActiveMQ();
        artemis.setConfiguration(config);
        artemis.start();
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        Exception first = null;
        for (Broker b : open) {
            try {
                b.close();
            } catch (Exception e) {
                first = first == null ? e : first;
            }
        }
        open.clear();
        if (first != null) {
            throw first;
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (artemis != null) {
            artemis.stop();
            artemis = null;
        }
        if (workDir != null) {
            try (var paths = Files.walk(workDir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** A fresh broker of this peer for the running test; closed after it. */
    public Broker open(Peer peer) {
        Broker b = peer == Peer.SLUICE ? Broker.sluice() : Broker.artemis(server());
        open.add(b);
        return b;
    }

    ActiveMQServer server() {
        if (artemis == null) {
            throw new IllegalStateException("Register Brokers with a static @RegisterExtension field");
        }
        return artemis.getActiveMQServer();
    }
}
