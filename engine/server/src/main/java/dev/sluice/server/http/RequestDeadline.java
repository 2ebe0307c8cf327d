package dev.sluice.server.http;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandler;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection whose client takes too long to send one request (slowloris): from the first byte of
 * a request to its last there is at most the deadline (the clock starts at the first raw byte, see
 * {@link #firstByte()}, so slowly sent headers count too). Idle keep-alive connections are another
 * handler's business; a long poll in progress is not affected, as the request is complete by then.
 */
final class RequestDeadline extends ChannelDuplexHandler {

    private final long millis;
    private ScheduledFuture<?> pending;

    RequestDeadline(Duration deadline) {
        this.millis = deadline.toMillis();
    }

    /** Goes before the HTTP decoder: starts the clock when the bytes of a request begin to arrive. */
    ChannelInboundHandler firstByte() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
                arm(ctx);
                super.channelRead(ctx, msg);
            }
        };
    }

    private void arm(ChannelHandlerContext ctx) {
        if (pending == null) {
            pending = ctx.executor().schedule(() -> {
                ctx.channel().close();
            }, millis, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof HttpRequest) {
            arm(ctx);
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
