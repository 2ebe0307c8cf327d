package dev.sluice.engine.semantics;

import dev.sluice.engine.EngineOptions.Storage;
import dev.sluice.engine.model.MessageAttribute;
import dev.sluice.engine.model.SendMessageRequest;
import dev.sluice.engine.topic.Publisher;
import dev.sluice.engine.topic.SubscriptionException;
import dev.sluice.engine.topic.SubscriptionSpec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Topics as fan-out to one queue per subscription (a Sluice extension for the JMS provider). */
class TopicFanOutTest extends EngineSemanticsTest {

    private static final Publisher ALICE = new Publisher("conn-a", "alice");
    private static final Publisher BOB = new Publisher("conn-b", "bob");

    private static SubscriptionSpec durable(String clientId, String name, String selector) {
        return new SubscriptionSpec("prices", clientId, name, true, false, selector, false);
    }

    private static SubscriptionSpec shared(String clientId, String name, boolean durable) {
        return new SubscriptionSpec("prices", clientId, name, durable, true, null, false);
    }

    private int publish(String body, Publisher from) {
        return engine.publish("prices", SendMessageRequest.of(null, body), from);
    }

    @BothStorages
    void aPublishReachesEverySubscriptionQueueOnce(Storage storage) {
        open(storage);
        String a = engine.subscribe(SubscriptionSpec.nonDurable("prices", null, false), "conn-a");
        String b = engine.subscribe(durable("alice", "audit", null), "conn-a");
        String other = engine.subscribe(SubscriptionSpec.nonDurable("news", null, false), "conn-a");

        assertThat(publish("p1", BOB)).isEqualTo(2);

        assertThat(bodies(receive(a, 10))).containsExactly("p1");
        assertThat(bodies(receive(b, 10))).containsExactly("p1");
        assertThat(receive(other, 10)).isEmpty();
    }

    @Test
    void aTopicWithoutSubscriptionsDropsTheMessage() {
        open(Storage.MEMORY);
        assertThat(publish("nobody", BOB)).isZero();
    }

    @Test
    void subscriptionQueuesAreOrdinaryQueuesNamedAfterTopicAndSubscriptionAndTaggedWithTheirDefinition() {
        open(Storage.MEMORY);
        String q = engine.subscribe(durable("alice", "audit", "region = 'EU'"), "conn-a");
        engine.useSelectorCompiler(selector -> view -> true);

        assertThat(q).startsWith("topic_prices__alice-audit_");
        assertThat(engine.listQueues("topic_prices__", null, null).queueNames()).containsExactly(q);
        assertThat(engine.listQueueTags(q)).containsEntry("sluice:topic", "prices")
                .containsEntry("sluice:subscription-kind", "durable")
                .containsEntry("sluice:subscription-name", "audit")
                .containsEntry("sluice:client-id", "alice")
                .containsEntry("sluice:selector", "region = 'EU'");
        publish("p", BOB);
        assertThat(counters(q)).containsExactly("1", "0", "0");
    }

    @Test
    void aSelectorIsEvaluatedAtFanOutSoTheQueueHoldsOnlyMatchingMessages() {
        open(Storage.MEMORY);
        engine.useSelectorCompiler(selector -> view -> view.attributes().containsKey(selector.trim()));
        String q = engine.subscribe(durable("alice", "eu", "EU"), "conn-a");

        engine.publish("prices", new SendMessageRequest(null, "eu", null,
                Map.of("EU", new MessageAttribute("String", "1", null)), null, null, null, 4, null), BOB);
        publish("us", BOB);

        assertThat(bodies(receive(q, 10))).containsExactly("eu");
        assertThat(counters(q)).containsExactly("0", "1", "0");
    }

    @Test
    void noLocalLeavesOutTheSubscribersOwnConnectionOrClientId() {
        open(Storage.MEMORY);
        String nonDurable = engine.subscribe(SubscriptionSpec.nonDurable("prices", null, true), "conn-a");
        String durableQ = engine.subscribe(new SubscriptionSpec("prices", "alice", "d", true, false, null, true), "conn-x");

        publish("mine", ALICE);
        publish("theirs", BOB);

        assertThat(bodies(receive(nonDurable, 10))).containsExactly("theirs");
        assertThat(bodies(receive(durableQ, 10))).containsExactly("theirs");
    }

    @Test
    void aNonDurableSubscriptionEndsWithItsLastConsumer() {
        open(Storage.MEMORY);
        String q = engine.subscribe(new SubscriptionSpec("prices", null, "s", false, true, null, false), "c1");
        assertThat(engine.subscribe(new SubscriptionSpec("prices", null, "s", false, true, null, false), "c2"))
                .isEqualTo(q);
        engine.releaseSubscription(q);
        publish("still", BOB);
        assertThat(counters(q)).containsExactly("1", "0", "0");

        engine.releaseSubscription(q);

        assertThat(engine.listQueues("topic_", null, null).queueNames()).isEmpty();
        assertThat(publish("gone", BOB)).isZero();
    }

