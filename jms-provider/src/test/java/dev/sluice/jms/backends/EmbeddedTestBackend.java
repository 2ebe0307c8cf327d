package dev.sluice.jms.backends;

import dev.sluice.engine.EngineOptions;
import dev.sluice.engine.SqsEngine;
import dev.sluice.engine.time.Clock;
import dev.sluice.jms.SluiceConnectionFactory;
import dev.sluice.jms.embedded.EngineRegistry;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The embedded engine (memory, real time), held open for the whole test run. */
final class EmbeddedTestBackend implements TestBackend {

    private final EngineOptions options = new EngineOptions(EngineOptions.Storage.MEMORY, Path.of("backend-suite"),
            EngineOptions.DEFAULT_REGION, EngineOptions.DEFAULT_ACCOUNT, Clock.system(), EngineOptions.DEFAULT_MEMORY_LIMIT);
    private final SqsEngine engine = EngineRegistry.acquire(options);

    @Override
    public String name() {
        return "embedded";
    }

    @Override
    public boolean sqs() {
        return false;
    }

    @Override
    public SluiceConnectionFactory factory(String settings) {
        SluiceConnectionFactory f = SluiceConnectionFactory.embedded(options);
        f.setUrl("sluice:embedded?storage=memory" + (settings.isEmpty() ? "" : "&" + settings));
        return f;
    }

    @Override
    public void createQueue(String name, Map<String, String> attributes) {
        engine.createQueue(name, attributes, Map.of());
    }

    @Override
    public void deleteQueue(String name) {
        engine.deleteQueue(name);
    }

    @Override
    public String arn(String queue) {
        return engine.queueArn(queue);
    }

    @Override
    public int messagesIn(String queue) {
        Map<String, String> a = engine.getQueueAttributes(queue, List.of("All"));
        return Integer.parseInt(a.get("ApproximateNumberOfMessages"))
                + Integer.parseInt(a.get("ApproximateNumberOfMessagesNotVisible"))
                + Integer.parseInt(a.get("ApproximateNumberOfMessagesDelayed"));
    }

    @Override
    public String toString() {
        return name();
    }
}
