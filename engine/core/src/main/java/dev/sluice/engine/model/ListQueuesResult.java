package dev.sluice.engine.model;

import java.util.List;

/** Queue names (the server turns them into URLs) and the token for the next page, or {@code null}. */
public record ListQueuesResult(List<String> queueNames, String nextToken) {
}
