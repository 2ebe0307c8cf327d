package dev.sluice.engine.semantics;

import dev.sluice.engine.model.MessageIds;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Message ids are UUIDs, unique, and ordered by the millisecond they were made in. */
class MessageIdsTest {

    @Test
    void idsAreVersion7UuidsThatSortByCreationTime() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            ids.add(MessageIds.next());
        }
        assertThat(new HashSet<>(ids)).hasSize(ids.size());
        for (String id : ids) {
            UUID uuid = UUID.fromString(id);
            assertThat(uuid.toString()).isEqualTo(id);
            assertThat(uuid.version()).isEqualTo(7);
            assertThat(uuid.variant()).isEqualTo(2);
        }
        for (int i = 1; i < ids.size(); i++) {
            long before = UUID.fromString(ids.get(i - 1)).getMostSignificantBits() >>> 16;
            long after = UUID.fromString(ids.get(i)).getMostSignificantBits() >>> 16;
            assertThat(after).as("milliseconds never go back").isGreaterThanOrEqualTo(before);
            if (after > before) {
                assertThat(ids.get(i)).as("a later millisecond sorts after").isGreaterThan(ids.get(i - 1));
            }
        }
    }
}
