package dev.sluice.server.auth;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Known answers from AWS's published SigV4 examples: the signature test suite's get-vanilla,
 * get-vanilla-query-order-key-case and post-vanilla requests, and the IAM {@code ListUsers} example of the
 * "Create a signed AWS API request" guide (credentials AKIDEXAMPLE / wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY,
 * 2015-08-30T12:36:00Z, us-east-1).
 */
class CanonicalRequestTest {

    static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    static final String DATE = "20150830T123600Z";
    static final Map<String, List<String>> SUITE_HEADERS = Map.of("host", List.of("example.amazonaws.com"),
            "x-amz-date", List.of(DATE));

    private static String suiteSignature(String method, String query) {
        String canonical = CanonicalRequest.build(method, "/", query, false, SUITE_HEADERS,
                List.of("host", "x-amz-date"), SigningKey.EMPTY_SHA256);
        String sts = CanonicalRequest.stringToSign(DATE, "20150830/us-east-1/service/aws4_request", canonical);
        return SigningKey.sign(SigningKey.derive(SECRET, "20150830", "us-east-1", "service"), sts);
    }

    @Test
    void getVanillaFromTheSignatureTestSuite() {
        String canonical = CanonicalRequest.build("GET", "/", "", false, SUITE_HEADERS, List.of("host", "x-amz-date"),
                SigningKey.EMPTY_SHA256);
        assertThat(canonical).isEqualTo("GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\n"
                + "host;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(CanonicalRequest.stringToSign(DATE, "20150830/us-east-1/service/aws4_request", canonical))
                .isEqualTo("AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n"
                        + "bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63");
        assertThat(suiteSignature("GET", ""))
                .isEqualTo("5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
    }

    @Test
    void queryParametersAreSortedAsInGetVanillaQueryOrderKeyCase() {
        assertThat(CanonicalRequest.canonicalQuery("Param2=value2&Param1=value1", false))
                .isEqualTo("Param1=value1&Param2=value2");
        assertThat(suiteSignature("GET", "Param2=value2&Param1=value1"))
                .isEqualTo("b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500");
    }

    @Test
    void postVanilla() {
        assertThat(suiteSignature("POST", ""))
                .isEqualTo("5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b");
    }

    @Test
    void iamListUsersExampleOfTheSigningGuide() {
        Map<String, List<String>> headers = Map.of(
                "content-type", List.of("application/x-www-form-urlencoded; charset=utf-8"),
                "host", List.of("iam.amazonaws.com"),
                "x-amz-date", List.of(DATE));
        String canonical = CanonicalRequest.build("GET", "/", "Action=ListUsers&Version=2010-05-08", false, headers,
                List.of("content-type", "host", "x-amz-date"), SigningKey.sha256Hex(new byte[0]));
        assertThat(canonical).isEqualTo("GET\n/\nAction=ListUsers&Version=2010-05-08\n"
                + "content-type:application/x-www-form-urlencoded; charset=utf-8\nhost:iam.amazonaws.com\n"
                + "x-amz-date:20150830T123600Z\n\ncontent-type;host;x-amz-date\n"
                + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(SigningKey.sha256Hex(canonical.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59");
        byte[] key = SigningKey.derive(SECRET, "20150830", "us-east-1", "iam");
        assertThat(SigningKey.hex(key)).isEqualTo("c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9");
        assertThat(SigningKey.sign(key, CanonicalRequest.stringToSign(DATE, "20150830/us-east-1/iam/aws4_request",
                canonical))).isEqualTo("5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7");
    }

    @Test
    void pathIsNormalisedThenEncodedAgain() {
        assertThat(CanonicalRequest.canonicalUri("")).isEqualTo("/");
        assertThat(CanonicalRequest.canonicalUri("/")).isEqualTo("/");
        assertThat(CanonicalRequest.canonicalUri("/000000000000/orders")).isEqualTo("/000000000000/orders");
        assertThat(CanonicalRequest.canonicalUri("/a/./b/../c//d/")).isEqualTo("/a/c/d/");
        assertThat(CanonicalRequest.canonicalUri("/..")).isEqualTo("/");
        assertThat(CanonicalRequest.canonicalUri("/000000000000/my%20queue"))
                .isEqualTo("/000000000000/my%2520queue");
        assertThat(CanonicalRequest.canonicalUri("/-._~azAZ09!$:")).isEqualTo("/-._~azAZ09%21%24%3A");
    }

    @Test
    void queryIsDecodedReEncodedAndSortedByNameThenValue() {
        assertThat(CanonicalRequest.canonicalQuery("b=2&a=2&a=1&A=0&c", false)).isEqualTo("A=0&a=1&a=2&b=2&c=");
        assertThat(CanonicalRequest.canonicalQuery("MessageBody=h%c3%a9llo w%2Brld~!&Action=SendMessage", false))
                .isEqualTo("Action=SendMessage&MessageBody=h%C3%A9llo%20w%2Brld~%21");
        assertThat(CanonicalRequest.canonicalQuery("X-Amz-Signature=abc&X-Amz-Date=1", true))
                .isEqualTo("X-Amz-Date=1");
        assertThat(CanonicalRequest.canonicalQuery("bad=%zz%4", false)).isEqualTo("bad=%25zz%254");
    }

    @Test
    void headerValuesAreTrimmedAndInnerWhitespaceFolded() {
        assertThat(CanonicalRequest.trimAll("  a   b \t c  ")).isEqualTo("a b c");
        assertThat(CanonicalRequest.canonicalHeaders(Map.of("x-a", List.of(" 1 ", "2  3")), List.of("x-a")))
                .isEqualTo("x-a:1,2 3\n");
    }

    @Test
    void signedExpectHeaderConsumedByNettysAggregatorIsRestored() {
        assertThat(CanonicalRequest.canonicalHeaders(Map.of(), List.of("expect"))).isEqualTo("expect:100-continue\n");
        assertThat(CanonicalRequest.canonicalHeaders(Map.of(), List.of("x-other"))).isEqualTo("x-other:\n");
    }
}
