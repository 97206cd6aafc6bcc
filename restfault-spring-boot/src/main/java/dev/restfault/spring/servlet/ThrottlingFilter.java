package dev.restfault.spring.servlet;

import dev.restfault.throttling.Throttle;
import dev.restfault.throttling.ThrottleDecision;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;

/**
 * Enforces a {@link Throttle}'s limits on every request before Spring MVC sees it. A refusal (a
 * 429 with {@code Retry-After}, or a 503 when the store is down and the throttle fails closed) is
 * written by the {@link ServletErrorResponder}, the starter's one rendering path: the contract
 * body in the request's format and language, the request ids, {@code Cache-Control},
 * {@code Content-Language}, exactly as every other error. A permitted request gets the
 * {@code RateLimit} headers when they are enabled, whatever its response turns out to be.
 *
 * <p>Registered for the request dispatch only, so a request is counted once, however many
 * forwards, async or error dispatches follow. Thread-safe.
 */
public final class ThrottlingFilter implements Filter {

    private final Throttle throttle;
    private final ServletErrorResponder responder;
    private final boolean noLimits;

    /**
     * @throws NullPointerException if an argument is null
     */
    public ThrottlingFilter(Throttle throttle, ServletErrorResponder responder) {
        this.throttle = Objects.requireNonNull(throttle, "throttle");
        this.responder = Objects.requireNonNull(responder, "responder");
        this.noLimits = throttle.limits().isEmpty();
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        if (noLimits || !(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)) {
            chain.doFilter(req, res);
            return;
        }
        ThrottleDecision decision = throttle.check(new ServletThrottledRequest(request));
        if (!decision.permitted()) {
            responder.render(request, response, decision.rejection().orElseThrow());
            return;
        }
        decision.forEachHeader(response::setHeader);
        chain.doFilter(request, response);
    }

    /** The throttle this filter enforces. */
    public Throttle throttle() {
        return throttle;
    }
}
