package dev.sluice.server.protocol;

import java.util.List;
import java.util.Map;

/**
 * An HTTP request as the protocols and the authenticator see it, detached from the server library.
 *
 * @param headers lower-cased names
 */
public record WireRequest(String method, String uri, Map<String, List<String>> headers, byte[] body) {

    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public String path() {
        int q = uri.indexOf('?');
        return q < 0 ? uri : uri.substring(0, q);
    }

    public String rawQuery() {
        int q = uri.indexOf('?');
        return q < 0 ? "" : uri.substring(q + 1);
    }
}
