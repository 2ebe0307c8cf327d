package dev.sluice.server.badinput;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Clients for the bad-input tests: java.net.http for well-framed requests, raw sockets for byte-level control. */
final class Wire {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String JSON_TYPE = "application/x-amz-json-1.0";
    static final String FORM_TYPE = "application/x-www-form-urlencoded; charset=utf-8";

    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Wire() {
    }

    /** An answer from java.net.http. */
    record Reply(int status, HttpResponse<String> response) {

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        String body() {
            return response.body();
        }

        /** The JSON protocol's error code: {@code x-amzn-query-error: <Code>;Sender}. */
        String queryError() {
            String h = header("x-amzn-query-error");
            return h == null ? null : h.substring(0, h.indexOf(';') < 0 ? h.length() : h.indexOf(';'));
        }

        JsonNode json() {
            try {
                return JSON.readTree(body());
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body(), e);
            }
        }

        String jsonMessage() {
            return json().path("message").asText(null);
        }

        String xmlCode() {
            return xml("Code");
        }

        String xmlMessage() {
            return xml("Message");
        }

        private String xml(String element) {
            Matcher m = Pattern.compile("<" + element + ">(.*?)</" + element + ">", Pattern.DOTALL).matcher(body());
            return m.find() ? m.group(1) : null;
        }
    }

    static Reply json(BadInputServer s, String target, String body) {
        return json(s, target, body.getBytes(StandardCharsets.UTF_8));
    }

    static Reply json(BadInputServer s, String target, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(s.uri("/")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", JSON_TYPE).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (target != null) {
            b.header("X-Amz-Target", target);
        }
        return send(b.build());
    }

    static Reply query(BadInputServer s, String form) {
        return query(s, form.getBytes(StandardCharsets.ISO_8859_1));
    }

    static Reply query(BadInputServer s, byte[] form) {
        return send(HttpRequest.newBuilder(s.uri("/")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", FORM_TYPE).POST(HttpRequest.BodyPublishers.ofByteArray(form)).build());
    }

    static Reply send(HttpRequest request) {
        try {
            HttpResponse<String> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(r.statusCode(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An answer read off a raw socket; header names lower-cased. */
    record RawReply(int status, Map<String, String> headers, byte[] body) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        boolean closes() {
            return "close".equalsIgnoreCase(headers.get("connection"));
        }
    }

    /** One TCP connection to the server, written and read byte by byte. */
    static final class Raw implements AutoCloseable {

        final Socket socket;
        final InputStream in;
        final OutputStream out;

        Raw(int port, Duration readTimeout) {
            try {
                socket = new Socket();
                socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
                socket.setSoTimeout((int) readTimeout.toMillis());
                socket.setTcpNoDelay(true);
                in = socket.getInputStream();
                out = socket.getOutputStream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void write(String ascii) throws IOException {
            write(ascii.getBytes(StandardCharsets.ISO_8859_1));
        }

        void write(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        /** The next response, or null if the server closed the connection (or reset it) before answering. */
        RawReply read() throws IOException {
            return read(false);
        }

        /** As {@link #read()}; the answer to a HEAD request has no body, and interim 1xx answers are skipped. */
        RawReply read(boolean head) throws IOException {
            RawReply reply;
            do {
                reply = readOne(head);
            } while (reply != null && reply.status() >= 100 && reply.status() < 200);
            return reply;
        }

        private RawReply readOne(boolean headRequest) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int last4 = 0;
            while (last4 != 0x0d0a0d0a) {
                int c;
                try {
                    c = in.read();
                } catch (SocketException e) {
                    if (head.size() == 0) {
                        return null; // reset
                    }
                    throw e;
                }
                if (c < 0) {
                    if (head.size() == 0) {
                        return null;
                    }
                    throw new IOException("connection closed inside a response head: " + head);
                }
                head.write(c);
                last4 = last4 << 8 | c;
            }
            String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
            String[] statusLine = lines[0].split(" ", 3);
            int status = Integer.parseInt(statusLine[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
                }
            }
            int length = headRequest || status < 200 ? 0 : Integer.parseInt(headers.getOrDefault("content-length", "0"));
            byte[] body = in.readNBytes(length);
            if (body.length != length) {
                throw new IOException("connection closed inside a response body");
            }
            return new RawReply(status, headers, body);
        }

        /** Whether the server has closed (or reset) the connection: reading gives end of stream. */
        boolean closedByServer() {
            try {
                return in.read() < 0;
            } catch (SocketTimeoutException e) {
                return false;
            } catch (IOException e) {
                return true; // connection reset
            }
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    /** A minimal, well-formed HTTP/1.1 request. */
    static byte[] request(String method, String path, Map<String, String> headers, byte[] body) {
        StringBuilder head = new StringBuilder();
        head.append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        byte[] h = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        if (body == null) {
            return h;
        }
        byte[] all = new byte[h.length + body.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(body, 0, all, h.length, body.length);
        return all;
    }
}
