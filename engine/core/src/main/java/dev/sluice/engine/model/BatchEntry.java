package dev.sluice.engine.model;

/** One entry of a batch request: the caller's id for it and the request itself. */
public record BatchEntry<T>(String id, T request) {
}
