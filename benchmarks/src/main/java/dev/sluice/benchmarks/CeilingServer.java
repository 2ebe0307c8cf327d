package dev.sluice.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The endpoint benchmark's ceiling: an SQS JSON endpoint that stores nothing and answers each of the harness's
 * calls with a canned, valid response for the harness's fixed body (MD5s precomputed, ten messages on every
 * receive). No server can answer with less work, so the rate the client reaches against it bounds what any server
 * can reach with this client on this machine, and {@code ceiling / ElasticMQ} bounds every server's ratio.
 * It serves only what {@link EndpointBenchmark} calls.
 */
final class CeilingServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TARGET_PREFIX = "AmazonSQS.";

    private final EventLoopGroup group;
    private final Channel channel;
    private final String endpoint;

    private CeilingServer(EventLoopGroup group, Channel channel) {
        this.group = group;
        this.channel = channel;
        this.endpoint = "http://127.0.0.1:" + ((InetSocketAddress) channel.localAddress()).getPort();
    }

    static CeilingServer start(String body) throws InterruptedException {
        Map<String, ByteBuf> canned = cannedResponses(body);
        EventLoopGroup group = new NioEventLoopGroup();
        Channel ch = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel c) {
                        c.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(2 << 20),
                                new Responder(canned));
                    }
                })
                .bind("127.0.0.1", 0).sync().channel();
        return new CeilingServer(group, ch);
    }

    String endpoint() {
        return endpoint;
    }

    private static Map<String, ByteBuf> cannedResponses(String body) {
        String md5 = md5(body);
        ObjectNode send = JSON.createObjectNode().put("MessageId", "00000000-0000-0000-0000-000000000000")
                .put("MD5OfMessageBody", md5);
        ObjectNode batch = JSON.createObjectNode();
        ArrayNode sent = batch.putArray("Successful");
        ObjectNode receive = JSON.createObjectNode();
        ArrayNode messages = receive.putArray("Messages");
        ObjectNode delete = JSON.createObjectNode();
        ArrayNode deleted = delete.putArray("Successful");
        for (int i = 0; i < EndpointBenchmark.BATCH; i++) {
            sent.addObject().put("Id", "m" + i).put("MessageId", "00000000-0000-0000-0000-00000000000" + i)
                    .put("MD5OfMessageBody", md5);
            messages.addObject().put("MessageId", "00000000-0000-0000-0000-00000000000" + i)
                    .put("ReceiptHandle", "receipt-" + i).put("MD5OfBody", md5).put("Body", body);
            deleted.addObject().put("Id", "d" + i);
        }
        batch.putArray("Failed");
        delete.putArray("Failed");
        return Map.of("SendMessage", buffer(send), "SendMessageBatch", buffer(batch), "ReceiveMessage",
                buffer(receive), "DeleteMessageBatch", buffer(delete), "DeleteQueue", buffer(JSON.createObjectNode()));
    }

    private static ByteBuf buffer(ObjectNode node) {
        return Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(node.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static String md5(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                    .digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        channel.close().sync();
        group.shutdownGracefully().sync();
    }

    private static final class Responder extends SimpleChannelInboundHandler<FullHttpRequest> {
        private final Map<String, ByteBuf> canned;

        Responder(Map<String, ByteBuf> canned) {
            this.canned = canned;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) throws Exception {
            String target = request.headers().get("X-Amz-Target", "");
            String action = target.startsWith(TARGET_PREFIX) ? target.substring(TARGET_PREFIX.length()) : "";
            ByteBuf answer = canned.get(action);
            ByteBuf content;
            HttpResponseStatus status = HttpResponseStatus.OK;
            if (answer != null) {
                content = answer.duplicate();
            } else if (action.equals("CreateQueue")) {
                String name = JSON.readTree(request.content().toString(StandardCharsets.UTF_8)).path("QueueName")
                        .asText();
                content = Unpooled.copiedBuffer(JSON.createObjectNode()
                        .put("QueueUrl", "http://" + request.headers().get(HttpHeaderNames.HOST) + "/000000000000/" + name).toString(), StandardCharsets.UTF_8);
            } else {
                status = HttpResponseStatus.BAD_REQUEST;
                content = Unpooled.copiedBuffer(JSON.createObjectNode().put("__type", "com.amazon.coral.service#UnknownOperationException")
                        .put("message", "the ceiling server answers only the benchmark's calls, not " + target)
                        .toString(), StandardCharsets.UTF_8);
            }
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, content);
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/x-amz-json-1.0")
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes());
            ctx.writeAndFlush(response);
        }
    }
}
