package dev.restfault.spring.reactive;

import dev.restfault.server.ErrorRenderer;
import dev.restfault.server.HeaderLookup;
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
import io.netty.handler.codec.DecoderResultProvider;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import java.net.URI;
import java.net.URISyntaxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServerResponse;

/**
 * What Reactor Netty and Spring's Reactor Netty adapter refuse before the application, answered in
 * the contract. Both answer such a request themselves with the status and an empty body, before any
 * {@code WebFilter} or exception handler runs:
 *
 * <ul>
 *   <li>Reactor Netty, for a request it cannot decode: a request line over
 *       {@code server.netty.max-initial-line-length} (414), headers over
 *       {@code server.max-http-request-header-size} (431), a request line or header it cannot
 *       parse (400: a bare CR, LF or NUL in a header, a malformed request line), a malformed chunk
 *       in a body (400); always with {@code Connection: close};</li>
 *   <li>Spring's adapter, for a request-target {@code java.net.URI} refuses (400: an invalid
 *       percent-encoding such as {@code ?q=%zz}, a character a URI may not hold), keeping the
 *       connection;</li>
 *   <li>Reactor Netty, for a request whose head decoded but that it cannot make a request of
 *       (400: a {@code Host} whose port is not a number, {@code Host: h:abc} or {@code Host: h:};
 *       with {@code server.forward-headers-strategy=native}, an {@code X-Forwarded-Port} that is
 *       not one or an {@code X-Forwarded-Prefix} without a leading slash): it marks the request's
 *       decoder result failed and answers with {@code Connection: close}.</li>
 * </ul>
 *
 * <p>This handler sits between Netty's HTTP codec and Reactor Netty's request handling. A request
 * whose line or header block Netty could not decode, it answers itself, with the contract error of
 * the status above and {@code Connection: close}, and closes the connection: Netty's decoder
 * discards whatever follows such a request, and Reactor Netty 1.3 does not always answer one that
 * arrives on a connection that already served a request (the client then waits for its own
 * timeout). Anything else it lets Reactor Netty and Spring decide and frame (status, keep-alive,
 * what becomes of the rest of the request): it notes which request they are about to refuse and
 * why, and replaces their empty answer to exactly that request with the contract error of the same
 * status, keeping its {@code Connection} header: never another response. A request Reactor Netty
 * itself marks failed after its head was decoded is recognised when its empty 4xx is written.
 *
 * <p>The error is in the request's language and echoes its valid ids when its headers were
 * decoded (a request-target, a {@code Host} or a body refused); for a request line or header
 * block Netty could not decode, nothing of the request is trusted: the default language and fresh
 * ids. A refusal that arrives while an earlier request of the same connection is still being
 * answered (HTTP/1.1 pipelining) keeps Reactor Netty's empty answer: this handler tracks one
 * request at a time. One handler per connection; event-loop confined.
 */
public final class NettyRequestErrors extends ChannelDuplexHandler {

    /** The name of this handler in the channel pipeline. */
    static final String NAME = "restfault.requestErrors";

    private static final Logger LOG = LoggerFactory.getLogger(NettyRequestErrors.class);

    private final ErrorRenderer renderer;
    /** Requests handed on whose final response has not been written yet. */
    private int pending;
    /** The status of the empty answer to replace, 0 for none. */
    private int refusedStatus;
    /**
     * The request being answered, whose head was decoded: its headers name the ids and the
     * language of an error refusing it. Null when none is; with pipelined requests, the first
     * until its answer ends, then null (the others keep Reactor Netty's answers, see above).
     */
    private HttpRequest current;

    NettyRequestErrors(ErrorRenderer renderer) {
        this.renderer = renderer;
    }

