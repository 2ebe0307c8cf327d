package dev.sluice.server.auth;

import dev.sluice.server.protocol.WireRequest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * AWS Signature Version 4 verification for the configured access keys, in both of its forms: the
 * {@code Authorization: AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...} header, and the
 * presigned query string ({@code X-Amz-Algorithm}, {@code X-Amz-Credential}, {@code X-Amz-Date},
 * {@code X-Amz-SignedHeaders}, {@code X-Amz-Signature}, optional {@code X-Amz-Expires}).
 *
 * <p>The canonical request is rebuilt from the request exactly as it arrived (see {@link CanonicalRequest}),
 * the signing key derived from the secret through the client's credential scope, and the signatures compared in
 * constant time. The scope must name the service {@code sqs}; any region is accepted, as a local endpoint serves
 * whatever region the client is configured for. Signatures older or newer than 15 minutes are refused as
 * AWS refuses them. A session token ({@code X-Amz-Security-Token}) is accepted and not checked: only static
 * keys are configured, and the signature with the secret is what authenticates.
 *
 * <p>Nothing here logs: not the secret, not the signature, not the canonical request.
 */
public final class SigV4Authenticator implements Authenticator {

    static final String SERVICE = "sqs";
    static final Duration MAX_SKEW = Duration.ofMinutes(15);
    static final long MAX_EXPIRES_SECONDS = 604_800;

    private static final DateTimeFormatter ISO_BASIC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";

    private final Map<String, String> secrets;
    private final Clock clock;

    /** @param secrets access key id → secret access key */
    public SigV4Authenticator(Map<String, String> secrets) {
        this(secrets, Clock.systemUTC());
    }

    SigV4Authenticator(Map<String, String> secrets, Clock clock) {
        this.secrets = Map.copyOf(secrets);
        this.clock = clock;
    }

    @Override
    public String authenticate(WireRequest request) {
        String authorization = request.header("authorization");
        Signed signed;
        if (authorization != null) {
            signed = fromHeader(request, authorization);
        } else {
            Map<String, String> query = amzQueryParameters(request.rawQuery());
            if (query.containsKey("X-Amz-Algorithm") || query.containsKey("X-Amz-Credential")
                    || query.containsKey("X-Amz-Signature")) {
                signed = fromQuery(query);
            } else {
                throw AuthErrors.missingAuthenticationToken();
            }
        }
        verify(request, signed);
        return signed.accessKey;
    }

    /** What the client claims: who, for which scope, when, over which headers, and the signature. */
    private record Signed(boolean presigned, String accessKey, String scopeDate, String region, String service,
                          String terminator, List<String> signedHeaders, String signature, Instant date,
                          String isoDate, Long expiresSeconds) {
    }

    private Signed fromHeader(WireRequest request, String authorization) {
        String header = authorization.trim();
        int space = indexOfWhitespace(header);
        String algorithm = space < 0 ? header : header.substring(0, space);
        Map<String, String> params = new HashMap<>();
        if (algorithm.equals(SigningKey.ALGORITHM) && space >= 0) {
            for (String part : header.substring(space + 1).split(",")) {
                String p = part.trim();
                if (p.isEmpty()) {
                    continue;
                }
                int eq = p.indexOf('=');
                if (eq < 0) {
                    throw AuthErrors.incompleteSignature("'" + p + "' not a valid key=value pair (missing equal-sign) "
                            + "in Authorization header: '" + authorization + "'.");
                }
                params.putIfAbsent(p.substring(0, eq).trim(), p.substring(eq + 1).trim());
            }
        }
        String amzDate = request.header("x-amz-date");
        String httpDate = request.header("date");
        StringBuilder missing = new StringBuilder();
        if (!params.containsKey("Credential")) {
            missing.append("Authorization header requires 'Credential' parameter. ");
        }
        if (!params.containsKey("Signature")) {
            missing.append("Authorization header requires 'Signature' parameter. ");
        }
        if (!params.containsKey("SignedHeaders")) {
            missing.append("Authorization header requires 'SignedHeaders' parameter. ");
        }
        Instant date = null;
        if (amzDate != null) {
            date = parseIsoBasic(amzDate);
        } else if (httpDate != null) {
            date = parseHttpDate(httpDate);
        }
        if (date == null) {
            missing.append("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ");
        }
        if (missing.length() > 0) {
            throw AuthErrors.incompleteSignature(missing + "Authorization=" + authorization);
        }
        String[] scope = credential(params.get("Credential"));
        return new Signed(false, scope[0], scope[1], scope[2], scope[3], scope[4],
                signedHeaders(params.get("SignedHeaders")), params.get("Signature"), date, ISO_BASIC.format(date),
                null);
    }

