package dev.restfault.throttling;

import dev.restfault.core.exception.ContractException;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of {@link Throttle#check}: the request goes on (with the {@code RateLimit} headers
 * to add to its response, when they are enabled), or it is refused with the contract error to
 * render: a 429 with {@code Retry-After}, or a 503 when the store is down and the throttle fails
 * closed. Immutable.
 *
 * <pre>{@code
 * ThrottleDecision decision = throttle.check(request);
 * if (!decision.permitted()) {
 *     throw decision.rejection().orElseThrow();      // rendered like any other contract error
 * }
 * decision.headers().forEach(response::setHeader);   // RateLimit-Policy, RateLimit (if enabled)
 * }</pre>
 */
public final class ThrottleDecision {

    static final ThrottleDecision PERMITTED = new ThrottleDecision(null, null, Map.of());

    private final RateLimit limit;
    private final ContractException rejection;
    private final Map<String, String> headers;

    private ThrottleDecision(RateLimit limit, ContractException rejection, Map<String, String> headers) {
        this.limit = limit;
        this.rejection = rejection;
        this.headers = headers;
    }

    /** @param headers built for this decision alone, in the order to send them; not copied */
    static ThrottleDecision permitted(Map<String, String> headers) {
        return headers.isEmpty() ? PERMITTED : new ThrottleDecision(null, null, Collections.unmodifiableMap(headers));
    }

    static ThrottleDecision refused(RateLimit limit, ContractException rejection) {
        return new ThrottleDecision(limit, rejection, Map.of());
    }

    /** Whether the request may go on. */
    public boolean permitted() {
        return rejection == null;
    }

    /**
     * The error to answer with when the request is refused: a 429 with {@code Retry-After} (and
     * the {@code RateLimit} headers when enabled), or a 503 with {@code Retry-After} when the
     * store is down and the throttle fails closed; empty when permitted.
     */
    public Optional<ContractException> rejection() {
        return Optional.ofNullable(rejection);
    }

    /** The limit that refused the request (or whose store was down); empty when permitted. */
    public Optional<RateLimit> limit() {
        return Optional.ofNullable(limit);
    }

    /**
     * Headers for the response of a permitted request: {@code RateLimit-Policy} and
     * {@code RateLimit} for each limit that counted it, when the throttle is configured to send
     * them, in that order; otherwise empty. A refused request's headers are in its {@link #rejection()}.
     */
    public Map<String, String> headers() {
        return headers;
    }

    @Override
    public String toString() {
        return rejection == null ? "ThrottleDecision[permitted]" : "ThrottleDecision[" + rejection.status() + " by " + limit.name() + "]";
    }
}
