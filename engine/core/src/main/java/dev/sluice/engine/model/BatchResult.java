package dev.sluice.engine.model;

import dev.sluice.engine.error.SqsException;

import java.util.List;

/** A batch answer: each entry either succeeded (with its result) or failed with its own error. */
public record BatchResult<T>(List<Success<T>> successful, List<Failure> failed) {

    public record Success<T>(String id, T result) {
    }

    /** An entry that failed; the other entries of the batch are not affected. */
    public record Failure(String id, String code, String message, boolean senderFault) {
        public static Failure of(String id, SqsException e) {
            return new Failure(id, e.error().code(), e.getMessage(), e.error().senderFault());
        }
    }
}
