package dev.sluice.server.http;

import dev.sluice.server.SqsEndpoint;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelHandlerContext;

import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP/1.1 server: bounded request lines, headers and bodies (an oversized body is refused from its
 * Content-Length, before it is read), a deadline for receiving a request, idle connections closed, and a
 * bounded pool of workers for the engine calls.
 */
public final class HttpServer implements AutoCloseable {

    public static final int MAX_INITIAL_LINE = 8 * 1024;
    public static final int MAX_HEADER_BYTES = 16 * 1024;
    /** A 1 MiB batch, percent- or \\u-escaped, fits with room to spare; anything larger is refused. */
    public static final int MAX_BODY_BYTES = 6 * 1024 * 1024;
    private static final int REQUEST_DEADLINE_SECONDS = 30;
    private static final int IDLE_SECONDS = 120;
    private static final int MAX_WORKERS = 512;

    private final EventLoopGroup boss = new NioEventLoopGroup(1);
    private final EventLoopGroup io = new NioEventLoopGroup(Math.max(2, Runtime.getRuntime().availableProcessors()));
    private final ExecutorService workers;
    private final Channel channel;

    public HttpServer(SqsEndpoint endpoint, String bindAddress, int port) throws InterruptedException {
        this(endpoint, bindAddress, port, Duration.ofSeconds(REQUEST_DEADLINE_SECONDS));
    }

    /** @param requestDeadline how long a client may take to send one request (tests shorten it) */
    public HttpServer(SqsEndpoint endpoint, String bindAddress, int port, Duration requestDeadline)
            throws InterruptedException {
        AtomicInteger n = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(16, MAX_WORKERS, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "sluice-http-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(boss, io)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        RequestDeadline deadline = new RequestDeadline(requestDeadline);
                        ch.pipeline()
                                .addLast(new IdleStateHandler(0, 0, IDLE_SECONDS))
                                .addLast(new IdleCloser())
                                .addLast(deadline.firstByte())
                                .addLast(new HttpServerCodec(MAX_INITIAL_LINE, MAX_HEADER_BYTES, 64 * 1024))
                                .addLast(deadline)
                                .addLast(new HttpServerKeepAliveHandler())
                                .addLast(new BoundedAggregator())
                                .addLast(new EndpointHandler(endpoint, workers, "http"));
                    }
                });
        this.channel = bootstrap.bind(bindAddress, port).sync().channel();
    }

    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    /**
     * Refuses an oversized body with 413 and always closes: Netty's aggregator would keep a keep-alive
     * connection open and go on reading (and discarding) the whole announced body.
     */
    private static final class BoundedAggregator extends HttpObjectAggregator {
        BoundedAggregator() {
            super(MAX_BODY_BYTES, true);
        }

        @Override
        protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
            FullHttpResponse response = EndpointHandler.plain(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
                    "The request body is larger than " + MAX_BODY_BYTES + " bytes.\n");
            HttpUtil.setContentLength(response, response.content().readableBytes());
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }

        /** A refused {@code Expect} (417, or 413 up front) closes the connection: say so, or clients reuse it. */
        @Override
        protected Object newContinueResponse(HttpMessage start, int maxContentLength, io.netty.channel.ChannelPipeline pipeline) {
            Object response = super.newContinueResponse(start, maxContentLength, pipeline);
            if (response instanceof io.netty.handler.codec.http.HttpResponse r && r.status().code() >= 400) {
                r.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            }
            return response;
        }
    }

    private static final class IdleCloser extends ChannelInboundHandlerAdapter {
        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
            if (evt instanceof IdleStateEvent) {
                ctx.close();
            } else {
                super.userEventTriggered(ctx, evt);
            }
        }
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        io.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdown();
        try {
            workers.awaitTermination(25, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
