package dev.sluice.ra.it;

import dev.sluice.ra.it.restart.RestartMdb;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.ResourceAdapterArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Second half of the restart proof, in a fresh server boot (its own surefire execution): an MDB deployed now
 * receives every message {@link RestartBeforeIT} left pending before the server stopped, each once.
 */
@ExtendWith(ArquillianExtension.class)
class RestartAfterIT {

    static final int MESSAGES = 30;
    static final Path RUN_FILE = Path.of(System.getProperty("sluice.restart.run", "target/restart-run.txt"));

    @Deployment(name = "adapter", order = 1, testable = false)
    static ResourceAdapterArchive adapter() {
        return Deployments.adapter();
    }

    @Deployment(name = "app", order = 2, testable = false)
    static WebArchive application() {
        return Deployments.application("sluice-it-restarted", RestartMdb.class);
    }

    @ArquillianResource
    @OperateOnDeployment("app")
    private URL base;

    @Test
    void everyMessagePendingAtTheRestartIsDeliveredAfterwards() throws Exception {
        String run = Files.readString(RUN_FILE).strip();
        Application app = new Application(base);
        List<String> expected = IntStream.range(0, MESSAGES).mapToObj(i -> run + "-" + i).toList();
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(app.seen("it-restart")).containsAll(expected));
        assertThat(app.seen("it-restart").stream().filter(expected::contains)).doesNotHaveDuplicates();
    }
}
