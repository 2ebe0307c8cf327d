package dev.sluice.ra.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.ResourceAdapterArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.net.URL;
import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * First half of the restart proof: messages are sent through the pooled factory to a queue nobody consumes
 * yet, and left pending. The server then stops at the end of this test run; {@link RestartAfterIT} boots it
 * again (a second surefire execution) and checks that every one of them is delivered.
 */
@ExtendWith(ArquillianExtension.class)
class RestartBeforeIT {

    @Deployment(name = "adapter", order = 1, testable = false)
    static ResourceAdapterArchive adapter() {
        return Deployments.adapter();
    }

    @Deployment(name = "app", order = 2, testable = false)
    static WebArchive application() {
        return Deployments.application("sluice-it-restart");
    }

    @ArquillianResource
    @OperateOnDeployment("app")
    private URL base;

    @Test
    void messagesSentBeforeTheRestartArePending() throws Exception {
        String run = Long.toString(System.currentTimeMillis());
        Application app = new Application(base);
        for (int i = 0; i < RestartAfterIT.MESSAGES; i++) {
            app.send("it-restart", run + "-" + i, i % 2 == 0 ? "resource" : "context", false);
        }
        try (SqsClient sqs = Endpoint.client()) {
            String url = Endpoint.queueUrl(sqs, "it-restart");
            int visible = Integer.parseInt(sqs.getQueueAttributes(b -> b.queueUrl(url)
                    .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
                    .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
            assertThat(visible).isGreaterThanOrEqualTo(RestartAfterIT.MESSAGES);
        }
        Files.writeString(RestartAfterIT.RUN_FILE, run);
    }
}
