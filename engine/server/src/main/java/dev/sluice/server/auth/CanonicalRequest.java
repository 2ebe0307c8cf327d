package dev.sluice.server.auth;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * The SigV4 canonical request, built from the request as it arrived on the wire:
 *
 * <pre>
 * METHOD \n CanonicalURI \n CanonicalQueryString \n CanonicalHeaders \n SignedHeaders \n HashedPayload
 * </pre>
 *
 * The URI is the raw (still percent-encoded) path with dot segments and repeated slashes removed, then
 * URI-encoded once more — every service but S3 double-encodes, which is what botocore and the Java SDKs do for
 * SQS. Query parameters are decoded, RFC 3986-encoded and sorted by name, then value.
 */
final class CanonicalRequest {

    private CanonicalRequest() {
    }

    /**
     * @param excludeSignature drop {@code X-Amz-Signature} from the query (presigned requests)
     * @param headers          lower-cased names
     * @param signedHeaders    lower-cased names, in the order the client listed them
     */
    static String build(String method, String rawPath, String rawQuery, boolean excludeSignature,
                        Map<String, List<String>> headers, List<String> signedHeaders, String payloadHash) {
        return method + '\n'
                + canonicalUri(rawPath) + '\n'
                + canonicalQuery(rawQuery, excludeSignature) + '\n'
                + canonicalHeaders(headers, signedHeaders) + '\n'
                + String.join(";", signedHeaders) + '\n'
                + payloadHash;
    }

    static String stringToSign(String isoDateTime, String scope, String canonicalRequest) {
        return SigningKey.ALGORITHM + '\n' + isoDateTime + '\n' + scope + '\n'
                + SigningKey.sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
    }

    /** Normalised, then encoded again: {@code /a/./b//c/../%7E} → {@code /a/b/%257E}. */
    static String canonicalUri(String rawPath) {
        String path = normalizePath(rawPath);
        return uriEncode(path.getBytes(StandardCharsets.UTF_8), true);
    }

    /**
     * RFC 3986 §5.2.4 dot-segment removal plus collapsing of repeated slashes (AWS requires both); a leading
     * and a trailing slash are kept.
     */
    static String normalizePath(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return "/";
        }
        Deque<String> out = new ArrayDeque<>();
        for (String segment : rawPath.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                out.pollLast();
            } else {
                out.addLast(segment);
            }
        }
        String joined = String.join("/", out);
        boolean trailing = rawPath.endsWith("/") && !out.isEmpty();
        return "/" + joined + (trailing ? "/" : "");
    }

    /** {@code a=2&b=&a=1} → {@code a=1&a=2&b=}; names and values RFC 3986-encoded. */
    static String canonicalQuery(String rawQuery, boolean excludeSignature) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> pairs = new ArrayList<>();
        for (String piece : rawQuery.split("&")) {
            if (piece.isEmpty()) {
                continue;
            }
            int eq = piece.indexOf('=');
            String name = uriEncode(percentDecode(eq < 0 ? piece : piece.substring(0, eq)), false);
            String value = eq < 0 ? "" : uriEncode(percentDecode(piece.substring(eq + 1)), false);
            if (excludeSignature && name.equals("X-Amz-Signature")) {
                continue;
            }
            pairs.add(new String[] {name, value});
        }
        pairs.sort(Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]));
        StringBuilder sb = new StringBuilder();
        for (String[] p : pairs) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(p[0]).append('=').append(p[1]);
        }
        return sb.toString();
    }

    /** One {@code name:value\n} line per signed header; repeated headers joined with commas. */
    static String canonicalHeaders(Map<String, List<String>> headers, List<String> signedHeaders) {
        StringBuilder sb = new StringBuilder();
        for (String name : signedHeaders) {
            List<String> values = headers.get(name);
            if ((values == null || values.isEmpty()) && name.equals("expect")) {
                // Netty's aggregator answers "Expect: 100-continue" itself and removes the header.
                values = List.of("100-continue");
            }
            sb.append(name).append(':');
            if (values != null) {
                for (int i = 0; i < values.size(); i++) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    sb.append(trimAll(values.get(i)));
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Leading and trailing whitespace removed, inner runs folded to one space. */
    static String trimAll(String value) {
        StringBuilder sb = new StringBuilder(value.length());
        boolean pendingSpace = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B) {
                pendingSpace = sb.length() > 0;
                continue;
            }
            if (pendingSpace) {
                sb.append(' ');
                pendingSpace = false;
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** Percent escapes become bytes, everything else its UTF-8; a malformed escape stays literal. */
    static byte[] percentDecode(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length()
                    && hexValue(s.charAt(i + 1)) >= 0 && hexValue(s.charAt(i + 2)) >= 0) {
                out.write(hexValue(s.charAt(i + 1)) * 16 + hexValue(s.charAt(i + 2)));
                i += 3;
            } else {
                int cp = s.codePointAt(i);
                byte[] b = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
                i += Character.charCount(cp);
            }
        }
        return out.toByteArray();
    }

    /** Decoded text of a query parameter value (for reading the {@code X-Amz-*} parameters). */
    static String decode(String s) {
        return new String(percentDecode(s), StandardCharsets.UTF_8);
    }

    /** RFC 3986: unreserved characters as they are, every other byte as {@code %XX} (upper-case hex). */
    static String uriEncode(byte[] bytes, boolean keepSlash) {
        StringBuilder sb = new StringBuilder(bytes.length + 16);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~' || (keepSlash && c == '/')) {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return sb.toString();
    }

    private static int hexValue(char c) {
        return Character.digit(c, 16);
    }
}
