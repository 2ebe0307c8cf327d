package dev.sluice.server.auth;

import dev.sluice.server.protocol.ProtocolException;
import dev.sluice.server.protocol.WireRequest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Requests signed by the AWS SDK's signer, verified against a fixed server clock. */
class SigV4AuthenticatorTest {

    static final Instant NOW = Instant.parse("2026-11-28T01:30:00Z");
    static final Clock SERVER = Clock.fixed(NOW, ZoneOffset.UTC);
    static final SigV4Authenticator AUTH = new SigV4Authenticator(Map.of("AKIDEXAMPLE", "secret"), SERVER);
    static final String ENDPOINT = "http://127.0.0.1:9324";

    static SdkSigner signer() {
        return SdkSigner.keys("AKIDEXAMPLE", "secret").clock(SERVER);
    }

    static SdkSigner jsonSigner() {
        return signer().header("Content-Type", SdkSigner.JSON).header("X-Amz-Target", "AmazonSQS.ListQueues");
    }

    static Clock at(Duration offset) {
        return Clock.fixed(NOW.plus(offset), ZoneOffset.UTC);
    }

    static ProtocolException refused(WireRequest request) {
        try {
            AUTH.authenticate(request);
        } catch (ProtocolException e) {
            return e;
        }
        throw new AssertionError("the request was accepted");
    }

    static WireRequest withHeader(WireRequest r, String name, String value) {
        Map<String, List<String>> h = new HashMap<>(r.headers());
        if (value == null) {
            h.remove(name);
        } else {
            h.put(name, List.of(value));
        }
        return new WireRequest(r.method(), r.uri(), h, r.body());
    }

