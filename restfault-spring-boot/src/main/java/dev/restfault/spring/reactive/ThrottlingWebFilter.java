package dev.restfault.spring.reactive;

import dev.restfault.throttling.Throttle;
import dev.restfault.throttling.ThrottleDecision;
import dev.restfault.throttling.ThrottledRequest;
import java.net.InetSocketAddress;
import java.security.Principal;
import java.util.Objects;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Enforces a {@link Throttle}'s limits on every WebFlux request before the application sees it,
 * the reactive counterpart of the servlet adapter's {@code ThrottlingFilter}. The throttle is
 * asked without blocking ({@link Throttle#checkAsync}: with the Redis store, the wait happens on
 * Lettuce's threads, bounded by the store's timeout). A refusal (a 429 with {@code Retry-After},
 * or a 503 when the store is down and the throttle fails closed) is written by the
 * {@link ReactiveErrorResponder}, the starter's one reactive rendering path: the contract body in
 * the request's format and language, the request ids, exactly as every other error. A permitted
 * request gets the {@code RateLimit} headers when they are enabled, whatever its response turns
 * out to be.
 *
 * <p>Order: {@code restfault.throttling.filter-order} (-90), after Spring Security's filter chain
 * (-100), so that a {@code subject} key sees the authenticated caller, and after restfault's own
 * filter, so that a refusal carries the ids. The principal is asked only when a limit may need
 * it. Thread-safe.
 */
public final class ThrottlingWebFilter implements WebFilter, Ordered {

    private final Throttle throttle;
    private final ReactiveErrorResponder responder;
    private final int order;
    private final boolean noLimits;

    /**
     * @param throttle the limits to enforce
     * @param responder renders the refusals
     * @param order this filter's order among the WebFlux filters
     * @throws NullPointerException if {@code throttle} or {@code responder} is null
     */
    public ThrottlingWebFilter(Throttle throttle, ReactiveErrorResponder responder, int order) {
        this.throttle = Objects.requireNonNull(throttle, "throttle");
        this.responder = Objects.requireNonNull(responder, "responder");
        this.order = order;
        this.noLimits = throttle.limits().isEmpty();
    }

    @Override
    public int getOrder() {
        return order;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (noLimits) {
            return chain.filter(exchange);
        }
        return exchange.getPrincipal()
                .map(Principal::getName)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(subject -> Mono.fromCompletionStage(() -> throttle.checkAsync(new ExchangeRequest(exchange.getRequest(), subject))))
                .flatMap(decision -> decided(exchange, chain, decision));
    }

    private Mono<Void> decided(ServerWebExchange exchange, WebFilterChain chain, ThrottleDecision decision) {
        if (!decision.permitted()) {
            return responder.render(exchange, decision.rejection().orElseThrow());
        }
        decision.forEachHeader(exchange.getResponse().getHeaders()::set);
        return chain.filter(exchange);
    }

    /** The throttle this filter enforces. */
    public Throttle throttle() {
        return throttle;
    }

    /**
     * A WebFlux request as the throttle sees it, copying nothing: the path within the application,
     * as received; the first value of a header; the peer address (or the one a trusted proxy
     * names, with Spring Boot's {@code server.forward-headers-strategy}); the principal's name.
     */
    private record ExchangeRequest(ServerHttpRequest request, Optional<String> subject) implements ThrottledRequest {

        @Override
        public String method() {
            return request.getMethod().name();
        }

        @Override
        public String path() {
            return request.getPath().pathWithinApplication().value();
        }

        @Override
        public Optional<String> header(String name) {
            return Optional.ofNullable(request.getHeaders().getFirst(name));
        }

        @Override
        public Optional<String> clientAddress() {
            InetSocketAddress remote = request.getRemoteAddress();
            return remote == null || remote.getAddress() == null ? Optional.empty() : Optional.of(remote.getAddress().getHostAddress());
        }

        @Override
        public String toString() {
            return "ExchangeRequest[" + request.getMethod() + "]";
        }
    }
}
