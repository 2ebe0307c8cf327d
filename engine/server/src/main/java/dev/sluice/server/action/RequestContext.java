package dev.sluice.server.action;

import dev.sluice.engine.SqsEngine;
import dev.sluice.engine.error.SqsException;

import java.net.URI;

/**
 * What an action needs besides its input: the engine, how to turn queue names into URLs for this request's
 * host, how to find the queue a QueueUrl names, and who is calling.
 *
 * @param baseUrl  scheme, host and port the client used, e.g. {@code http://localhost:9324}
 * @param pathQueue the queue named by the request path (Query clients may post to the queue URL), or null
 * @param caller   the access key id of a signed request, or null
 */
public record RequestContext(SqsEngine engine, String baseUrl, String pathQueue, String caller) {

    public String queueUrl(String queueName) {
        return baseUrl + "/" + engine.account() + "/" + queueName;
    }

    /** The queue a QueueUrl (or, failing that, the request path) names. */
    public String queueName(Params p) {
        String url = p.string("QueueUrl");
        if (url == null || url.isEmpty()) {
            if (pathQueue != null) {
                return pathQueue;
            }
            throw SqsException.missingParameter("QueueUrl");
        }
        return nameFromUrl(url);
    }

    /** Accepts {@code http(s)://host[:port]/<account>/<name>} and, like AWS, a bare queue name. */
    String nameFromUrl(String url) {
        String path;
        try {
            path = url.contains("://") ? URI.create(url).getPath() : url;
        } catch (IllegalArgumentException e) {
            throw SqsException.queueDoesNotExist();
        }
        if (path == null) {
            throw SqsException.queueDoesNotExist();
        }
        String[] parts = pathSegments(path);
        if (parts.length == 1 && !parts[0].isEmpty()) {
            return parts[0];
        }
        if (parts.length == 2 && (parts[0].equals(engine.account()) || parts[0].equals("queue"))) {
            return parts[1];
        }
        throw SqsException.queueDoesNotExist();
    }

    /** A URL path's segments after its leading slashes: {@code //000000000000/q} gives {@code 000000000000, q}. */
    public static String[] pathSegments(String path) {
        int from = 0;
        while (from < path.length() && path.charAt(from) == '/') {
            from++;
        }
        // a one-character separator: String.split takes its fast path, no pattern is compiled per request
        return path.substring(from).split("/");
    }
}
