package dev.restfault.client.retry;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link RetryPolicy} decided after a failed attempt: retry after a delay, or stop for a
 * reason. Immutable.
 */
public final class RetryDecision {

    private final Duration delay;
    private final StopReason stopReason;

    private RetryDecision(Duration delay, StopReason stopReason) {
        this.delay = delay;
        this.stopReason = stopReason;
    }

    /**
     * Try again after {@code delay}.
     *
     * @throws NullPointerException if {@code delay} is null
     * @throws IllegalArgumentException if it is negative
     */
    public static RetryDecision retryAfter(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative, was " + delay);
        }
        return new RetryDecision(delay, null);
    }

    /**
     * Stop and surface the failure.
     *
     * @throws NullPointerException if {@code reason} is null
     */
    public static RetryDecision stop(StopReason reason) {
        return new RetryDecision(Duration.ZERO, Objects.requireNonNull(reason, "reason"));
    }

    /** Whether to send the request again. */
    public boolean shouldRetry() {
        return stopReason == null;
    }

    /** How long to wait before the next attempt; zero when stopping. */
    public Duration delay() {
        return delay;
    }

    /** Why the call stops; empty when it retries. */
    public Optional<StopReason> stopReason() {
        return Optional.ofNullable(stopReason);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RetryDecision && ((RetryDecision) o).delay.equals(delay)
                && ((RetryDecision) o).stopReason == stopReason;
    }

    @Override
    public int hashCode() {
        return Objects.hash(delay, stopReason);
    }

    @Override
    public String toString() {
        return stopReason == null ? "retry after " + delay : "stop: " + stopReason;
    }
}