    private Signed fromQuery(Map<String, String> query) {
        StringBuilder missing = new StringBuilder();
        for (String name : List.of("X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Signature", "X-Amz-SignedHeaders",
                "X-Amz-Date")) {
            if (!query.containsKey(name)) {
                missing.append("AWS query-string parameters must include '").append(name).append("'. ");
            }
        }
        if (missing.length() > 0) {
            throw AuthErrors.incompleteSignature(missing + "Re-examine the query-string parameters.");
        }
        if (!query.get("X-Amz-Algorithm").equals(SigningKey.ALGORITHM)) {
            throw AuthErrors.incompleteSignature("X-Amz-Algorithm only supports '" + SigningKey.ALGORITHM + "'");
        }
        Instant date = parseIsoBasic(query.get("X-Amz-Date"));
        Long expires = null;
        String expiresText = query.get("X-Amz-Expires");
        if (expiresText != null) {
            try {
                expires = Long.parseLong(expiresText);
            } catch (NumberFormatException e) {
                expires = -1L;
            }
            if (expires < 0) {
                throw AuthErrors.incompleteSignature("X-Amz-Expires should be a number");
            }
            if (expires > MAX_EXPIRES_SECONDS) {
                throw AuthErrors.incompleteSignature("X-Amz-Expires must be less than a week (in seconds) that is "
                        + MAX_EXPIRES_SECONDS);
            }
        }
        String[] scope = credential(query.get("X-Amz-Credential"));
        return new Signed(true, scope[0], scope[1], scope[2], scope[3], scope[4],
                signedHeaders(query.get("X-Amz-SignedHeaders")), query.get("X-Amz-Signature"), date,
                ISO_BASIC.format(date), expires);
    }

    private void verify(WireRequest request, Signed s) {
        String secret = secrets.get(s.accessKey);
        if (secret == null) {
            throw AuthErrors.invalidClientTokenId();
        }
        String day = s.isoDate.substring(0, 8);
        if (!s.scopeDate.equals(day)) {
            throw AuthErrors.signatureDoesNotMatch("Date in Credential scope does not match YYYYMMDD from ISO-8601 "
                    + "version of date from HTTP: '" + s.scopeDate + "' != '" + day + "', from '" + s.isoDate + "'.");
        }
        if (!s.service.equals(SERVICE)) {
            throw AuthErrors.signatureDoesNotMatch("Credential should be scoped to correct service: '" + SERVICE
                    + "'. ");
        }
        if (!s.terminator.equals(SigningKey.TERMINATOR)) {
            throw AuthErrors.signatureDoesNotMatch("Credential should be scoped with a valid terminator: '"
                    + SigningKey.TERMINATOR + "', not '" + s.terminator + "'. ");
        }
        checkTime(s);

        String payloadHash = payloadHash(request);
        String scope = s.scopeDate + '/' + s.region + '/' + s.service + '/' + s.terminator;
        byte[] key = SigningKey.derive(secret, s.scopeDate, s.region, s.service);
        if (matches(request, s, scope, key, payloadHash)) {
            return;
        }
        // A presigned URL usually leaves its (empty) body unsigned.
        if (s.presigned && request.header("x-amz-content-sha256") == null
                && matches(request, s, scope, key, UNSIGNED_PAYLOAD)) {
            return;
        }
        throw AuthErrors.signatureDoesNotMatch();
    }

    private static boolean matches(WireRequest request, Signed s, String scope, byte[] key, String payloadHash) {
        String canonical = CanonicalRequest.build(request.method(), rawPath(request.uri()), request.rawQuery(),
                s.presigned, request.headers(), s.signedHeaders, payloadHash);
        String expected = SigningKey.sign(key, CanonicalRequest.stringToSign(s.isoDate, scope, canonical));
        return SigningKey.matches(expected, s.signature);
    }

