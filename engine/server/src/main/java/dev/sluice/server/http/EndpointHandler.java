package dev.sluice.server.http;

import dev.sluice.server.SqsEndpoint;
import dev.sluice.server.protocol.WireRequest;
import dev.sluice.server.protocol.WireResponse;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

/**
 * Hands each complete HTTP request to the endpoint on a worker thread (engine calls block: fsync, long
 * polling) and writes the answer back. Requests the codec could not parse are answered here with 400.
 */
final class EndpointHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private final SqsEndpoint endpoint;
    private final ExecutorService workers;
    private final String scheme;
    /** Touched only on the channel's event loop. */
    private final java.util.ArrayDeque<Runnable> pending = new java.util.ArrayDeque<>();
    private boolean busy;

    EndpointHandler(SqsEndpoint endpoint, ExecutorService workers, String scheme) {
        this.endpoint = endpoint;
        this.workers = workers;
        this.scheme = scheme;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        DecoderResult decoded = request.decoderResult();
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        if (decoded.isFailure()) {
            Throwable cause = decoded.cause();
            if (cause instanceof TooLongHttpLineException) {
                write(ctx, plain(HttpResponseStatus.REQUEST_URI_TOO_LONG, "The request line is longer than "
                        + HttpServer.MAX_INITIAL_LINE + " bytes.\n"), false);
            } else if (cause instanceof TooLongHttpHeaderException) {
                write(ctx, plain(HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "The request headers are larger than "
                        + HttpServer.MAX_HEADER_BYTES + " bytes.\n"), false);
            } else {
                write(ctx, plain(HttpResponseStatus.BAD_REQUEST, "Malformed HTTP request.\n"), false);
            }
            return;
        }
        Map<String, List<String>> headers = new HashMap<>();
        request.headers().forEach(h -> headers.computeIfAbsent(h.getKey().toLowerCase(Locale.ROOT),
                k -> new ArrayList<>()).add(h.getValue()));
        WireRequest wire = new WireRequest(request.method().name(), request.uri(), headers,
                ByteBufUtil.getBytes(request.content()));
        String host = request.headers().get(HttpHeaderNames.HOST);
        String baseUrl = scheme + "://" + (host == null || host.isBlank() ? "localhost" : host);
        pending.add(() -> {
            try {
                workers.execute(() -> {
                    FullHttpResponse response;
                    try {
                        response = toNetty(endpoint.handle(wire, baseUrl));
                    } catch (Throwable t) { // e.g. StackOverflowError: answer rather than leave the client hanging
                        respond(ctx, plain(HttpResponseStatus.INTERNAL_SERVER_ERROR, "Internal error.\n"), false);
                        return;
                    }
                    respond(ctx, response, keepAlive);
                });
            } catch (RejectedExecutionException e) {
                respond(ctx, plain(HttpResponseStatus.SERVICE_UNAVAILABLE, "Too many requests in progress.\n"), false);
            }
        });
        startNext();
        if (!pending.isEmpty()) {
            // a pipelining client waits for its earlier answers before more of its requests are read
            ctx.channel().config().setAutoRead(false);
        }
    }

    /**
     * Requests of one connection are answered one at a time, in order: a client that pipelines a long poll
     * and then a send must get the answers in that order (HTTP/1.1). Runs on the channel's event loop.
     */
    private void startNext() {
        if (!busy && !pending.isEmpty()) {
            busy = true;
            pending.poll().run();
        }
    }

    /** Writes a worker's answer and, back on the event loop, lets the connection's next request go. */
    private void respond(ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive) {
        write(ctx, response, keepAlive);
        ctx.executor().execute(() -> {
            busy = false;
            startNext();
            if (pending.isEmpty()) {
                ctx.channel().config().setAutoRead(true);
            }
        });
    }

    private static FullHttpResponse toNetty(WireResponse r) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(r.status()), Unpooled.wrappedBuffer(r.body()));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, r.contentType());
        r.headers().forEach((k, v) -> response.headers().set(k, v));
        return response;
    }

    static FullHttpResponse plain(HttpResponseStatus status, String text) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.copiedBuffer(text, StandardCharsets.UTF_8));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
        return response;
    }

    private static void write(ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive) {
        HttpUtil.setContentLength(response, response.content().readableBytes());
        HttpUtil.setKeepAlive(response, keepAlive);
        var future = ctx.writeAndFlush(response);
        if (!keepAlive) {
            future.addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A broken or reset connection: nothing to answer, and nothing the client can learn from a log line.
        ctx.close();
    }
}
