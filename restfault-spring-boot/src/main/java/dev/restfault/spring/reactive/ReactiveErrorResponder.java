package dev.restfault.spring.reactive;

import dev.restfault.core.exception.ContractException;
import dev.restfault.server.CorrelationIds;
import dev.restfault.server.ErrorRenderer;
import dev.restfault.server.ErrorRequest;
import dev.restfault.server.HeaderLookup;
import dev.restfault.server.RenderedError;
import dev.restfault.server.RequestFacts;
import dev.restfault.server.StatusErrors;
import dev.restfault.spring.RestfaultExchange;
import dev.restfault.spring.RestfaultRequest;
import java.util.Collection;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.util.ClassUtils;
import org.springframework.web.server.ServerErrorException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The reactive side of rendering an error: where every WebFlux path (the exception handler, the
 * filter's bare error statuses, Spring Security's entry point and access-denied handler) hands its
 * failure to the {@link ErrorRenderer} and writes what it returns. It decides nothing about the
 * error itself: it reads the exchange's facts, unwraps WebFlux's wrapper of a server-side bug
 * ({@link ServerErrorException}), and does the reactive I/O.
 *
 * <p>I/O guarantees: a response that is already committed (streaming started) is not written
 * again: the failure is logged as the renderer resolves it, at DEBUG that it came too late, and
 * passed on, so that the server aborts the response instead of ending it as if it were complete.
 * Passed on, it can come back to this responder for the same exchange (restfault's filter hands a
 * failure to restfault's exception handler, and what that handler passes on reaches the exception
 * handlers around the chain, restfault's first): it is passed on again as it is, neither resolved
 * nor logged a second time.
 * The entity headers of the success the application meant to send are removed
 * ({@link RenderedError#SUCCESS_ENTITY_HEADERS}), {@code Set-Cookie} kept. The body is one buffer
 * over the rendered bytes, not a copy, with its {@code Content-Length}; a {@code HEAD} gets the
 * headers only (WebFlux's own HEAD handling drops the body and keeps the length). Whether the
 * connection is kept depends on the request body the error leaves unread ({@link UnreadBody}).
 *
 * <p>The renderer runs with the exchange's ids in the SLF4J MDC, wherever this is called from: an
 * exception handler runs outside the filter chain whose Reactor context carries them. Thread-safe.
 */
public final class ReactiveErrorResponder {

    private static final Logger LOG = LoggerFactory.getLogger(ReactiveErrorResponder.class);
    private static final int MAX_UNWRAP = 16;
    /** The exchange attribute naming the failure passed on once already on a committed response. */
    private static final String PASSED_ON_ATTRIBUTE = ReactiveErrorResponder.class.getName() + ".passedOn";
    /** Whether the server may be Reactor Netty, whose own answers Spring's response does not know of. */
    private static final boolean REACTOR_NETTY = ClassUtils.isPresent("reactor.netty.http.server.HttpServerResponse",
            ReactiveErrorResponder.class.getClassLoader());

    private final ErrorRenderer renderer;
    private final Function<ServerWebExchange, Collection<String>> allowedMethods;
    private final UnreadBody unreadBody;

    /**
     * @param renderer decides every error
     * @param allowedMethods the methods an exchange's path serves (for a 405 that does not say);
     *     empty when nothing serves it
     * @param unreadBody what to do with a request body the error leaves unread
     * @throws NullPointerException if an argument is null
     */
    public ReactiveErrorResponder(ErrorRenderer renderer, Function<ServerWebExchange, Collection<String>> allowedMethods,
            UnreadBody unreadBody) {
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.allowedMethods = Objects.requireNonNull(allowedMethods, "allowedMethods");
        this.unreadBody = Objects.requireNonNull(unreadBody, "unreadBody");
    }

    /** The renderer behind this responder. */
    public ErrorRenderer renderer() {
        return renderer;
    }

    /**
     * Answers {@code failure} as the renderer resolves it; on a committed response, passes it on,
     * resolved (and logged) once however often it comes back for the same exchange.
     *
     * @throws NullPointerException if an argument is null
     */
    public Mono<Void> render(ServerWebExchange exchange, Throwable failure) {
        Objects.requireNonNull(failure, "failure");
        if (exchange.getAttribute(PASSED_ON_ATTRIBUTE) == failure) {
            return Mono.error(failure); // resolved, logged and passed on already: once is enough
        }
        RequestFacts facts = facts(exchange);
        ErrorRequest negotiated = renderer.negotiate(facts);
        ContractException error = withMdc(facts.ids(), () -> renderer.resolve(unwrap(failure), negotiated));
        if (exchange.getResponse().isCommitted()) {
            LOG.debug("Cannot answer {} with {}: the response is already committed", facts.logLine(), error.status());
            exchange.getAttributes().put(PASSED_ON_ATTRIBUTE, failure);
            return Mono.error(failure);
        }
        return write(exchange, renderer.render(error, negotiated));
    }

    /** Writes {@code error} as the response of {@code exchange}, unless it is already committed. */
    public Mono<Void> render(ServerWebExchange exchange, ContractException error) {
        Objects.requireNonNull(error, "error");
        RequestFacts facts = facts(exchange);
        return writeUnlessCommitted(exchange, error, renderer.negotiate(facts));
    }

    /**
     * Answers with {@code status} alone, as when something completed the response with an error
     * status and no body (an {@code Allow} or a challenge already on the response is kept).
     *
     * @throws IllegalArgumentException if {@code status} is not within 400..599
     */
    public Mono<Void> renderStatus(ServerWebExchange exchange, int status) {
        RequestFacts facts = facts(exchange);
        return writeUnlessCommitted(exchange, renderer.statusError(status, facts), renderer.negotiate(facts));
    }

    /**
     * The answer to TRACE, which an API never serves: 405 with the methods the path serves, or 404
     * where nothing serves it (see {@link StatusErrors#refusedMethod}), as the servlet adapter
     * answers it.
     */
    public Mono<Void> renderRefusedMethod(ServerWebExchange exchange) {
        return render(exchange, StatusErrors.refusedMethod(allowedMethods.apply(exchange)));
    }

    private Mono<Void> writeUnlessCommitted(ServerWebExchange exchange, ContractException error, ErrorRequest request) {
        if (exchange.getResponse().isCommitted()) {
            LOG.debug("Cannot answer {} with {}: the response is already committed", request.facts().logLine(), error.status());
            return Mono.empty();
        }
        return write(exchange, renderer.render(error, request));
    }

    private RequestFacts facts(ServerWebExchange exchange) {
        HttpHeaders responseHeaders = exchange.getResponse().getHeaders();
        return RestfaultExchange.facts(exchange)
                .allowedMethods(() -> allowedMethods.apply(exchange))
                .responseHeaders(HeaderLookup.of(responseHeaders::getFirst, responseHeaders::get))
                .build();
    }

    /** Copies {@code error} to the exchange's response, which is not committed: the one reactive write step. */
    private Mono<Void> write(ServerWebExchange exchange, RenderedError error) {
        return unreadBody.settle(exchange).then(Mono.defer(() -> {
            ServerHttpResponse response = exchange.getResponse();
            if (response.isCommitted() || REACTOR_NETTY && NettyRequestErrors.answeredByTheServer(response)) {
                // Settling the body took long enough for someone else to answer: the application,
                // or Reactor Netty refusing a body it could not decode.
                LOG.debug("Not answering with {}: the response is already on its way", error.status());
                return Mono.empty();
            }
            HttpHeaders headers = response.getHeaders();
            for (String name : RenderedError.SUCCESS_ENTITY_HEADERS) {
                headers.remove(name);
            }
            response.setStatusCode(HttpStatusCode.valueOf(error.status()));
            error.copyHeaders(headers::set, headers::add);
            headers.setContentLength(error.bodyLength());
            DataBuffer body = response.bufferFactory().wrap(error.bodyBuffer());
            return response.writeWith(Mono.just(body));
        }));
    }

    /** WebFlux's wrapper of a server-side bug ("Conversion not supported") is not the failure itself. */
    static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        for (int i = 0; i < MAX_UNWRAP && t instanceof ServerErrorException && t.getCause() != null; i++) {
            t = t.getCause();
        }
        return t;
    }

    /** Runs {@code work} with {@code ids} in the MDC, then puts back what was there. */
    static <T> T withMdc(CorrelationIds ids, Supplier<T> work) {
        String previousCorrelation = MDC.get(RestfaultRequest.MDC_CORRELATION_ID);
        String previousRequest = MDC.get(RestfaultRequest.MDC_REQUEST_ID);
        MDC.put(RestfaultRequest.MDC_CORRELATION_ID, ids.correlationId());
        MDC.put(RestfaultRequest.MDC_REQUEST_ID, ids.requestId());
        try {
            return work.get();
        } finally {
            restore(RestfaultRequest.MDC_CORRELATION_ID, previousCorrelation);
            restore(RestfaultRequest.MDC_REQUEST_ID, previousRequest);
        }
    }

    private static void restore(String key, String previous) {
        if (previous == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, previous);
        }
    }
}
