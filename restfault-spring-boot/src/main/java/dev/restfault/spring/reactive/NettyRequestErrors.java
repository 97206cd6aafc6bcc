package dev.restfault.spring.reactive;

import dev.restfault.server.ErrorRenderer;
import dev.restfault.server.RenderedError;
import dev.restfault.server.RequestFacts;
import dev.restfault.server.StatusErrors;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import reactor.netty.NettyPipeline;

/**
 * Requests Reactor Netty refuses before the application, answered in the contract: a request line
 * over the server's limit (414, {@code server.netty.max-initial-line-length}), headers over it
 * (431, {@code server.max-http-request-header-size}), a request line or header Netty cannot parse
 * (400). Reactor Netty answers those itself with the status, an empty body and
 * {@code Connection: close}; this handler, placed between Netty's HTTP codec and Reactor Netty's
 * request handling, writes the contract error instead, with the same status and
 * {@code Connection: close}, and closes the connection after it.
 *
 * <p>The request's headers are not read: a server that refused the header block cannot trust what
 * it parsed of it. The error is in the default format and language, with fresh ids.
 *
 * <p>A refusal that arrives while an earlier request of the same connection is still being answered
 * (HTTP/1.1 pipelining) is left to Reactor Netty, which queues it behind that response and answers
 * it with its own empty error: this handler never writes between two responses. Failures in a
 * request's body (a malformed chunk) are Reactor Netty's too: the application is already reading
 * that request. One handler per connection; not shared.
 */
public final class NettyRequestErrors extends ChannelDuplexHandler {

    /** The name of this handler in the channel pipeline. */
    static final String NAME = "restfault.requestErrors";

    private static final Logger LOG = LoggerFactory.getLogger(NettyRequestErrors.class);

    private final ErrorRenderer renderer;
    /** Requests handed on whose final response has not been written yet; event-loop confined. */
    private int pending;

    NettyRequestErrors(ErrorRenderer renderer) {
        this.renderer = renderer;
    }

    /**
     * The Spring Boot customizer that places a new handler in every HTTP/1.1 connection's pipeline,
     * right before Reactor Netty's request handling.
     */
    public static NettyServerCustomizer customizer(ErrorRenderer renderer) {
        return server -> server.doOnChannelInit((observer, channel, remoteAddress) -> {
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(HttpServerCodec.class) != null && pipeline.get(NettyPipeline.HttpTrafficHandler) != null) {
                pipeline.addBefore(NettyPipeline.HttpTrafficHandler, NAME, new NettyRequestErrors(renderer));
            }
        });
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest) {
            DecoderResult result = ((HttpRequest) msg).decoderResult();
            if (result.isFailure() && pending == 0) {
                refuse(ctx, msg, result.cause());
                return;
            }
            pending++;
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof LastHttpContent && !(msg instanceof HttpResponse && isInformational((HttpResponse) msg)) && pending > 0) {
            pending--;
        }
        ctx.write(msg, promise);
    }

    private static boolean isInformational(HttpResponse response) {
        return response.status().codeClass() == io.netty.handler.codec.http.HttpStatusClass.INFORMATIONAL;
    }

    private void refuse(ChannelHandlerContext ctx, Object msg, Throwable cause) {
        ReferenceCountUtil.release(msg);
        int status = cause instanceof TooLongHttpLineException ? 414 : cause instanceof TooLongHttpHeaderException ? 431 : 400;
        LOG.debug("Refused a request Netty could not decode, with {}: {}", status, String.valueOf(cause));
        // Nothing of the request is trusted: unknown method and path, no headers, fresh ids.
        RenderedError error = renderer.render(StatusErrors.of(status), RequestFacts.builder(null, null).build());
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status),
                Unpooled.wrappedBuffer(error.bodyBuffer()));
        HttpHeaders headers = response.headers();
        error.copyHeaders(headers::set, headers::add);
        headers.setInt(HttpHeaderNames.CONTENT_LENGTH, error.bodyLength());
        headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
}
