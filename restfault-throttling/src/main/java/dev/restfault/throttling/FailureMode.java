package dev.restfault.throttling;

/**
 * What a {@link Throttle} does with a request when its {@link ThrottleStore} cannot answer (Redis
 * unreachable, too slow, or refusing): the request is never answered with a 500, and never waits
 * longer than the store's timeout.
 */
public enum FailureMode {

    /**
     * The request goes through as if the limit were not there. The outage is logged once, when it
     * starts (and once when it ends), and every request let through is counted. The default: a
     * limiter that takes the service down with it protects nothing.
     */
    FAIL_OPEN,

    /**
     * The request is refused with a contract 503 whose {@code Retry-After} is the throttle's
     * configured delay. For services where an unlimited caller costs more than an unavailable one.
     */
    FAIL_CLOSED
}
