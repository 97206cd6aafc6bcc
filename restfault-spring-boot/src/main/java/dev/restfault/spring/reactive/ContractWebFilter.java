package dev.restfault.spring.reactive;

import dev.restfault.core.http.HeaderNames;
import dev.restfault.server.CorrelationIds;
import dev.restfault.spring.RestfaultExchange;
import java.util.Objects;
import java.util.function.Supplier;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebExceptionHandler;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.handler.ExceptionHandlingWebHandler;
import reactor.core.publisher.Mono;

/**
 * The WebFlux filter that makes restfault cover what bypasses the exception handler, the reactive
 * counterpart of the servlet adapter's filter.
 *
 * <ul>
 *   <li>Assigns {@code MS-CorrelationId} and {@code MS-RequestId} (echoed when valid GUIDs,
 *       generated otherwise), sends them on every response, success or error, and puts them in the
 *       Reactor context of the rest of the chain, from which the SLF4J MDC of every thread the
 *       chain runs on is set ({@link MdcContext}).</li>
 *   <li>Gives an error status that something completed without a body (Spring Security's own
 *       entry points, {@code ResponseEntity.status(409).build()}, a filter that sets a status and
 *       completes) a contract body, keeping the headers already set ({@code Allow}, another
 *       scheme's challenge).</li>
 *   <li>Watches the request body, so that an error knows what is left of it ({@link UnreadBody}).</li>
 *   <li>Refuses TRACE, as the servlet adapter does: 405 with the methods the path serves, or 404
 *       where nothing serves it.</li>
 *   <li>Logs a client that closed the connection before its answer at DEBUG, with the ids; it is
 *       not answered, nobody being left to read it.</li>
 * </ul>
 *
 * <p>Exceptions from later filters and handlers reach restfault's exception handler, which wraps
 * the whole chain. When this filter is the first filter and restfault's handler the first
 * exception handler (as configured by default), the filter hands a failure to that handler itself,
 * at the same point in the chain where the failure would otherwise leave it: nothing but that
 * handler would have seen it on its way. The answer is the same; what it saves is a cost WebFlux
 * would add: {@code DefaultWebFilterChain} puts a Reactor checkpoint around every filter, and the
 * first checkpoint a failure passes reads its whole stack trace to trim it (about 20 µs for the
 * stack of a {@code MethodNotAllowedException}), which an application without filters never pays.
 * Order: {@code restfault.filter-order}, before Spring Security's filter chain (-100), so that its
 * answers get the ids and their bodies.
 */
public final class ContractWebFilter implements WebFilter, Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(ContractWebFilter.class);

    private final ReactiveErrorResponder responder;
    private final UnreadBody unreadBody;
    private final int order;
    private final Supplier<WebExceptionHandler> firstHandler;

    /**
     * @param responder renders the bare error statuses
     * @param unreadBody watches request bodies
     * @param order this filter's order among the WebFlux filters
     * @param firstHandler the exception handler to hand failures to here, asked at each request;
     *        it must be the one that would see them first, and nothing but it may observe them on
     *        their way (no filter before this one): null from it means leaving failures to the
     *        chain's exception handlers
     * @throws NullPointerException if {@code responder}, {@code unreadBody} or {@code firstHandler} is null
     */
    public ContractWebFilter(ReactiveErrorResponder responder, UnreadBody unreadBody, int order,
            Supplier<WebExceptionHandler> firstHandler) {
        this.responder = Objects.requireNonNull(responder, "responder");
        this.unreadBody = Objects.requireNonNull(unreadBody, "unreadBody");
        this.order = order;
        this.firstHandler = Objects.requireNonNull(firstHandler, "firstHandler");
    }

    @Override
    public int getOrder() {
        return order;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        CorrelationIds ids = RestfaultExchange.ids(exchange);
        ServerHttpResponse response = exchange.getResponse();
        if (!response.isCommitted()) {
            HttpHeaders headers = response.getHeaders();
            headers.set(HeaderNames.MS_CORRELATION_ID, ids.correlationId());
            headers.set(HeaderNames.MS_REQUEST_ID, ids.requestId());
        }
        if (HttpMethod.TRACE.equals(exchange.getRequest().getMethod())) {
            // An API has no use for TRACE, and the servlet stack refuses it: the same answer here.
            return responder.renderRefusedMethod(exchange).contextWrite(context -> MdcContext.with(context, ids));
        }
        BareStatusResponse watched = new BareStatusResponse(exchange, response, responder);
        ServerHttpRequest request = unreadBody.track(exchange, exchange.getRequest());
        ServerWebExchange mutated = exchange.mutate().request(request).response(watched).build();
        Mono<Void> answered = chain.filter(mutated)
                // A status set without a body by code that never completed the response itself
                // (Spring's adapter completes it after the chain): the same contract body.
                .then(Mono.defer(watched::renderIfBare));
        WebExceptionHandler handler = firstHandler.get();
        if (handler != null) {
            answered = answered.onErrorResume(failure -> {
                // As ExceptionHandlingWebHandler records what it handles: observations read it.
                exchange.getAttributes().putIfAbsent(ExceptionHandlingWebHandler.HANDLED_WEB_EXCEPTION, failure);
                return handler.handle(exchange, failure);
            });
        }
        return answered
                // Reactor Netty cancels the chain when the client closes the connection first.
                .doOnCancel(() -> LOG.debug("Client went away before {} {} was answered (correlation id {}, request id {})",
                        exchange.getRequest().getMethod(), exchange.getRequest().getPath().pathWithinApplication(),
                        ids.correlationId(), ids.requestId()))
                .contextWrite(context -> MdcContext.with(context, ids));
    }

    /**
     * The response as the chain sees it: completing it with an error status and no body renders
     * a contract error instead.
     */
    private static final class BareStatusResponse extends ServerHttpResponseDecorator {

        private final ServerWebExchange exchange;
        private final ReactiveErrorResponder responder;
        private volatile boolean bodyWritten;

        BareStatusResponse(ServerWebExchange exchange, ServerHttpResponse delegate, ReactiveErrorResponder responder) {
            super(delegate);
            this.exchange = exchange;
            this.responder = responder;
        }

        @Override
        public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
            bodyWritten = true;
            return super.writeWith(body);
        }

        @Override
        public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
            bodyWritten = true;
            return super.writeAndFlushWith(body);
        }

        @Override
        public Mono<Void> setComplete() {
            return isBareError() ? render() : super.setComplete();
        }

        Mono<Void> renderIfBare() {
            return isBareError() ? render() : Mono.empty();
        }

        private boolean isBareError() {
            HttpStatusCode status = getStatusCode();
            return !bodyWritten && !isCommitted() && status != null && status.value() >= 400 && status.value() <= 599;
        }

        private Mono<Void> render() {
            bodyWritten = true;
            // The exchange before this decorator: the error is written to the real response.
            return responder.renderStatus(exchange, getStatusCode().value());
        }
    }
}
