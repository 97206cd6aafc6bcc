package dev.restfault.spring.reactive;

import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection without losing the response that asked for it. When a server answers before
 * the request's body has arrived (an error with {@code Connection: close}, say) and then closes the
 * socket, the client is usually still sending: the body it sends next reaches a closed socket, whose
 * reset can throw away the response the client had not read yet. It sees a broken connection
 * instead of the error.
 *
 * <p>So a close asked for while a request body is still arriving is a lingering close, as HTTP
 * servers have long done it: the response is flushed, the connection is half-closed (the client
 * reads the response and the end of it), and what the client still sends is read and discarded
 * until its body ends or {@code timeout} has passed; then the connection is closed. Bounded by time
 * only, as nginx's {@code lingering_time} is: a bound in bytes would close, and reset, a connection
 * whose client is still writing a large body, which is the case this exists for; discarding costs
 * no thread. A connection whose request is complete closes at once, as before. One handler per
 * connection; event-loop confined.
 */
final class LingeringClose extends ChannelDuplexHandler {

    /** The name of this handler in the channel pipeline. */
    static final String NAME = "restfault.lingeringClose";

    private final long timeoutNanos;
    /** Whether the last request's body has ended (or there was none). */
    private boolean inboundComplete = true;
    private boolean lingering;
    private ChannelPromise closing;

    /**
     * @param timeout the longest time spent lingering
     */
    LingeringClose(Duration timeout) {
        this.timeoutNanos = timeout.toNanos();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (lingering) {
            boolean ended = msg instanceof LastHttpContent;
            ReferenceCountUtil.release(msg);
            if (ended) {
                closeNow(ctx);
            } else {
                ctx.read();
            }
            return;
        }
        if (msg instanceof HttpRequest) {
            inboundComplete = msg instanceof LastHttpContent;
        } else if (msg instanceof LastHttpContent) {
            inboundComplete = true;
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
        Channel channel = ctx.channel();
        if (lingering || inboundComplete || !(channel instanceof DuplexChannel) || !channel.isActive()) {
            if (lingering && closing != null && promise != closing) {
                closing.addListener(f -> promise.trySuccess());
                return;
            }
            ctx.close(promise);
            return;
        }
        lingering = true;
        closing = promise;
        ctx.flush();
        ((DuplexChannel) channel).shutdownOutput().addListener(f -> {
            if (!f.isSuccess()) {
                closeNow(ctx);
            }
        });
        ctx.executor().schedule(() -> closeNow(ctx), timeoutNanos, TimeUnit.NANOSECONDS);
        channel.config().setAutoRead(true);
        ctx.read();
    }

    private void closeNow(ChannelHandlerContext ctx) {
        if (closing != null) {
            ChannelPromise promise = closing;
            closing = null;
            ctx.close(promise);
        }
    }
}
