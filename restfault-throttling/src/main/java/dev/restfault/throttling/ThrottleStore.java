package dev.restfault.throttling;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Where the buckets of the {@link RateLimit}s live: {@link InMemoryThrottleStore} on one node
 * (the default), {@code RedisThrottleStore} for several instances sharing their limits.
 *
 * <p>A store keeps one bucket per limit and key; the limit's {@link RateLimit#equals equality}
 * (name, capacity, refill) identifies its buckets. A store answers within its own bounded time or
 * throws (a {@link RuntimeException} of any type); the {@link Throttle} turns a failure into its
 * {@link FailureMode}, never into a 500. Implementations are thread-safe.
 */
public interface ThrottleStore extends AutoCloseable {

    /**
     * Takes one token from the bucket of {@code limit} and {@code key}, creating it full if it
     * does not exist.
     *
     * @param key the caller's key, at most a few hundred characters, any characters
     * @throws RuntimeException when the store cannot answer in its bounded time
     */
    BucketProbe tryConsume(RateLimit limit, String key);

    /**
     * {@link #tryConsume} without blocking the calling thread, for event-loop servers; the stage
     * completes exceptionally when the store cannot answer in its bounded time. By default, the
     * blocking call run on the calling thread: right for stores that never block.
     */
    default CompletionStage<BucketProbe> tryConsumeAsync(RateLimit limit, String key) {
        try {
            return CompletableFuture.completedFuture(tryConsume(limit, key));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Gives back the token a request took, when another limit refused that request (a refused
     * request is not counted). A bucket never exceeds its capacity.
     *
     * @throws RuntimeException when the store cannot answer in its bounded time
     */
    void refund(RateLimit limit, String key);

    /**
     * {@link #refund} without blocking; by default the blocking call on the calling thread. A
     * {@link Throttle} refunds through this, without waiting, after the store failed on a later
     * limit of the same request: a store that may block should implement it asynchronously.
     */
    default CompletionStage<Void> refundAsync(RateLimit limit, String key) {
        try {
            refund(limit, key);
            return CompletableFuture.completedFuture(null);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** A description for logs, such as {@code redis://cache:6379}; never a password. */
    String description();

    /** Releases what the store holds (connections it opened); by default nothing. */
    @Override
    default void close() {
    }
}