    private void checkTime(Signed s) {
        Instant now = clock.instant();
        if (s.date.isAfter(now.plus(MAX_SKEW))) {
            throw AuthErrors.signatureDoesNotMatch("Signature not yet current: " + s.isoDate + " is still later than "
                    + ISO_BASIC.format(now.plus(MAX_SKEW)) + " (" + ISO_BASIC.format(now) + " + 15 min.)");
        }
        if (s.expiresSeconds != null) {
            if (now.isAfter(s.date.plusSeconds(s.expiresSeconds))) {
                throw AuthErrors.signatureDoesNotMatch("Signature expired: " + s.isoDate + " is now earlier than "
                        + ISO_BASIC.format(now.minusSeconds(s.expiresSeconds)) + " (" + ISO_BASIC.format(now)
                        + " - " + s.expiresSeconds + " sec.)");
            }
        } else if (s.date.isBefore(now.minus(MAX_SKEW))) {
            throw AuthErrors.signatureDoesNotMatch("Signature expired: " + s.isoDate + " is now earlier than "
                    + ISO_BASIC.format(now.minus(MAX_SKEW)) + " (" + ISO_BASIC.format(now) + " - 15 min.)");
        }
    }

    /**
     * The body's SHA-256, or what {@code X-Amz-Content-Sha256} declares: {@code UNSIGNED-PAYLOAD}, or a hex hash,
     * which must then be the body's.
     */
    private static String payloadHash(WireRequest request) {
        String bodyHash = SigningKey.sha256Hex(request.body() == null ? new byte[0] : request.body());
        String declared = request.header("x-amz-content-sha256");
        if (declared == null) {
            return bodyHash;
        }
        String value = declared.trim();
        if (value.equals(UNSIGNED_PAYLOAD)) {
            return value;
        }
        if (HEX_SHA256.matcher(value).matches()) {
            if (!value.equalsIgnoreCase(bodyHash)) {
                throw AuthErrors.signatureDoesNotMatch();
            }
            return value;
        }
        return bodyHash;
    }

    /** keyid/date/region/service/terminator */
    private static String[] credential(String credential) {
        String[] parts = credential.split("/", -1);
        if (parts.length != 5) {
            throw AuthErrors.incompleteSignature("Credential must have exactly 5 slash-delimited elements, e.g. "
                    + "keyid/date/region/service/term, got '" + credential + "'");
        }
        return parts;
    }

    private static List<String> signedHeaders(String value) {
        List<String> names = new ArrayList<>();
        for (String name : value.split(";")) {
            String n = name.trim().toLowerCase(Locale.ROOT);
            if (!n.isEmpty()) {
                names.add(n);
            }
        }
        return names;
    }

    private static Instant parseIsoBasic(String value) {
        try {
            return Instant.from(ISO_BASIC.parse(value.trim()));
        } catch (DateTimeParseException e) {
            throw AuthErrors.incompleteSignature("Date must be in ISO-8601 'basic format'. Got '" + value
                    + "'. See http://en.wikipedia.org/wiki/ISO_8601");
        }
    }

    private static Instant parseHttpDate(String value) {
        try {
            return ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The first value of each {@code X-Amz-*} query parameter, decoded. */
    private static Map<String, String> amzQueryParameters(String rawQuery) {
        Map<String, String> params = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String piece : rawQuery.split("&")) {
            int eq = piece.indexOf('=');
            String name = CanonicalRequest.decode(eq < 0 ? piece : piece.substring(0, eq));
            if (name.startsWith("X-Amz-")) {
                params.putIfAbsent(name, eq < 0 ? "" : CanonicalRequest.decode(piece.substring(eq + 1)));
            }
        }
        return params;
    }

    /** The path of an origin-form ({@code /a?b}) or absolute-form ({@code http://h/a?b}) request target. */
    static String rawPath(String uri) {
        String target = uri;
        int scheme = target.indexOf("://");
        if (scheme > 0 && target.indexOf('/') > scheme) {
            int slash = target.indexOf('/', scheme + 3);
            target = slash < 0 ? "/" : target.substring(slash);
        }
        int q = target.indexOf('?');
        int hash = target.indexOf('#');
        int end = q >= 0 ? q : hash >= 0 ? hash : target.length();
        return target.substring(0, end);
    }

    private static int indexOfWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
