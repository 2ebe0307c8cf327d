package dev.sluice.engine.queue;

import dev.sluice.engine.error.SqsError;
import dev.sluice.engine.error.SqsException;
import dev.sluice.engine.model.BatchEntry;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The rules every batch request shares: 1–10 entries, distinct well-formed ids. */
final class BatchValidation {

    static final int MAX_ENTRIES = 10;

    private BatchValidation() {
    }

    /** @param entryName AWS's name for one entry, e.g. {@code SendMessageBatchRequestEntry} */
    static void validate(List<? extends BatchEntry<?>> entries, String entryName) {
        if (entries == null || entries.isEmpty()) {
            throw new SqsException(SqsError.EMPTY_BATCH_REQUEST,
                    "There should be at least one " + entryName + " in the request.");
        }
        if (entries.size() > MAX_ENTRIES) {
            throw new SqsException(SqsError.TOO_MANY_ENTRIES_IN_BATCH_REQUEST,
                    "Maximum number of entries per request are " + MAX_ENTRIES + ". You have sent " + entries.size() + ".");
        }
        Set<String> seen = new HashSet<>();
        for (BatchEntry<?> e : entries) {
            if (!validEntryId(e.id())) {
                throw new SqsException(SqsError.INVALID_BATCH_ENTRY_ID, "A batch entry id can only contain "
                        + "alphanumeric characters, hyphens and underscores. It can be at most 80 letters long.");
            }
            if (!seen.add(e.id())) {
                throw new SqsException(SqsError.BATCH_ENTRY_IDS_NOT_DISTINCT, "Id " + e.id() + " repeated.");
            }
        }
    }

    /** [A-Za-z0-9_-]{1,80} */
    private static boolean validEntryId(String id) {
        if (id == null || id.isEmpty() || id.length() > 80) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
