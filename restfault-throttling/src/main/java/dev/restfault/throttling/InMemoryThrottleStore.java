package dev.restfault.throttling;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.restfault.throttling.implementation.Bucket4jLimits;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The default {@link ThrottleStore}: Bucket4j's lock-free local buckets in this JVM, for a service
 * that runs as one instance (with several, each instance would grant the whole limit).
 *
 * <p>Memory is bounded whatever keys callers send: a bucket that has been idle long enough to be
 * full again is forgotten (it is the same as a new one), and each limit keeps at most
 * {@link Builder#maxKeysPerLimit(int) maxKeysPerLimit} buckets, evicting the least used first
 * (Caffeine's policy, which keeps a frequent caller's bucket over a one-off key's). A caller whose
 * bucket was evicted starts again from a full one. Never blocks, never fails. Thread-safe.
 */
public final class InMemoryThrottleStore implements ThrottleStore {

    /** The default bound of {@link Builder#maxKeysPerLimit(int)}. */
    public static final int DEFAULT_MAX_KEYS_PER_LIMIT = 100_000;
    /** The largest bound accepted. */
    public static final int MAX_KEYS_PER_LIMIT = 100_000_000;
    /** A bucket idle longer than this is forgotten even if it is not full yet: at most a year. */
    private static final Duration LONGEST_IDLE = Duration.ofDays(365);

    private final int maxKeysPerLimit;
    private final TimeMeter timeMeter;
    private final Ticker ticker;
    private final ConcurrentMap<RateLimit, Buckets> limits = new ConcurrentHashMap<>();

    private InMemoryThrottleStore(Builder b) {
        this.maxKeysPerLimit = b.maxKeysPerLimit;
        if (b.nanoClock == null) {
            this.timeMeter = TimeMeter.SYSTEM_NANOTIME;
            this.ticker = Ticker.systemTicker();
        } else {
            LongSupplier clock = b.nanoClock;
            this.timeMeter = new TimeMeter() {
                @Override
                public long currentTimeNanos() {
                    return clock.getAsLong();
                }

                @Override
                public boolean isWallClockBased() {
                    return false;
                }
            };
            this.ticker = clock::getAsLong;
        }
    }

    /** A store with the defaults. */
    public static InMemoryThrottleStore create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public BucketProbe tryConsume(RateLimit limit, String key) {
        return Bucket4jLimits.probe(buckets(limit).get(key).tryConsumeAndReturnRemaining(1));
    }

    @Override
    public void refund(RateLimit limit, String key) {
        buckets(limit).get(key).addTokens(1);
    }

    /**
     * How many buckets {@code limit} holds, after forgetting the ones due (an estimate while other
     * threads change them). For monitoring and tests; not for every request.
     */
    public long size(RateLimit limit) {
        Buckets b = limits.get(limit);
        if (b == null) {
            return 0;
        }
        b.cache.cleanUp();
        return b.cache.estimatedSize();
    }

    @Override
    public String description() {
        return "in memory";
    }

    @Override
    public String toString() {
        return "InMemoryThrottleStore[maxKeysPerLimit=" + maxKeysPerLimit + "]";
    }

    private Buckets buckets(RateLimit limit) {
        Objects.requireNonNull(limit, "limit");
        Buckets b = limits.get(limit);
        return b != null ? b : limits.computeIfAbsent(limit, Buckets::new);
    }

    /** The buckets of one limit. */
    private final class Buckets {
        final Cache<String, Bucket> cache;
        final Function<String, Bucket> factory;

        Buckets(RateLimit limit) {
            BucketConfiguration configuration = Bucket4jLimits.configuration(limit);
            Duration idle = limit.timeToFull().compareTo(LONGEST_IDLE) < 0 ? limit.timeToFull() : LONGEST_IDLE;
            this.cache = Caffeine.newBuilder()
                    .maximumSize(maxKeysPerLimit)
                    // An idle bucket is full after timeToFull: forgetting it changes nothing.
                    .expireAfterAccess(idle)
                    .ticker(ticker)
                    // Eviction runs on the request's thread (amortized, never blocking: Caffeine
                    // skips it when another thread holds its lock) rather than as a task on the
                    // common pool, which an application's parallel streams may hold up: the
                    // policy then sees every access when it evicts, and keeps a frequent caller.
                    .executor(Runnable::run)
                    .build();
            this.factory = k -> Bucket.builder()
                    .withCustomTimePrecision(timeMeter)
                    .addLimit(configuration.getBandwidths()[0])
                    .build();
        }

        Bucket get(String key) {
            return cache.get(Objects.requireNonNull(key, "key"), factory);
        }
    }

    /** Builds an {@link InMemoryThrottleStore}; not thread-safe. */
    public static final class Builder {
        private int maxKeysPerLimit = DEFAULT_MAX_KEYS_PER_LIMIT;
        private LongSupplier nanoClock;

        private Builder() {
        }

        /**
         * The most buckets one limit keeps (default {@value #DEFAULT_MAX_KEYS_PER_LIMIT}); a bucket
         * takes about 350 bytes besides its key.
         *
         * @throws IllegalArgumentException if not within 1..{@value #MAX_KEYS_PER_LIMIT}
         */
        public Builder maxKeysPerLimit(int maxKeys) {
            if (maxKeys < 1 || maxKeys > MAX_KEYS_PER_LIMIT) {
                throw new IllegalArgumentException("maxKeysPerLimit must be within 1.." + MAX_KEYS_PER_LIMIT + ", was " + maxKeys);
            }
            this.maxKeysPerLimit = maxKeys;
            return this;
        }

        /**
         * A monotonic clock in nanoseconds for the buckets and their expiry, instead of
         * {@link System#nanoTime()}: for tests that move time by hand.
         */
        public Builder nanoClock(LongSupplier nanoClock) {
            this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
            return this;
        }

        public InMemoryThrottleStore build() {
            return new InMemoryThrottleStore(this);
        }
    }
}