    static WireRequest withBody(WireRequest r, String body) {
        return new WireRequest(r.method(), r.uri(), r.headers(), body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void jsonPostSignedInTheAuthorizationHeaderIsAcceptedAsItsAccessKey() {
        WireRequest r = jsonSigner().wire("POST", ENDPOINT + "/", "{\"QueueNamePrefix\":\"ö\"}");
        assertThat(r.header("authorization")).startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261128/us-east-1/sqs/aws4_request");
        assertThat(AUTH.authenticate(r)).isEqualTo("AKIDEXAMPLE");
    }

    @Test
    void queryProtocolFormPostToAQueueUrlIsAccepted() {
        WireRequest r = signer().header("Content-Type", SdkSigner.FORM).wire("POST",
                ENDPOINT + "/000000000000/orders", "Action=SendMessage&MessageBody=h%C3%A9llo+%F0%9F%98%80&Version=2012-11-05");
        assertThat(AUTH.authenticate(r)).isEqualTo("AKIDEXAMPLE");
    }

    @Test
    void getWithEncodedQueryParametersIsAccepted() {
        WireRequest r = signer().wire("GET", ENDPOINT
                + "/000000000000/orders?MessageBody=h%C3%A9llo%20w%2Brld%7E&Action=SendMessage&Version=2012-11-05", null);
        assertThat(AUTH.authenticate(r)).isEqualTo("AKIDEXAMPLE");
    }

    @Test
    void pathsAreNormalisedAndDoubleEncodedAsTheSdkSignsThem() {
        assertThat(AUTH.authenticate(signer().wire("GET", ENDPOINT + "/000000000000/my%20queue?Action=GetQueueUrl", null)))
                .isEqualTo("AKIDEXAMPLE");
        assertThat(AUTH.authenticate(signer().wire("GET", ENDPOINT + "/a/./b/../000000000000//q?Action=GetQueueUrl", null)))
                .isEqualTo("AKIDEXAMPLE");
    }

    @Test
    void presignedGetIsAcceptedWithinItsExpiryAndRefusedAfter() {
        String url = ENDPOINT + "/?Action=ListQueues&Version=2012-11-05";
        WireRequest fresh = signer().presign(Duration.ofMinutes(5)).wire("GET", url, null);
        assertThat(fresh.uri()).contains("X-Amz-Signature=").contains("X-Amz-Expires=300");
        assertThat(fresh.header("authorization")).isNull();
        assertThat(AUTH.authenticate(fresh)).isEqualTo("AKIDEXAMPLE");

        WireRequest longLived = signer().clock(at(Duration.ofMinutes(-50))).presign(Duration.ofHours(1)).wire("GET", url, null);
        assertThat(AUTH.authenticate(longLived)).isEqualTo("AKIDEXAMPLE");

        WireRequest stale = signer().clock(at(Duration.ofMinutes(-10))).presign(Duration.ofMinutes(5)).wire("GET", url, null);
        ProtocolException e = refused(stale);
        assertThat(e.code()).isEqualTo("SignatureDoesNotMatch");
        assertThat(e.status()).isEqualTo(403);
        assertThat(e.getMessage()).startsWith("Signature expired: 20261128T012000Z is now earlier than 20261128T012500Z");

        WireRequest tampered = new WireRequest("GET", fresh.uri().replace("ListQueues", "PurgeQueue"), fresh.headers(),
                fresh.body());
        assertThat(refused(tampered).code()).isEqualTo("SignatureDoesNotMatch");
    }

    @Test
    void wrongSecretIsSignatureDoesNotMatch() {
        ProtocolException e = refused(SdkSigner.keys("AKIDEXAMPLE", "wrong").clock(SERVER)
                .header("Content-Type", SdkSigner.JSON).wire("POST", ENDPOINT + "/", "{}"));
        assertThat(e.status()).isEqualTo(403);
        assertThat(e.code()).isEqualTo("SignatureDoesNotMatch");
        assertThat(e.type()).isEqualTo("com.amazon.coral.service#InvalidSignatureException");
        assertThat(e.getMessage()).isEqualTo("The request signature we calculated does not match the signature you "
                + "provided. Check your AWS Secret Access Key and signing method. Consult the service documentation "
                + "for details.");
    }

    @Test
    void unknownAccessKeyIsInvalidClientTokenId() {
        ProtocolException e = refused(SdkSigner.keys("AKIDUNKNOWN", "secret").clock(SERVER).wire("POST", ENDPOINT + "/", "{}"));
        assertThat(e.status()).isEqualTo(403);
        assertThat(e.code()).isEqualTo("InvalidClientTokenId");
        assertThat(e.type()).isEqualTo("com.amazon.coral.service#UnrecognizedClientException");
        assertThat(e.getMessage()).isEqualTo("The security token included in the request is invalid.");
    }

    @Test
    void unsignedRequestIsMissingAuthenticationToken() {
        WireRequest r = new WireRequest("POST", "/", Map.of("host", List.of("127.0.0.1:9324"),
                "x-amz-target", List.of("AmazonSQS.ListQueues")), "{}".getBytes(StandardCharsets.UTF_8));
        ProtocolException e = refused(r);
        assertThat(e.status()).isEqualTo(403);
        assertThat(e.code()).isEqualTo("MissingAuthenticationToken");
        assertThat(e.type()).isEqualTo("com.amazon.coral.service#MissingAuthenticationTokenException");
        assertThat(e.getMessage()).isEqualTo("Request is missing Authentication Token");
    }

    @Test
    void signaturesMoreThanFifteenMinutesOffAreRefusedWithAwsMessages() {
        assertThat(AUTH.authenticate(signer().clock(at(Duration.ofMinutes(-15))).wire("POST", ENDPOINT + "/", "{}")))
                .isEqualTo("AKIDEXAMPLE");
        assertThat(AUTH.authenticate(signer().clock(at(Duration.ofMinutes(15))).wire("POST", ENDPOINT + "/", "{}")))
                .isEqualTo("AKIDEXAMPLE");

        ProtocolException past = refused(signer().clock(at(Duration.ofMinutes(-20))).wire("POST", ENDPOINT + "/", "{}"));
        assertThat(past.status()).isEqualTo(403);
        assertThat(past.code()).isEqualTo("SignatureDoesNotMatch");
        assertThat(past.getMessage()).isEqualTo("Signature expired: 20261128T011000Z is now earlier than "
                + "20261128T011500Z (20261128T013000Z - 15 min.)");

        ProtocolException future = refused(signer().clock(at(Duration.ofMinutes(16))).wire("POST", ENDPOINT + "/", "{}"));
        assertThat(future.code()).isEqualTo("SignatureDoesNotMatch");
        assertThat(future.getMessage()).isEqualTo("Signature not yet current: 20261128T014600Z is still later than "
                + "20261128T014500Z (20261128T013000Z + 15 min.)");
    }

    @Test
    void changedBodyOrSignedHeaderBreaksTheSignatureButAnUnsignedHeaderDoesNot() {
        WireRequest r = jsonSigner().wire("POST", ENDPOINT + "/", "{\"QueueName\":\"a\"}");
        assertThat(refused(withBody(r, "{\"QueueName\":\"b\"}")).code()).isEqualTo("SignatureDoesNotMatch");
        assertThat(refused(withHeader(r, "x-amz-target", "AmazonSQS.DeleteQueue")).code()).isEqualTo("SignatureDoesNotMatch");
        assertThat(refused(withHeader(r, "host", "evil.example:9324")).code()).isEqualTo("SignatureDoesNotMatch");
        assertThat(AUTH.authenticate(withHeader(r, "user-agent", "something else"))).isEqualTo("AKIDEXAMPLE");
    }

    @Test
    void flippedSignatureCharacterOrOtherLengthIsRefused() {
        WireRequest r = jsonSigner().wire("POST", ENDPOINT + "/", "{}");
        String auth = r.header("authorization");
        char last = auth.charAt(auth.length() - 1);
        String flipped = auth.substring(0, auth.length() - 1) + (last == '0' ? '1' : '0');
        assertThat(refused(withHeader(r, "authorization", flipped)).code()).isEqualTo("SignatureDoesNotMatch");
        assertThat(refused(withHeader(r, "authorization", auth + "00")).code()).isEqualTo("SignatureDoesNotMatch");
    }

    @Test
    void declaredPayloadHashMustBeTheBodysUnlessUnsignedPayload() {
        String body = "{\"QueueName\":\"a\"}";
        String hash = SigningKey.sha256Hex(body.getBytes(StandardCharsets.UTF_8));
        WireRequest declared = jsonSigner().header("x-amz-content-sha256", hash).wire("POST", ENDPOINT + "/", body);
        assertThat(AUTH.authenticate(declared)).isEqualTo("AKIDEXAMPLE");
        assertThat(refused(withBody(declared, "{\"QueueName\":\"b\"}")).code()).isEqualTo("SignatureDoesNotMatch");

        // The SDK only leaves the payload unsigned over HTTPS; the scheme does not reach the server.
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        var signed = jsonSigner().unsignedPayload().header("x-amz-content-sha256", "UNSIGNED-PAYLOAD")
                .sign("POST", URI.create("https://127.0.0.1:9324/"), bytes);
        assertThat(AUTH.authenticate(SdkSigner.toWire(signed, bytes))).isEqualTo("AKIDEXAMPLE");
    }

    @Test
    void sessionTokenIsAcceptedWhenSigned() {
        WireRequest r = jsonSigner().sessionToken("FwoGZXIvYXdzEXAMPLE").wire("POST", ENDPOINT + "/", "{}");
        assertThat(r.header("x-amz-security-token")).isEqualTo("FwoGZXIvYXdzEXAMPLE");
        assertThat(AUTH.authenticate(r)).isEqualTo("AKIDEXAMPLE");
        assertThat(refused(withHeader(r, "x-amz-security-token", "other")).code()).isEqualTo("SignatureDoesNotMatch");
    }

    @Test
    void expectHeaderThatNettyConsumedDoesNotMatter() {
        // The SDK v2 and botocore never sign Expect; a client that does is covered by CanonicalRequestTest.
        WireRequest r = jsonSigner().header("Expect", "100-continue").wire("POST", ENDPOINT + "/", "{}");
        assertThat(AUTH.authenticate(withHeader(r, "expect", null))).isEqualTo("AKIDEXAMPLE");
    }

    @Test
    void foldedWhitespaceInSignedHeaderValuesVerifies() {
        WireRequest r = jsonSigner().header("X-Custom", "a   b").wire("POST", ENDPOINT + "/", "{}");
        assertThat(AUTH.authenticate(withHeader(r, "x-custom", "  a b  "))).isEqualTo("AKIDEXAMPLE");
    }

    @Test
    void scopeMustBeSqsAwsRequestAndTheRequestDay() {
        ProtocolException service = refused(signer().service("sns").wire("POST", ENDPOINT + "/", "{}"));
        assertThat(service.code()).isEqualTo("SignatureDoesNotMatch");
        assertThat(service.getMessage()).isEqualTo("Credential should be scoped to correct service: 'sqs'. ");

        WireRequest r = jsonSigner().wire("POST", ENDPOINT + "/", "{}");
        String otherDay = r.header("authorization").replace("/20261128/", "/20261127/");
        ProtocolException day = refused(withHeader(r, "authorization", otherDay));
        assertThat(day.code()).isEqualTo("SignatureDoesNotMatch");
        assertThat(day.getMessage()).isEqualTo("Date in Credential scope does not match YYYYMMDD from ISO-8601 version "
                + "of date from HTTP: '20261127' != '20261128', from '20261128T013000Z'.");

        String terminator = r.header("authorization").replace("/aws4_request", "/aws5_request");
        assertThat(refused(withHeader(r, "authorization", terminator)).getMessage())
                .isEqualTo("Credential should be scoped with a valid terminator: 'aws4_request', not 'aws5_request'. ");

        assertThat(AUTH.authenticate(signer().region("eu-west-1").wire("POST", ENDPOINT + "/", "{}"))).isEqualTo("AKIDEXAMPLE");
    }

    @Test
    void malformedAuthorizationHeaderIsIncompleteSignature() {
        WireRequest r = jsonSigner().wire("POST", ENDPOINT + "/", "{}");
        String partial = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261128/us-east-1/sqs/aws4_request";
        ProtocolException e = refused(withHeader(r, "authorization", partial));
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.code()).isEqualTo("IncompleteSignature");
        assertThat(e.type()).isEqualTo("com.amazon.coral.service#IncompleteSignatureException");
        assertThat(e.getMessage()).isEqualTo("Authorization header requires 'Signature' parameter. Authorization "
                + "header requires 'SignedHeaders' parameter. Authorization=" + partial);

        ProtocolException bearer = refused(withHeader(withHeader(r, "authorization", "Bearer abc"), "x-amz-date", null));
        assertThat(bearer.getMessage()).isEqualTo("Authorization header requires 'Credential' parameter. Authorization "
                + "header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. "
                + "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. "
                + "Authorization=Bearer abc");

        String noEquals = "AWS4-HMAC-SHA256 Credential AKIDEXAMPLE/20261128/us-east-1/sqs/aws4_request, SignedHeaders=host, Signature=00";
        ProtocolException pair = refused(withHeader(r, "authorization", noEquals));
        assertThat(pair.code()).isEqualTo("IncompleteSignature");
        assertThat(pair.getMessage()).isEqualTo("'Credential AKIDEXAMPLE/20261128/us-east-1/sqs/aws4_request' not a "
                + "valid key=value pair (missing equal-sign) in Authorization header: '" + noEquals + "'.");

        String shortCredential = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261128, SignedHeaders=host, Signature=00";
        assertThat(refused(withHeader(r, "authorization", shortCredential)).getMessage()).isEqualTo("Credential must "
                + "have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got 'AKIDEXAMPLE/20261128'");

        ProtocolException badDate = refused(withHeader(r, "x-amz-date", "2026-11-28T01:30:00Z"));
        assertThat(badDate.code()).isEqualTo("IncompleteSignature");
    }

    @Test
    void incompletePresignedParametersAreIncompleteSignature() {
        WireRequest r = new WireRequest("GET", "/?Action=ListQueues&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20261128T013000Z",
                Map.of("host", List.of("127.0.0.1:9324")), new byte[0]);
        ProtocolException e = refused(r);
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.code()).isEqualTo("IncompleteSignature");
        assertThat(e.getMessage()).isEqualTo("AWS query-string parameters must include 'X-Amz-Credential'. AWS "
                + "query-string parameters must include 'X-Amz-Signature'. AWS query-string parameters must include "
                + "'X-Amz-SignedHeaders'. Re-examine the query-string parameters.");
    }

