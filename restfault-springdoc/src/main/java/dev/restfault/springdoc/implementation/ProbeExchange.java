package dev.restfault.springdoc.implementation;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Objects;
import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.server.reactive.AbstractServerHttpRequest;
import org.springframework.http.server.reactive.AbstractServerHttpResponse;
import org.springframework.http.server.reactive.SslInfo;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.adapter.DefaultServerWebExchange;
import org.springframework.web.server.i18n.AcceptHeaderLocaleContextResolver;
import org.springframework.web.server.session.DefaultWebSessionManager;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An exchange that was never received: method and path only, no headers, no query, no cookies, no
 * body, from the loopback address, as WebFlux would show a bare request for an operation's path;
 * its response keeps the status and headers set on it and discards any body. It lets the
 * application's reactive security filter chains be run on such a request, instead of guessing from
 * their configuration, with nothing leaving the process. The reactive counterpart of
 * {@link ProbeRequest}. Not thread-safe; one per question.
 */
final class ProbeExchange {

    private static final ServerCodecConfigurer CODECS = ServerCodecConfigurer.create();

    private ProbeExchange() {
    }

    /**
     * @param method the HTTP method
     * @param path the path within the application, beginning with {@code /}; no query
     * @throws IllegalArgumentException if {@code path} does not begin with {@code /} or is not a valid URI path
     */
    static ServerWebExchange of(String method, String path) {
        Objects.requireNonNull(method, "method");
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("path must begin with /, was " + path);
        }
        return new DefaultServerWebExchange(new Request(HttpMethod.valueOf(method), URI.create("http://localhost" + path)),
                new Response(), new DefaultWebSessionManager(), CODECS, new AcceptHeaderLocaleContextResolver());
    }

    private static final class Request extends AbstractServerHttpRequest {
        private static final InetSocketAddress LOOPBACK = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

        Request(HttpMethod method, URI uri) {
            super(method, uri, "", new HttpHeaders());
        }

        @Override
        protected MultiValueMap<String, HttpCookie> initCookies() {
            return new LinkedMultiValueMap<>();
        }

        @Override
        protected SslInfo initSslInfo() {
            return null;
        }

        @Override
        public InetSocketAddress getRemoteAddress() {
            return LOOPBACK;
        }

        @Override
        public InetSocketAddress getLocalAddress() {
            return LOOPBACK;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getNativeRequest() {
            return (T) this;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            return Flux.empty();
        }
    }

    private static final class Response extends AbstractServerHttpResponse {

        Response() {
            super(DefaultDataBufferFactory.sharedInstance);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getNativeResponse() {
            return (T) this;
        }

        @Override
        protected Mono<Void> writeWithInternal(Publisher<? extends DataBuffer> body) {
            return Flux.from(body).doOnNext(DataBufferUtils::release).then();
        }

        @Override
        protected Mono<Void> writeAndFlushWithInternal(Publisher<? extends Publisher<? extends DataBuffer>> body) {
            return Flux.from(body).concatMap(b -> Flux.from(b).doOnNext(DataBufferUtils::release)).then();
        }

        @Override
        protected void applyStatusCode() {
        }

        @Override
        protected void applyHeaders() {
        }

        @Override
        protected void applyCookies() {
        }
    }
}
