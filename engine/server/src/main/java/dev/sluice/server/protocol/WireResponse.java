package dev.sluice.server.protocol;

import java.util.Map;

/** What the endpoint answers: status, content type, extra headers and body. */
public record WireResponse(int status, String contentType, Map<String, String> headers, byte[] body) {
}
