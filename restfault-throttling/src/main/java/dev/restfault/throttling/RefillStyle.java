package dev.restfault.throttling;

/**
 * How the tokens of a {@link RateLimit} come back after they were spent.
 *
 * <p>Both are Bucket4j's refills; restfault only names them.
 */
public enum RefillStyle {

    /**
     * The period's tokens come back one by one, evenly spread over the period: 20 per 10 seconds
     * is one token every 500 ms. A throttled caller is told to come back when the next token
     * arrives, so its wait is short and traffic stays smooth. Bucket4j's greedy refill; the default.
     */
    GREEDY,

    /**
     * The period's tokens all come back at once when the period ends, counted from the bucket's
     * creation: a fixed window per caller. A throttled caller waits for the end of the window.
     * Bucket4j's interval refill.
     */
    INTERVAL
}