    @Test
    void repeatedHeaderValuesAreJoinedWithCommas() {
        WireRequest r = jsonSigner().header("X-Multi", "one").wire("POST", ENDPOINT + "/", "{}");
        Map<String, List<String>> h = new HashMap<>(r.headers());
        List<String> both = new ArrayList<>(List.of("one"));
        h.put("x-multi", both);
        assertThat(AUTH.authenticate(new WireRequest(r.method(), r.uri(), h, r.body()))).isEqualTo("AKIDEXAMPLE");
        both.add("two");
        assertThat(refused(new WireRequest(r.method(), r.uri(), h, r.body())).code()).isEqualTo("SignatureDoesNotMatch");
    }

    @Test
    void dateHeaderStandsInForAMissingXAmzDate() {
        // Signed with the primitives CanonicalRequestTest checks against AWS's published examples.
        Map<String, List<String>> headers = Map.of("host", List.of("127.0.0.1:9324"),
                "date", List.of("Sat, 28 Nov 2026 01:29:00 GMT"), "x-amz-target", List.of("AmazonSQS.ListQueues"));
        List<String> signedHeaders = List.of("date", "host", "x-amz-target");
        String canonical = CanonicalRequest.build("POST", "/", "", false, headers, signedHeaders,
                SigningKey.sha256Hex("{}".getBytes(StandardCharsets.UTF_8)));
        String signature = SigningKey.sign(SigningKey.derive("secret", "20261128", "us-east-1", "sqs"),
                CanonicalRequest.stringToSign("20261128T012900Z", "20261128/us-east-1/sqs/aws4_request", canonical));
        Map<String, List<String>> sent = new HashMap<>(headers);
        sent.put("authorization", List.of("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261128/us-east-1/sqs/aws4_request, "
                + "SignedHeaders=date;host;x-amz-target, Signature=" + signature));
        WireRequest r = new WireRequest("POST", "/", sent, "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(AUTH.authenticate(r)).isEqualTo("AKIDEXAMPLE");
        assertThat(refused(withHeader(r, "date", "Sat, 28 Nov 2026 01:29:01 GMT")).code()).isEqualTo("SignatureDoesNotMatch");
    }
}
