package dev.sluice.engine.model;

/** One entry of ChangeMessageVisibility(Batch). */
public record ChangeVisibilityRequest(String receiptHandle, Integer visibilityTimeout) {
}