    @Test
    void aDurableSubscriptionKeepsCollectingWhileInactiveAndSurvivesARestart() {
        open(Storage.DURABLE);
        engine.useSelectorCompiler(selector -> view -> !view.body().startsWith("skip"));
        String q = engine.subscribe(durable("alice", "audit", "not skip"), "conn-a");
        String temp = engine.subscribe(SubscriptionSpec.nonDurable("prices", null, false), "conn-a");
        engine.releaseSubscription(q);
        publish("before", BOB);

        restart();
        engine.useSelectorCompiler(selector -> view -> !view.body().startsWith("skip"));
        assertThat(engine.listQueues("topic_", null, null).queueNames()).containsExactly(q).doesNotContain(temp);
        publish("after", BOB);
        publish("skip me", BOB);

        assertThat(engine.subscribe(durable("alice", "audit", "not skip"), "conn-b")).isEqualTo(q);
        assertThat(bodies(receive(q, 10))).containsExactlyInAnyOrder("before", "after");
    }

    @Test
    void unsubscribeRemovesTheQueueAndRefusesUnknownOrActiveSubscriptions() {
        open(Storage.MEMORY);
        String q = engine.subscribe(durable("alice", "audit", null), "conn-a");

        SubscriptionException active = catchThrowableOfType(() -> engine.unsubscribe("alice", "audit"),
                SubscriptionException.class);
        assertThat(active.reason()).isEqualTo(SubscriptionException.Reason.ACTIVE);
        engine.releaseSubscription(q);
        engine.unsubscribe("alice", "audit");
        assertThat(engine.listQueues("topic_", null, null).queueNames()).isEmpty();

        SubscriptionException unknown = catchThrowableOfType(() -> engine.unsubscribe("alice", "audit"),
                SubscriptionException.class);
        assertThat(unknown.reason()).isEqualTo(SubscriptionException.Reason.UNKNOWN);
        assertThat(unknown).hasMessageContaining("audit").hasMessageContaining("alice");
        // re-created at once under a new queue name, although SQS keeps a deleted name for 60 s
        assertThat(engine.subscribe(durable("alice", "audit", null), "conn-a")).isNotEqualTo(q);
    }

    @Test
    void anInactiveDurableSubscriptionWithAnotherSelectorIsReplacedAnActiveOneIsNot() {
        open(Storage.MEMORY);
        engine.useSelectorCompiler(selector -> view -> true);
        String q = engine.subscribe(durable("alice", "audit", null), "conn-a");
        SubscriptionException active = catchThrowableOfType(() -> engine.subscribe(durable("alice", "audit", null), "c"),
                SubscriptionException.class);
        assertThat(active.reason()).isEqualTo(SubscriptionException.Reason.ACTIVE);
        engine.releaseSubscription(q);
        publish("old", BOB);

        String replaced = engine.subscribe(durable("alice", "audit", "x = 1"), "conn-a");

        assertThat(replaced).isNotEqualTo(q);
        assertThat(receive(replaced, 10)).isEmpty();
    }

    @Test
    void sharedAndUnsharedSubscriptionsCannotShareANameAndShareOnlyTheirQueue() {
        open(Storage.MEMORY);
        SubscriptionSpec shared = new SubscriptionSpec("prices", "alice", "audit", true, true, null, false);
        String q = engine.subscribe(shared, "c1");
        assertThat(engine.subscribe(shared, "c2")).isEqualTo(q);

        SubscriptionException conflict = catchThrowableOfType(() -> engine.subscribe(durable("alice", "audit", null), "c3"),
                SubscriptionException.class);
        assertThat(conflict.reason()).isEqualTo(SubscriptionException.Reason.CONFLICT);

        publish("one", BOB);
        publish("two", BOB);
        List<String> first = bodies(receive(q, 1));
        List<String> second = bodies(receive(q, 1));
        assertThat(first).doesNotContainAnyElementsOf(second);
    }

    @Test
    void sharedNonDurableSubscriptionsAreSeparateFromDurableOnesOfTheSameNameAndClientId() {
        open(Storage.MEMORY);
        String durable = engine.subscribe(durable("alice", "audit", null), "c1");
        String sharedDurable = engine.subscribe(shared(null, "feed", true), "c1");

        String shared = engine.subscribe(shared("alice", "audit", false), "c2");
        String sharedFeed = engine.subscribe(shared(null, "feed", false), "c2");

        // durable subscriptions' queue names are as before (they outlive restarts); shared non-durable ones differ
        assertThat(durable).startsWith("topic_prices__alice-audit_");
        assertThat(sharedDurable).startsWith("topic_prices__feed_");
        assertThat(shared).startsWith("topic_prices__nondurable-audit_");
        assertThat(sharedFeed).startsWith("topic_prices__nondurable-feed_");
        assertThat(publish("p", BOB)).isEqualTo(4);
        engine.releaseSubscription(shared);
        engine.releaseSubscription(sharedFeed);
        engine.releaseSubscription(durable);
        engine.unsubscribe("alice", "audit");
        assertThat(engine.listQueues("topic_", null, null).queueNames()).containsExactly(sharedDurable);
        assertThat(bodies(receive(sharedDurable, 10))).containsExactly("p");
    }

    @Test
    void aSubscriptionQueueDeletedThroughTheSqsApiIsForgotten() {
        open(Storage.MEMORY);
        String q = engine.subscribe(durable("alice", "audit", null), "conn-a");
        String kept = engine.subscribe(SubscriptionSpec.nonDurable("prices", null, false), "conn-a");
        engine.deleteQueue(q);

        assertThat(publish("p", BOB)).isEqualTo(1);
        assertThat(bodies(receive(kept, 10))).containsExactly("p");
    }
}
