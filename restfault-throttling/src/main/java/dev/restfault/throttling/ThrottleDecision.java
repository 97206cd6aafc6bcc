package dev.restfault.throttling;

import dev.restfault.core.exception.ContractException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;

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
 * decision.forEachHeader(response::setHeader);      // RateLimit-Policy, RateLimit (if enabled)
 * }</pre>
 */
public final class ThrottleDecision {

    static final ThrottleDecision PERMITTED = new ThrottleDecision(null, null, null, null);

    private final RateLimit limit;
    private final ContractException rejection;
    // The RateLimit header values of a permitted request, or null: kept as two strings rather
    // than a map, since a decision is made for every request and its filter only walks them.
    private final String policy;
    private final String state;

    private ThrottleDecision(RateLimit limit, ContractException rejection, String policy, String state) {
        this.limit = limit;
        this.rejection = rejection;
        this.policy = policy;
        this.state = state;
    }

    /** A permitted request whose response carries {@code RateLimit-Policy: policy} and {@code RateLimit: state}. */
    static ThrottleDecision permitted(String policy, String state) {
        return new ThrottleDecision(null, null, policy, state);
    }

    static ThrottleDecision refused(RateLimit limit, ContractException rejection) {
        return new ThrottleDecision(limit, rejection, null, null);
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
        if (policy == null) {
            return Map.of();
        }
        Map<String, String> headers = new LinkedHashMap<>(4);
        forEachHeader(headers::put);
        return Collections.unmodifiableMap(headers);
    }

    /**
     * Calls {@code action} with the name and value of each of {@link #headers()}, in the same
     * order, without building a map: what a filter does with a permitted request.
     *
     * @throws NullPointerException if {@code action} is null
     */
    public void forEachHeader(BiConsumer<String, String> action) {
        Objects.requireNonNull(action, "action");
        if (policy != null) {
            action.accept(Throttle.RATE_LIMIT_POLICY, policy);
            action.accept(Throttle.RATE_LIMIT, state);
        }
    }

    @Override
    public String toString() {
        return rejection == null ? "ThrottleDecision[permitted]" : "ThrottleDecision[" + rejection.status() + " by " + limit.name() + "]";
    }
}
