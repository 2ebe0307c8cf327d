package dev.sluice.server.auth;

import dev.sluice.engine.EngineOptions;
import dev.sluice.server.ServerOptions;
import dev.sluice.server.SluiceServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;
import software.amazon.awssdk.services.sqs.model.SqsException;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** End to end over HTTP: the AWS SDK for Java v2 and SDK-signed raw requests against servers with credentials. */
class SigV4ServerTest {

    static final Map<String, String> CREDENTIALS = Map.of("AKIDEXAMPLE", "secret");
    static final String SIGNATURE_MESSAGE = "The request signature we calculated does not match the signature you "
            + "provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for "
            + "details.";

    static SluiceServer loopback;
    static SluiceServer wildcard;

    @BeforeAll
    static void start() throws InterruptedException {
        ServerOptions options = ServerOptions.defaults().withPort(0).withStorage(EngineOptions.Storage.MEMORY)
                .withCredentials(CREDENTIALS);
        loopback = SluiceServer.start(options);
        wildcard = SluiceServer.start(options.withBind("0.0.0.0"));
    }

    @AfterAll
    static void stop() {
        if (loopback != null) {
            loopback.close();
        }
        if (wildcard != null) {
            wildcard.close();
        }
    }

    static URI endpoint(SluiceServer server) {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    static SqsClient client(SluiceServer server, AwsCredentialsProvider credentials) {
        return SqsClient.builder().endpointOverride(endpoint(server)).region(Region.US_EAST_1)
                .credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(30)))
                .build();
    }

    static SqsClient client(SluiceServer server, String accessKey, String secret) {
        return client(server, StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secret)));
    }

    static void assertRefused(Runnable call, int status, String code, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(SqsException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(status);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
        });
    }

    @Test
    void sdkWithTheRightKeysWorksForSeveralOperations() {
        try (SqsClient sqs = client(loopback, "AKIDEXAMPLE", "secret")) {
            String url = sqs.createQueue(b -> b.queueName("signed-orders")).queueUrl();
            assertThat(sqs.listQueues(b -> b.queueNamePrefix("signed-")).queueUrls()).contains(url);
            assertThat(sqs.getQueueUrl(b -> b.queueName("signed-orders")).queueUrl()).isEqualTo(url);
            String body = "grüße \r\n 東京 \uD83D\uDE00 \"quoted\" & <tag>";
            sqs.sendMessage(b -> b.queueUrl(url).messageBody(body).messageAttributes(Map.of(
                    "Cities", MessageAttributeValue.builder().dataType("String").stringValue("Zürich, 大阪").build(),
                    "Count", MessageAttributeValue.builder().dataType("Number").stringValue("42").build())));
            ReceiveMessageResponse r = sqs.receiveMessage(b -> b.queueUrl(url).messageAttributeNames("All")
                    .maxNumberOfMessages(10).waitTimeSeconds(1));
            assertThat(r.messages()).singleElement().satisfies(m -> {
                assertThat(m.body()).isEqualTo(body);
                assertThat(m.messageAttributes().get("Cities").stringValue()).isEqualTo("Zürich, 大阪");
                assertThat(m.messageAttributes().get("Count").stringValue()).isEqualTo("42");
            });
            sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(r.messages().get(0).receiptHandle()));
            assertThat(sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNamesWithStrings("All"))
                    .attributesAsStrings()).containsEntry("ApproximateNumberOfMessages", "0");
            sqs.deleteQueue(b -> b.queueUrl(url));
        }
    }

    @Test
    void sdkWithASessionTokenWorks() {
        try (SqsClient sqs = client(loopback, StaticCredentialsProvider.create(
                AwsSessionCredentials.create("AKIDEXAMPLE", "secret", "FwoGZXIvYXdzEXAMPLE")))) {
            assertThat(sqs.listQueues().sdkHttpResponse().statusCode()).isEqualTo(200);
        }
    }

    @Test
    void wrongSecretIsSignatureDoesNotMatch() {
        try (SqsClient sqs = client(loopback, "AKIDEXAMPLE", "not-the-secret")) {
            assertRefused(sqs::listQueues, 403, "SignatureDoesNotMatch", SIGNATURE_MESSAGE);
            assertRefused(() -> sqs.sendMessage(b -> b.queueUrl(endpoint(loopback) + "/000000000000/x").messageBody("ü")),
                    403, "SignatureDoesNotMatch", SIGNATURE_MESSAGE);
        }
    }

    @Test
    void unknownAccessKeyIsInvalidClientTokenId() {
        try (SqsClient sqs = client(loopback, "AKIDUNKNOWN", "secret")) {
            assertRefused(sqs::listQueues, 403, "InvalidClientTokenId",
                    "The security token included in the request is invalid.");
        }
    }

    @Test
    void unsignedRequestIsMissingAuthenticationToken() {
        try (SqsClient sqs = client(loopback, AnonymousCredentialsProvider.create())) {
            assertRefused(sqs::listQueues, 403, "MissingAuthenticationToken", "Request is missing Authentication Token");
        }
        HttpResponse<String> raw = SdkSigner.send(software.amazon.awssdk.http.SdkHttpRequest.builder()
                .uri(endpoint(loopback)).method(software.amazon.awssdk.http.SdkHttpMethod.POST)
                .putHeader("Content-Type", SdkSigner.JSON).putHeader("X-Amz-Target", "AmazonSQS.ListQueues").build(),
                "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(raw.statusCode()).isEqualTo(403);
        assertThat(raw.headers().firstValue("x-amzn-query-error")).hasValue("MissingAuthenticationToken;Sender");
        assertThat(raw.body()).contains("\"__type\":\"com.amazon.coral.service#MissingAuthenticationTokenException\"")
                .contains("\"message\":\"Request is missing Authentication Token\"");
    }

    @Test
    void requestSignedTwentyMinutesAgoIsRejected() {
        Clock past = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-20));
        HttpResponse<String> r = SdkSigner.keys("AKIDEXAMPLE", "secret").clock(past)
                .header("Content-Type", SdkSigner.JSON).header("X-Amz-Target", "AmazonSQS.ListQueues")
                .send("POST", URI.create(endpoint(loopback) + "/"), "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.headers().firstValue("x-amzn-query-error")).hasValue("SignatureDoesNotMatch;Sender");
        assertThat(r.body()).contains("Signature expired: ").contains(" - 15 min.)");

        HttpResponse<String> now = SdkSigner.keys("AKIDEXAMPLE", "secret")
                .header("Content-Type", SdkSigner.JSON).header("X-Amz-Target", "AmazonSQS.ListQueues")
                .send("POST", URI.create(endpoint(loopback) + "/"), "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(now.statusCode()).isEqualTo(200);
    }

    @Test
    void queryProtocolPostAndPresignedGetWork() {
        SdkSigner signer = SdkSigner.keys("AKIDEXAMPLE", "secret");
        HttpResponse<String> created = signer.header("Content-Type", SdkSigner.FORM).send("POST",
                URI.create(endpoint(loopback) + "/"),
                "Action=CreateQueue&QueueName=query-signed&Version=2012-11-05".getBytes(StandardCharsets.UTF_8));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        assertThat(created.body()).contains("<QueueUrl>").contains("query-signed");

        HttpResponse<String> sent = signer.send("POST", URI.create(endpoint(loopback) + "/000000000000/query-signed"),
                "Action=SendMessage&MessageBody=h%C3%A9llo%20%F0%9F%98%80&Version=2012-11-05"
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        assertThat(sent.body()).contains("<MD5OfMessageBody>");

        HttpResponse<String> presigned = SdkSigner.keys("AKIDEXAMPLE", "secret").presign(Duration.ofMinutes(5))
                .send("GET", URI.create(endpoint(loopback) + "/?Action=ListQueues&QueueNamePrefix=query-&Version=2012-11-05"),
                        new byte[0]);
        assertThat(presigned.statusCode()).as(presigned.body()).isEqualTo(200);
        assertThat(presigned.body()).contains("query-signed");

        HttpResponse<String> wrong = SdkSigner.keys("AKIDEXAMPLE", "nope").header("Content-Type", SdkSigner.FORM)
                .send("POST", URI.create(endpoint(loopback) + "/"),
                        "Action=ListQueues&Version=2012-11-05".getBytes(StandardCharsets.UTF_8));
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(wrong.body()).contains("<Code>SignatureDoesNotMatch</Code>").contains(SIGNATURE_MESSAGE);
    }

    @Test
    void serverBoundToAllInterfacesRequiresSignaturesToo() {
        try (SqsClient sqs = client(wildcard, "AKIDEXAMPLE", "secret")) {
            String url = sqs.createQueue(b -> b.queueName("wildcard")).queueUrl();
            sqs.sendMessage(b -> b.queueUrl(url).messageBody("hello"));
            assertThat(sqs.receiveMessage(b -> b.queueUrl(url)).messages()).singleElement()
                    .satisfies(m -> assertThat(m.body()).isEqualTo("hello"));
        }
        try (SqsClient sqs = client(wildcard, AnonymousCredentialsProvider.create())) {
            assertRefused(sqs::listQueues, 403, "MissingAuthenticationToken", "Request is missing Authentication Token");
        }
        try (SqsClient sqs = client(wildcard, "AKIDEXAMPLE", "wrong")) {
            assertRefused(sqs::listQueues, 403, "SignatureDoesNotMatch", SIGNATURE_MESSAGE);
        }
    }
}
