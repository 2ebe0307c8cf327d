package dev.sluice.server.http;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;

import java.util.concurrent.TimeUnit;

/**
 * Closes a connection whose client takes too long to send one request (slowloris): from the first byte of
 * a request to its last there are at most {@code seconds}. Idle keep-alive connections are another
 * handler's business; a long poll in progress is not affected, as the request is complete by then.
 */
final class RequestDeadline extends ChannelDuplexHandler {

    private final long seconds;
    private ScheduledFuture<?> pending;

    RequestDeadline(long seconds) {
        this.seconds = seconds;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof HttpRequest && pending == null) {
            pending = ctx.executor().schedule((Runnable) ctx::close, seconds, TimeUnit.SECONDS);
        }
        if (msg instanceof LastHttpContent && pending != null) {
            pending.cancel(false);
            pending = null;
        }
        super.channelRead(ctx, msg);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (pending != null) {
            pending.cancel(false);
        }
        super.channelInactive(ctx);
    }
}
