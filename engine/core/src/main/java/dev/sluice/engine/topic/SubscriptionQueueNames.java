package dev.sluice.engine.topic;

import java.util.Locale;
import java.util.UUID;

/**
 * Names of subscription queues, so that people listing queues (CLI, boto3) see which topic and subscription a
 * queue serves: {@code topic_<topic>__<subscription>_<6 hex>}, where {@code <subscription>} is the name (prefixed
 * with the client id for an unshared durable subscription, with {@code nondurable-} for a shared non-durable one,
 * which JMS keeps apart from durable subscriptions of the same name) or {@code nondurable}. Characters SQS does
 * not allow in names become '_' and long parts are cut, so the suffix, new for each subscription, keeps names
 * apart and lets a subscription be re-created at once (SQS refuses a deleted queue's name for 60 seconds).
 * The authoritative definition is in the queue's tags ({@link SubscriptionTags}).
 */
final class SubscriptionQueueNames {

    static final String PREFIX = "topic_";

    private SubscriptionQueueNames() {
    }

    static String of(SubscriptionSpec spec) {
        // durable subscriptions' names must stay as they are: their queues outlive the engine and are found again
        // by their tags, but people (and scripts) know them by name
        String sub = spec.name() == null ? "nondurable"
                : !spec.durable() ? "nondurable-" + spec.name()
                : !spec.shared() ? spec.clientId() + "-" + spec.name() : spec.name();
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 6).toLowerCase(Locale.ROOT);
        return PREFIX + clean(spec.topic(), 30) + "__" + clean(sub, 28) + "_" + suffix;
    }

    private static String clean(String s, int max) {
        StringBuilder b = new StringBuilder(Math.min(max, s.length()));
        for (int i = 0; i < s.length() && b.length() < max; i++) {
            char c = s.charAt(i);
            b.append(c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_') ? c : '_');
        }
        return b.toString();
    }
}
