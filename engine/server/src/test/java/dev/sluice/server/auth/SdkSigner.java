package dev.sluice.server.auth;

import dev.sluice.server.protocol.WireRequest;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Requests signed by the AWS SDK's own SigV4 signer ({@link AwsV4HttpSigner}) — an implementation independent of
 * ours — turned into a {@link WireRequest} for unit tests or sent over HTTP for end-to-end ones.
 */
final class SdkSigner {

    static final String JSON = "application/x-amz-json-1.0";
    static final String FORM = "application/x-www-form-urlencoded; charset=utf-8";

    private String accessKey = "AKIDEXAMPLE";
    private String secret = "secret";
    private String sessionToken;
    private String region = "us-east-1";
    private String service = "sqs";
    private Clock clock = Clock.systemUTC();
    private boolean presign;
    private Duration expires = Duration.ofMinutes(5);
    private boolean payloadSigning = true;
    private final Map<String, String> headers = new LinkedHashMap<>();

    static SdkSigner keys(String accessKey, String secret) {
        SdkSigner s = new SdkSigner();
        s.accessKey = accessKey;
        s.secret = secret;
        return s;
    }

    SdkSigner sessionToken(String token) {
        this.sessionToken = token;
        return this;
    }

    SdkSigner region(String r) {
        this.region = r;
        return this;
    }

    SdkSigner service(String s) {
        this.service = s;
        return this;
    }

    SdkSigner clock(Clock c) {
        this.clock = c;
        return this;
    }

    SdkSigner presign(Duration expiresIn) {
        this.presign = true;
        this.expires = expiresIn;
        return this;
    }

    SdkSigner unsignedPayload() {
        this.payloadSigning = false;
        return this;
    }

    SdkSigner header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** The signed request: URI (path and query as on the wire) and headers, Host included. */
    SdkHttpRequest sign(String method, URI uri, byte[] body) {
        SdkHttpRequest.Builder b = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method)).uri(uri);
        headers.forEach(b::putHeader);
        SdkHttpRequest request = b.build();
        AwsCredentialsIdentity identity = sessionToken == null ? AwsCredentialsIdentity.create(accessKey, secret)
                : AwsSessionCredentialsIdentity.create(accessKey, secret, sessionToken);
        Consumer<SignRequest.Builder<AwsCredentialsIdentity>> params = r -> {
            r.identity(identity).request(request)
                    .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, service)
                    .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                    .putProperty(HttpSigner.SIGNING_CLOCK, clock)
                    .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, payloadSigning);
            if (body != null) {
                r.payload(ContentStreamProvider.fromByteArray(body));
            }
            if (presign) {
                r.putProperty(AwsV4FamilyHttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                        .putProperty(AwsV4FamilyHttpSigner.EXPIRATION_DURATION, expires);
            }
        };
        return AwsV4HttpSigner.create().sign(params).request();
    }

    /** Signed, then as our endpoint sees it (lower-cased header names, raw URI). */
    WireRequest wire(String method, String uri, String body) {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        return toWire(sign(method, URI.create(uri), bytes), bytes);
    }

    static WireRequest toWire(SdkHttpRequest signed, byte[] body) {
        Map<String, List<String>> h = new HashMap<>();
        signed.forEachHeader((name, values) -> h.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                .addAll(values));
        URI u = signed.getUri();
        h.putIfAbsent("host", List.of(u.getHost() + (u.getPort() > 0 ? ":" + u.getPort() : "")));
        String target = u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
        return new WireRequest(signed.method().name(), target, h, body);
    }

    /** Sends the signed request as signed (the JDK client adds Host, Content-Length and Connection itself). */
    HttpResponse<String> send(String method, URI uri, byte[] body) {
        SdkHttpRequest signed = sign(method, uri, body);
        return send(signed, body);
    }

    static HttpResponse<String> send(SdkHttpRequest signed, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(signed.getUri())
                .method(signed.method().name(), body == null || body.length == 0
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        Set<String> restricted = Set.of("host", "content-length", "connection", "expect", "upgrade");
        signed.forEachHeader((name, values) -> {
            if (!restricted.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> b.header(name, v));
            }
        });
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
}
