package dev.sluice.engine.validation;

import dev.sluice.engine.model.ListQueuesResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static dev.sluice.engine.validation.SqsErrors.*;
import static org.assertj.core.api.Assertions.assertThat;

/** ListQueues and ListDeadLetterSourceQueues paging. */
class ListQueuesRulesTest extends RulesTestBase {

    private static final String MAX_RESULTS_RULE =
            "Value for parameter MaxResults is invalid. Reason: MaxResults must be an integer between 1 and 1000.";

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 1001})
    void maxResultsIsFrom1To1000(int max) {
        assertRejected(() -> engine.listQueues(null, max, null), INVALID_PARAMETER_VALUE, MAX_RESULTS_RULE);
    }

    @Test
    void maxResultsBoundariesAreAccepted() {
        standardQueue("a");
        standardQueue("b");
        ListQueuesResult one = engine.listQueues(null, 1, null);
        assertThat(one.queueNames()).containsExactly("a");
        assertThat(one.nextToken()).isNotNull();
        assertThat(engine.listQueues(null, 1, one.nextToken()).queueNames()).containsExactly("b");
        ListQueuesResult all = engine.listQueues(null, 1000, null);
        assertThat(all.queueNames()).containsExactly("a", "b");
        assertThat(all.nextToken()).isNull();
    }

    @Test
    void withoutMaxResultsThereIsNoToken() {
        for (int i = 0; i < 5; i++) {
            standardQueue("q" + i);
        }
        ListQueuesResult r = engine.listQueues("q", null, null);
        assertThat(r.queueNames()).hasSize(5);
        assertThat(r.nextToken()).isNull();
    }

    @Test
    void malformedNextTokenIsInvalidParameterValue() {
        // No AWS text known for this rule: the engine's is asserted.
        assertRejected(() -> engine.listQueues(null, 10, "!!not-base64!!"), INVALID_PARAMETER_VALUE,
                "Value !!not-base64!! for parameter NextToken is invalid. Reason: Invalid NextToken value.");
    }

    @Test
    void deadLetterSourceQueuesFollowTheSameMaxResultsRule() {
        standardQueue("dlq");
        engine.createQueue("src", Map.of("RedrivePolicy",
                "{\"deadLetterTargetArn\":\"" + engine.queueArn("dlq") + "\",\"maxReceiveCount\":3}"), Map.of());
        assertRejected(() -> engine.listDeadLetterSourceQueues("dlq", 1001, null), INVALID_PARAMETER_VALUE,
                MAX_RESULTS_RULE);
        assertThat(engine.listDeadLetterSourceQueues("dlq", null, null).queueNames()).containsExactly("src");
    }
}
