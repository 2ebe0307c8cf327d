package dev.sluice.engine.validation;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.sluice.engine.validation.SqsErrors.*;
import static org.assertj.core.api.Assertions.assertThat;

/** TagQueue, UntagQueue and tags on CreateQueue. */
class TagRulesTest extends RulesTestBase {

    @BeforeEach
    void queue() {
        standardQueue("q");
    }

    private static Map<String, String> tags(String prefix, int n) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            m.put(prefix + i, "v");
        }
        return m;
    }

    @Test
    void tagKeyIsOneTo128Characters() {
        for (String key : List.of("", repeat('k', 129))) {
            assertRejected(() -> engine.tagQueue("q", Map.of(key, "v")), INVALID_PARAMETER_VALUE,
                    "Tag keys must be between 1 and 128 characters in length.");
        }
        assertThat(engine.listQueueTags("q")).isEmpty();
        engine.tagQueue("q", Map.of(repeat('k', 128), "v"));
        assertThat(engine.listQueueTags("q")).containsOnlyKeys(repeat('k', 128));
    }

    @Test
    void tagValueIsUpTo256Characters() {
        engine.tagQueue("q", Map.of("empty", "", "max", repeat('v', 256)));
        assertThat(engine.listQueueTags("q")).containsEntry("empty", "").containsEntry("max", repeat('v', 256));
        // Unconfirmed text (by analogy with the key rule).
        assertRejected(() -> engine.tagQueue("q", Map.of("long", repeat('v', 257))), INVALID_PARAMETER_VALUE,
                "Tag values must be between 0 and 256 characters in length.");
        assertThat(engine.listQueueTags("q")).doesNotContainKey("long");
    }

    @Test
    void atMost50TagsAfterMerging() {
        engine.tagQueue("q", tags("a", 45));
        engine.tagQueue("q", tags("a", 45)); // re-tagging existing keys does not count twice
        assertRejected(() -> engine.tagQueue("q", tags("b", 6)), INVALID_PARAMETER_VALUE,
                "Too many tags added for queue q.");
        assertThat(engine.listQueueTags("q")).hasSize(45);
        engine.tagQueue("q", tags("b", 5));
        assertThat(engine.listQueueTags("q")).hasSize(50);
    }

    @Test
    void tagsOnCreateFollowTheSameRules() {
        assertRejected(() -> engine.createQueue("tagged", Map.of(), tags("t", 51)), INVALID_PARAMETER_VALUE,
                "Too many tags added for queue tagged.");
        assertRejected(() -> engine.createQueue("tagged", Map.of(), Map.of("", "v")), INVALID_PARAMETER_VALUE,
                "Tag keys must be between 1 and 128 characters in length.");
        assertThat(engine.listQueues("tagged", null, null).queueNames()).isEmpty();
        engine.createQueue("tagged", Map.of(), tags("t", 50));
        assertThat(engine.listQueueTags("tagged")).hasSize(50);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void tagQueueNeedsTags(Map<String, String> tags) {
        assertRejected(() -> engine.tagQueue("q", tags), MISSING_PARAMETER, "The request must contain the parameter Tags.");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void untagQueueNeedsTagKeys(List<String> keys) {
        assertRejected(() -> engine.untagQueue("q", keys), MISSING_PARAMETER,
                "The request must contain the parameter TagKeys.");
    }

    @Test
    void untaggingAnAbsentKeyIsFine() {
        engine.tagQueue("q", Map.of("k", "v"));
        engine.untagQueue("q", List.of("absent", "k"));
        assertThat(engine.listQueueTags("q")).isEmpty();
    }
}