    /**
     * The Spring Boot customizer that places this handler and a {@link LingeringClose} in every
     * HTTP/1.1 connection's pipeline, right before Reactor Netty's request handling.
     *
     * @param unreadBody the bounds of a lingering close: its drain limit and timeout
     */
    public static NettyServerCustomizer customizer(ErrorRenderer renderer, UnreadBody unreadBody) {
        return server -> server.doOnChannelInit((observer, channel, remoteAddress) -> {
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(HttpServerCodec.class) != null && pipeline.get(NettyPipeline.HttpTrafficHandler) != null) {
                pipeline.addBefore(NettyPipeline.HttpTrafficHandler, LingeringClose.NAME, unreadBody.lingeringClose());
                pipeline.addBefore(NettyPipeline.HttpTrafficHandler, NAME, new NettyRequestErrors(renderer));
            }
        });
    }

    /**
     * Whether Reactor Netty has already sent the headers of {@code response} itself, which Spring's
     * response does not know: it answers a body it cannot decode (a malformed chunk) with its own
     * 400 while the application may still be about to write an error.
     */
    static boolean answeredByTheServer(ServerHttpResponse response) {
        Object nativeResponse;
        try {
            nativeResponse = ServerHttpResponseDecorator.getNativeResponse(response);
        } catch (IllegalArgumentException notReactorNettys) {
            return false;
        }
        return nativeResponse instanceof HttpServerResponse && ((HttpServerResponse) nativeResponse).hasSentHeaders();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest) {
            HttpRequest request = (HttpRequest) msg;
            pending++;
            if (pending == 1) {
                DecoderResult result = request.decoderResult();
                if (result.isFailure()) {
                    answerAndClose(ctx, request, statusOf(result.cause()), result.cause());
                    return;
                }
                current = request;
                if (!isValidUri(request.uri())) {
                    expect(400, "a request-target java.net.URI refuses");
                }
            }
        } else if (msg instanceof HttpContent && pending == 1 && refusedStatus == 0) {
            DecoderResult result = ((DecoderResultProvider) msg).decoderResult();
            if (result.isFailure()) {
                // The body broke, not the head: the request's headers still name its ids and language.
                expect(400, result.cause());
            }
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        Object out = msg;
        if (msg instanceof FullHttpResponse && isEmptyRefusal((FullHttpResponse) msg)) {
            FullHttpResponse answer = (FullHttpResponse) msg;
            out = contractAnswer(answer);
            answer.release();
        }
        if (out instanceof LastHttpContent && !(out instanceof HttpResponse
                && ((HttpResponse) out).status().codeClass() == HttpStatusClass.INFORMATIONAL) && pending > 0) {
            pending--;
            refusedStatus = 0;
            current = null;
        }
        ctx.write(out, promise);
    }

    /**
     * Answers a request whose head Netty could not decode, then closes the connection: nothing of
     * it is trusted, and Netty's decoder discards whatever follows it on the connection. Reactor
     * Netty is not told of it: on a connection that has already served a request, it does not
     * always answer such a request, and the client waits until its own timeout.
     */
    private void answerAndClose(ChannelHandlerContext ctx, HttpRequest request, int status, Throwable why) {
        ReferenceCountUtil.release(request);
        pending--;
        LOG.debug("Refusing a request before the application with {}: {}", status, why.toString());
        FullHttpResponse response = contractAnswer(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status), null);
        response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    private void expect(int status, Object why) {
        refusedStatus = status;
        LOG.debug("Refusing a request before the application with {}: {}", status, why);
    }

    /**
     * Whether {@code answer} is the empty answer to replace: the refusal this handler expects, or
     * an empty 4xx to a request Reactor Netty marked failed after its head was decoded (it could
     * not make a request of it: a {@code Host} whose port is not a number, say). Never an answer
     * that has a body: that one is someone's error already.
     */
    private boolean isEmptyRefusal(FullHttpResponse answer) {
        if (answer.content().readableBytes() != 0) {
            return false;
        }
        if (refusedStatus != 0) {
            return answer.status().code() == refusedStatus;
        }
        return current != null && answer.status().codeClass() == HttpStatusClass.CLIENT_ERROR
                && current.decoderResult().isFailure();
    }

    private static int statusOf(Throwable cause) {
        return cause instanceof TooLongHttpLineException ? 414 : cause instanceof TooLongHttpHeaderException ? 431 : 400;
    }

    /** The contract error for the refused request, framed as {@code answer} is (its Connection header). */
    private FullHttpResponse contractAnswer(FullHttpResponse answer) {
        FullHttpResponse response = contractAnswer(answer.protocolVersion(), answer.status(), current);
        String connection = answer.headers().get(HttpHeaderNames.CONNECTION);
        if (connection != null) {
            response.headers().set(HttpHeaderNames.CONNECTION, connection);
        }
        return response;
    }

    /**
     * The contract error of {@code status} for {@code refused}; a request whose headers cannot be
     * trusted (null) gets the default language and fresh ids.
     */
    private FullHttpResponse contractAnswer(HttpVersion version, HttpResponseStatus status, HttpRequest refused) {
        RequestFacts.Builder facts;
        if (refused != null) {
            HttpHeaders headers = refused.headers();
            facts = RequestFacts.builder(refused.method().name(), pathOf(refused.uri()))
                    .headers(HeaderLookup.of(headers::get, headers::getAll));
        } else {
            facts = RequestFacts.builder(null, null); // nothing of the request is trusted: fresh ids
        }
        RenderedError error = renderer.render(StatusErrors.of(status.code()), facts.build());
        FullHttpResponse response = new DefaultFullHttpResponse(version, status, Unpooled.wrappedBuffer(error.bodyBuffer()));
        HttpHeaders headers = response.headers();
        error.copyHeaders(headers::set, headers::add);
        headers.setInt(HttpHeaderNames.CONTENT_LENGTH, error.bodyLength());
        return response;
    }

    /** The path of a request-target, for log lines and path formats: without its query. */
    private static String pathOf(String uri) {
        int query = uri.indexOf('?');
        return query < 0 ? uri : uri.substring(0, query);
    }

    /**
     * Whether Spring's adapter can make a {@link URI} of {@code uri}, as it does for every request:
     * a request-target of plain URI characters is taken as it is (no parsing on the common path);
     * one with a percent sign or any other character is parsed as Spring would.
     */
    static boolean isValidUri(String uri) {
        for (int i = 0; i < uri.length(); i++) {
            if (!isPlain(uri.charAt(i))) {
                try {
                    new URI("http://localhost" + (uri.startsWith("/") ? uri : "/" + uri));
                    return true;
                } catch (URISyntaxException refused) {
                    return false;
                }
            }
        }
        return true;
    }

    /** An unreserved or delimiter character that every part of a URI may hold as it is. */
    private static boolean isPlain(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || c == '/' || c == '-' || c == '.' || c == '_' || c == '~' || c == '?' || c == '=' || c == '&'
                || c == ':' || c == '@' || c == '!' || c == '$' || c == '\'' || c == '(' || c == ')'
                || c == '*' || c == '+' || c == ',' || c == ';';
    }
}
