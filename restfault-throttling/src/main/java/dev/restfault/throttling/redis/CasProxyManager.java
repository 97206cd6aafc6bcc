package dev.restfault.throttling.redis;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AbstractCompareAndSwapBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AsyncCompareAndSwapOperation;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.CompareAndSwapOperation;
import io.github.bucket4j.distributed.remote.MutableBucketEntry;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Bucket4j's compare-and-swap proxy manager on Redis, with one difference from Bucket4j's own
 * Lettuce one: the state to compare against is, when it lets the request through, the one this
 * instance last saw (kept in the {@link BucketKey}), not one read by a {@code GET} first. When it
 * is still current, which it is whenever this instance was the last to change the bucket, a
 * permitted request costs one round trip; when another instance changed it, the swap fails and
 * answers with the current state, and Bucket4j's retry uses that. A request the last-seen state
 * would refuse is never refused on it: the current state is read ({@code GET}) and decides, so a
 * bucket that Redis lost (restart, eviction, flush) or that got tokens back is seen as it is.
 * The buckets' arithmetic and serialized state are Bucket4j's, unchanged.
 */
final class CasProxyManager extends AbstractCompareAndSwapBasedProxyManager<BucketKey> {

    /** Not a state: the marker of "read the current state from Redis". */
    private static final byte[] ASK_REDIS = new byte[0];

    private final LazyConnection connection;
    private final ExpirationAfterWriteStrategy expiration;

    CasProxyManager(LazyConnection connection, ClientSideConfig config, ExpirationAfterWriteStrategy expiration) {
        super(config);
        this.connection = connection;
        this.expiration = expiration;
    }

    /** One request's view of its bucket: what Redis showed during this request, once it showed it. */
    private abstract class Attempt {
        final BucketKey key;
        boolean fresh;
        byte[] current;

        Attempt(BucketKey key) {
            this.key = key;
        }

        /**
         * The state to build on without asking Redis (null for none), or {@link #ASK_REDIS} when
         * only Redis's current state may decide.
         */
        final byte[] trusted() {
            if (fresh) {
                return current;
            }
            if (!key.known()) {
                // Unknown counts as absent: the swap then creates the bucket, or fails and shows
                // the current state, in the one round trip a read would have cost.
                return null;
            }
            byte[] seen = key.lastSeen();
            return seen == null || hasToken(seen) ? seen : ASK_REDIS;
        }

        final void showed(byte[] state) {
            fresh = true;
            current = state;
            key.saw(state);
        }

        final CompletableFuture<Boolean> swap(byte[] expected, byte[] update, RemoteBucketState newState) {
            long ttlMillis = expiration.calculateTimeToLiveMillis(newState, currentTimeNanos());
            return connection.get()
                    .thenCompose(c -> CasScript.run(c.async(), key.redisKey, expected, update, ttlMillis))
                    .thenApply(outcome -> {
                        if (outcome.swapped()) {
                            key.saw(update);
                            fresh = false;
                        } else {
                            showed(outcome.current());
                        }
                        return outcome.swapped();
                    });
        }

        final CompletableFuture<byte[]> read() {
            return connection.get()
                    .thenCompose(c -> c.async().get(key.redisKey).toCompletableFuture())
                    .thenApply(state -> {
                        showed(state);
                        return state;
                    });
        }
    }

    /** Whether a request would get a token from this state now; false when it cannot be read. */
    private boolean hasToken(byte[] state) {
        try {
            RemoteBucketState s = new MutableBucketEntry(state).get();
            s.refillAllBandwidth(currentTimeNanos());
            return s.getAvailableTokens() >= 1;
        } catch (RuntimeException unreadable) {
            return false;
        }
    }

    @Override
    protected CompareAndSwapOperation beginCompareAndSwapOperation(BucketKey bucket) {
        class Blocking extends Attempt implements CompareAndSwapOperation {
            Blocking() {
                super(bucket);
            }

            @Override
            public Optional<byte[]> getStateData(Optional<Long> timeoutNanos) {
                byte[] state = trusted();
                return Optional.ofNullable(state != ASK_REDIS ? state : await(read(), timeoutNanos));
            }

            @Override
            public boolean compareAndSwap(byte[] originalData, byte[] newData, RemoteBucketState newState, Optional<Long> timeoutNanos) {
                return await(swap(originalData, newData, newState), timeoutNanos);
            }
        }
        return new Blocking();
    }

    @Override
    protected AsyncCompareAndSwapOperation beginAsyncCompareAndSwapOperation(BucketKey bucket) {
        class NonBlocking extends Attempt implements AsyncCompareAndSwapOperation {
            NonBlocking() {
                super(bucket);
            }

            @Override
            public CompletableFuture<Optional<byte[]>> getStateData(Optional<Long> timeoutNanos) {
                byte[] state = trusted();
                if (state != ASK_REDIS) {
                    return CompletableFuture.completedFuture(Optional.ofNullable(state));
                }
                return bounded(read(), timeoutNanos).thenApply(Optional::ofNullable);
            }

            @Override
            public CompletableFuture<Boolean> compareAndSwap(byte[] originalData, byte[] newData, RemoteBucketState newState, Optional<Long> timeoutNanos) {
                return bounded(swap(originalData, newData, newState), timeoutNanos);
            }
        }
        return new NonBlocking();
    }

    private static <T> CompletableFuture<T> bounded(CompletableFuture<T> future, Optional<Long> timeoutNanos) {
        return timeoutNanos.isPresent() ? future.orTimeout(timeoutNanos.get(), TimeUnit.NANOSECONDS) : future;
    }

    private static <T> T await(CompletableFuture<T> future, Optional<Long> timeoutNanos) {
        try {
            return timeoutNanos.isPresent() ? future.get(timeoutNanos.get(), TimeUnit.NANOSECONDS) : future.get();
        } catch (TimeoutException e) {
            future.cancel(false);
            throw new RedisCommandTimeoutException("Redis did not answer within " + TimeUnit.NANOSECONDS.toMillis(timeoutNanos.orElse(0L)) + " ms");
        } catch (InterruptedException e) {
            future.cancel(false);
            Thread.currentThread().interrupt();
            throw new RedisException("interrupted while waiting for Redis", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new RedisException("Redis call failed", cause);
        }
    }

    @Override
    public void removeProxy(BucketKey key) {
        key.forget();
        await(connection.get().thenCompose(c -> c.async().del(key.redisKey).toCompletableFuture()).thenApply(n -> true),
                getClientSideConfig().getRequestTimeoutNanos());
    }

    @Override
    protected CompletableFuture<Void> removeAsync(BucketKey key) {
        key.forget();
        return connection.get().thenCompose(c -> c.async().del(key.redisKey).toCompletableFuture()).thenApply(n -> null);
    }

    @Override
    public boolean isAsyncModeSupported() {
        return true;
    }

    @Override
    public boolean isExpireAfterWriteSupported() {
        return true;
    }
}
