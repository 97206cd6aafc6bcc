package dev.restfault.client.retry;

import dev.restfault.client.RestfaultException;
import java.time.Duration;
import java.util.Objects;

/**
 * What a {@link RetryPolicy} knows when an attempt failed: the failure (with its request
 * context: method, whether an {@code MS-RequestId} was sent, the attempt number) and the time
 * the logical call has taken so far. Immutable.
 */
public final class RetryContext {

    private final RestfaultException failure;
    private final Duration elapsed;

    /**
     * @param failure the failed attempt's exception; not null
     * @param elapsed time since the logical call started; not null, not negative
     */
    public RetryContext(RestfaultException failure, Duration elapsed) {
        this.failure = Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(elapsed, "elapsed");
        if (elapsed.isNegative()) {
            throw new IllegalArgumentException("elapsed must not be negative");
        }
        this.elapsed = elapsed;
    }

    /** How the attempt failed. */
    public RestfaultException failure() {
        return failure;
    }

    /** The number of the attempt that failed, from 1: also the number of attempts made. */
    public int attempt() {
        return failure.attempt();
    }

    /** Time since the logical call started, including earlier attempts and delays. */
    public Duration elapsed() {
        return elapsed;
    }

    @Override
    public String toString() {
        return "RetryContext{attempt " + attempt() + ", elapsed " + elapsed + ", " + failure.getClass().getSimpleName() + "}";
    }
}
