package dev.sluice.server.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.engine.EngineOptions;
import dev.sluice.server.ServerOptions;
import dev.sluice.server.SluiceServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * boto3, botocore's own signers (Query protocol POST and a presigned GET) and the AWS CLI, run as the user runs
 * them — keys in the environment, {@code --endpoint-url} — against a server with credentials.
 */
class PythonClientsTest {

    static final String SIGNATURE_MESSAGE = "The request signature we calculated does not match the signature you "
            + "provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for "
            + "details.";

    /** Prints one JSON object: what each client did, or the error code boto3 reported. */
    static final String SCRIPT = """
            import json, sys, urllib.request, urllib.error
            import boto3
            from botocore.auth import SigV4Auth, SigV4QueryAuth
            from botocore.awsrequest import AWSRequest
            from botocore.exceptions import ClientError

            endpoint, mode = sys.argv[1], sys.argv[2]
            sqs = boto3.client("sqs", endpoint_url=endpoint)
            out = {}
            if mode == "wrong":
                try:
                    sqs.list_queues()
                    out["error"] = None
                except ClientError as e:
                    out["error"] = e.response["Error"]["Code"]
                    out["message"] = e.response["Error"]["Message"]
                    out["status"] = e.response["ResponseMetadata"]["HTTPStatusCode"]
                print(json.dumps(out))
                sys.exit(0)

            url = sqs.create_queue(QueueName="boto-signed")["QueueUrl"]
            body = "grüße 東京 \\U0001F600 & <x> +1=2 ~!*'()"
            sqs.send_message(QueueUrl=url, MessageBody=body, MessageAttributes={
                "City": {"DataType": "String", "StringValue": "Zürich"}})
            got = sqs.receive_message(QueueUrl=url, MessageAttributeNames=["All"], MaxNumberOfMessages=10)["Messages"]
            out["bodyRoundTrips"] = got[0]["Body"] == body
            out["attribute"] = got[0]["MessageAttributes"]["City"]["StringValue"]
            out["listed"] = url in sqs.list_queues(QueueNamePrefix="boto-").get("QueueUrls", [])

            creds = boto3.session.Session().get_credentials()
            def send(req):
                prepared = req.prepare()
                r = urllib.request.Request(prepared.url, data=prepared.body or None, method=prepared.method,
                                           headers=dict(prepared.headers))
                try:
                    with urllib.request.urlopen(r, timeout=30) as resp:
                        return resp.status, resp.read().decode("utf-8")
                except urllib.error.HTTPError as e:
                    return e.code, e.read().decode("utf-8")

            form = AWSRequest(method="POST", url=endpoint + "/000000000000/boto-signed",
                              data=b"Action=SendMessage&MessageBody=h%C3%A9llo%20%F0%9F%98%80&Version=2012-11-05",
                              headers={"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"})
            SigV4Auth(creds, "sqs", "us-east-1").add_auth(form)
            out["queryPost"] = send(form)[0]

            presigned = AWSRequest(method="GET", url=endpoint + "/?Action=ListQueues&QueueNamePrefix=boto-&Version=2012-11-05")
            SigV4QueryAuth(creds, "sqs", "us-east-1", expires=300).add_auth(presigned)
            status, text = send(presigned)
            out["presignedGet"] = status
            out["presignedListsQueue"] = "boto-signed" in text
            print(json.dumps(out))
            """;

    static SluiceServer server;
    static String endpoint;
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws InterruptedException {
        server = SluiceServer.start(ServerOptions.defaults().withPort(0).withStorage(EngineOptions.Storage.MEMORY)
                .withCredentials(Map.of("AKIDEXAMPLE", "secret")));
        endpoint = "http://127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    record Result(int exit, String stdout, String stderr) {
    }

    static Result run(String secret, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        Map<String, String> env = pb.environment();
        for (String name : List.of("AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN", "AWS_ENDPOINT_URL",
                "AWS_ENDPOINT_URL_SQS", "AWS_CA_BUNDLE")) {
            env.remove(name);
        }
        env.put("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE");
        env.put("AWS_SECRET_ACCESS_KEY", secret);
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_CONFIG_FILE", dir.resolve("no-config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", dir.resolve("no-credentials").toString());
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("AWS_MAX_ATTEMPTS", "1");
        env.put("PYTHONIOENCODING", "utf-8");
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + String.join(" ", command));
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    static boolean available(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    static JsonNode boto(String secret, String mode) throws Exception {
        assertThat(available("python3", "-c", "import boto3")).as("python3 with boto3 must be installed (CI has it)").isTrue();
        Path script = dir.resolve("sigv4_clients.py");
        Files.writeString(script, SCRIPT, StandardCharsets.UTF_8);
        Result r = run(secret, "python3", script.toString(), endpoint, mode);
        assertThat(r.exit()).as(r.stderr()).isZero();
        return JSON.readTree(r.stdout());
    }

    static Result aws(String secret, String... args) throws Exception {
        assertThat(available("aws", "--version")).as("the AWS CLI must be installed (CI has it)").isTrue();
        List<String> command = new ArrayList<>(List.of("aws", "--endpoint-url", endpoint, "--output", "json"));
        command.addAll(List.of(args));
        return run(secret, command.toArray(String[]::new));
    }

    @Test
    void boto3AndBotocoreSignersAreAcceptedWithTheRightKeys() throws Exception {
        JsonNode out = boto("secret", "ok");
        assertThat(out.get("bodyRoundTrips").asBoolean()).as(out.toString()).isTrue();
        assertThat(out.get("attribute").asText()).isEqualTo("Zürich");
        assertThat(out.get("listed").asBoolean()).isTrue();
        assertThat(out.get("queryPost").asInt()).isEqualTo(200);
        assertThat(out.get("presignedGet").asInt()).isEqualTo(200);
        assertThat(out.get("presignedListsQueue").asBoolean()).isTrue();
    }

    @Test
    void boto3WithAWrongSecretGetsSignatureDoesNotMatch() throws Exception {
        JsonNode out = boto("wrong-secret", "wrong");
        assertThat(out.get("error").asText()).isEqualTo("SignatureDoesNotMatch");
        assertThat(out.get("status").asInt()).isEqualTo(403);
        assertThat(out.get("message").asText()).isEqualTo(SIGNATURE_MESSAGE);
    }

    @Test
    void awsCliWorksWithTheRightKeys() throws Exception {
        Result created = aws("secret", "sqs", "create-queue", "--queue-name", "cli-signed");
        assertThat(created.exit()).as(created.stderr()).isZero();
        String url = JSON.readTree(created.stdout()).get("QueueUrl").asText();
        Result sent = aws("secret", "sqs", "send-message", "--queue-url", url, "--message-body",
                "hello & <world> +1=2 ~!*'()");
        assertThat(sent.exit()).as(sent.stderr()).isZero();
        Result received = aws("secret", "sqs", "receive-message", "--queue-url", url);
        assertThat(received.exit()).as(received.stderr()).isZero();
        assertThat(JSON.readTree(received.stdout()).get("Messages").get(0).get("Body").asText())
                .isEqualTo("hello & <world> +1=2 ~!*'()");
    }

    @Test
    void awsCliWithAWrongSecretGetsSignatureDoesNotMatch() throws Exception {
        Result r = aws("wrong-secret", "sqs", "list-queues");
        assertThat(r.exit()).isNotZero();
        assertThat(r.stderr()).contains("An error occurred (SignatureDoesNotMatch) when calling the ListQueues "
                + "operation: " + SIGNATURE_MESSAGE);
    }
}
