package dev.restfault.throttling;

import java.time.Duration;

/**
 * Observes a {@link Throttle}'s decisions, once per limit a request is counted by: the hook
 * metrics hang on ({@code MicrometerThrottleListener} counts them, tagged with the limit's name).
 *
 * <p>Called on the request's thread (or the store's I/O thread on the asynchronous path), so an
 * implementation must be thread-safe, quick, and must not throw: what it throws reaches the
 * caller of {@link Throttle#check}. It is never told the caller's key.
 */
public interface ThrottleListener {

    /** A listener that does nothing. */
    ThrottleListener NONE = new ThrottleListener() {
    };

    /** {@code limit} gave the request a token. */
    default void permitted(RateLimit limit) {
    }

    /** {@code limit} refused the request with a 429 announcing {@code retryAfter}. */
    default void rejected(RateLimit limit, Duration retryAfter) {
    }

    /**
     * The store could not answer for {@code limit} (or was not asked, because it is known to be
     * down and was probed recently); the request was then let through ({@link FailureMode#FAIL_OPEN})
     * or refused with a 503 ({@link FailureMode#FAIL_CLOSED}).
     *
     * @param cause what the store threw, the last one seen when it was not asked
     */
    default void storeFailed(RateLimit limit, FailureMode mode, Exception cause) {
    }
}
