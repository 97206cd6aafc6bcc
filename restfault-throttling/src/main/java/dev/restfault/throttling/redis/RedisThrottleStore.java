package dev.restfault.throttling.redis;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.restfault.throttling.BucketProbe;
import dev.restfault.throttling.RateLimit;
import dev.restfault.throttling.ThrottleStore;
import dev.restfault.throttling.implementation.Bucket4jLimits;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.SslOptions;
import io.lettuce.core.TimeoutOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link ThrottleStore} in Redis, through Lettuce, for a service that runs as several instances:
 * they share each caller's bucket, so the limit holds across all of them. Bucket4j's buckets and
 * compare-and-swap, with one Lua script per swap.
 *
 * <pre>{@code
 * RedisThrottleStore store = RedisThrottleStore.builder(RedisURI.create("redis://cache:6379"))
 *         .timeout(Duration.ofMillis(200))     // the longest a request waits for Redis
 *         .build();
 * }</pre>
 *
 * <p><b>Round trips.</b> One per request when this instance was the last to change the caller's
 * bucket (always, with one instance or sticky routing): a permitted request is one
 * {@code EVALSHA} (a compare-and-swap against the state this instance last saw), a refused one
 * is one {@code GET} (a refusal is never decided on an old view: Redis may have lost the bucket,
 * or it may have got tokens back). When another instance changed the bucket since, the swap
 * fails and shows the current state, and the retry succeeds: two round trips, what Bucket4j's own
 * Lettuce integration always costs. Concurrent requests for one bucket within an instance are
 * batched into one swap (Bucket4j's batching).
 *
 * <p><b>Bounded.</b> Every swap is bounded by {@link Builder#timeout(Duration) the timeout}
 * (default 200 ms), compare-and-swap retries included; after it the call throws and the
 * {@code Throttle} applies its failure mode. A request waits at most twice the timeout: for the
 * swap of its bucket already in flight (the batch it joins), then for its own. The connection opens in the background when the
 * store is built (a service starts while Redis is down, and is retried on use), and with a client
 * this store creates, a lost connection rejects commands at once instead of queueing them until
 * Redis returns.
 *
 * <p><b>Keys.</b> {@code <prefix><limit name>:<caller key>} (prefix {@code restfault:throttle:} by
 * default); a bucket's key expires one second after the bucket would be full again. The instances
 * must agree on their limits and keep their clocks synchronized (NTP): Bucket4j refills from the
 * client's wall clock.
 *
 * <p>Thread-safe. {@link #close()} closes the connection, and the client when the store created it.
 */
public final class RedisThrottleStore implements ThrottleStore {

    /** The default key prefix. */
    public static final String DEFAULT_KEY_PREFIX = "restfault:throttle:";
    /** The default bound of every call. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(200);
    /** The default number of buckets whose last state this instance remembers. */
    public static final int DEFAULT_LOCAL_BUCKETS = 10_000;

    /** How long a full bucket's key outlives the moment it became full, for clocks slightly apart. */
    private static final Duration KEEP_AFTER_FULL = Duration.ofSeconds(1);
    /** How long this instance remembers a bucket nobody asked for. */
    private static final Duration LOCAL_IDLE = Duration.ofMinutes(1);

    private final RedisClient client;
    private final boolean ownsClient;
    private final String description;
    private final byte[] prefix;
    private final Duration timeout;
    private final LazyConnection connection;
    private final CasProxyManager buckets;
    private final Cache<LocalKey, Handle> handles;
    private final AtomicBoolean closed = new AtomicBoolean();

    private RedisThrottleStore(Builder b) {
        this.ownsClient = b.client == null;
        this.client = ownsClient ? RedisClient.create() : b.client;
        if (ownsClient) {
            ClientOptions.Builder options = ClientOptions.builder()
                    // During an outage, fail at once rather than queue every request's command.
                    .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                    .autoReconnect(true)
                    .timeoutOptions(TimeoutOptions.enabled(b.timeout))
                    .socketOptions(SocketOptions.builder().connectTimeout(b.timeout).build());
            if (b.sslOptions != null) {
                options.sslOptions(b.sslOptions);
            }
            client.setOptions(options.build());
        }
        this.description = describe(b.uri);
        this.prefix = b.keyPrefix.getBytes(StandardCharsets.UTF_8);
        this.timeout = b.timeout;
        this.connection = new LazyConnection(client, b.uri);
        this.buckets = new CasProxyManager(connection,
                ClientSideConfig.getDefault().withRequestTimeout(b.timeout),
                ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_AFTER_FULL));
        this.handles = Caffeine.newBuilder().maximumSize(b.localBuckets).expireAfterAccess(LOCAL_IDLE).build();
        connection.get(); // starts connecting in the background; never blocks, never fails here
    }

    /**
     * A store that creates, and closes, its own Lettuce client for {@code uri}.
     *
     * @throws NullPointerException if {@code uri} is null
     */
    public static Builder builder(RedisURI uri) {
        return new Builder(null, Objects.requireNonNull(uri, "uri"));
    }

    /**
     * A store that opens its connection to {@code uri} with the application's client (sharing its
     * threads; the client's options apply, and the client stays open when the store is closed).
     * Recommended client options: {@code DisconnectedBehavior.REJECT_COMMANDS}, so that commands
     * are not queued during an outage (the store's timeout bounds each request either way).
     *
     * @throws NullPointerException if an argument is null
     */
    public static Builder builder(RedisClient client, RedisURI uri) {
        return new Builder(Objects.requireNonNull(client, "client"), Objects.requireNonNull(uri, "uri"));
    }

    @Override
    public BucketProbe tryConsume(RateLimit limit, String key) {
        return Bucket4jLimits.probe(handle(limit, key).sync.tryConsumeAndReturnRemaining(1));
    }

    @Override
    public CompletionStage<BucketProbe> tryConsumeAsync(RateLimit limit, String key) {
        try {
            return handle(limit, key).async.tryConsumeAndReturnRemaining(1).thenApply(Bucket4jLimits::probe);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public void refund(RateLimit limit, String key) {
        handle(limit, key).sync.addTokens(1);
    }

    @Override
    public CompletionStage<Void> refundAsync(RateLimit limit, String key) {
        try {
            return handle(limit, key).async.addTokens(1);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** The bound of every call. */
    public Duration timeout() {
        return timeout;
    }

    /** The Redis key of a limit's bucket for a caller key, as this store names it. */
    public byte[] redisKey(RateLimit limit, String key) {
        byte[] name = limit.name().getBytes(StandardCharsets.US_ASCII);
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[prefix.length + name.length + 1 + k.length];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        System.arraycopy(name, 0, out, prefix.length, name.length);
        out[prefix.length + name.length] = ':';
        System.arraycopy(k, 0, out, prefix.length + name.length + 1, k.length);
        return out;
    }

    private Handle handle(RateLimit limit, String key) {
        LocalKey local = new LocalKey(Objects.requireNonNull(limit, "limit"), Objects.requireNonNull(key, "key"));
        return handles.get(local, k -> new Handle(limit, new BucketKey(redisKey(limit, key))));
    }

    /** {@code redis://host:port/database}: never the password. */
    @Override
    public String description() {
        return description;
    }

    @Override
    public String toString() {
        return "RedisThrottleStore[" + description + ", timeout " + timeout.toMillis() + " ms]";
    }

    /** Closes the connection, and the client when the store created it; a second call does nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        connection.close();
        if (ownsClient) {
            client.shutdown(Duration.ZERO, timeout);
        }
    }

    private static String describe(RedisURI uri) {
        String scheme = uri.isSsl() ? "rediss" : "redis";
        if (uri.getHost() == null) {
            return scheme + " (" + (uri.getSocket() != null ? "unix socket" : "sentinel") + ")";
        }
        return scheme + "://" + uri.getHost() + ":" + uri.getPort() + "/" + uri.getDatabase();
    }

    private record LocalKey(RateLimit limit, String key) {
    }

    /** A bucket's proxies, kept so that Bucket4j can batch concurrent requests for it. */
    private final class Handle {
        final BucketProxy sync;
        final AsyncBucketProxy async;

        Handle(RateLimit limit, BucketKey key) {
            BucketConfiguration configuration = Bucket4jLimits.configuration(limit);
            long version = Bucket4jLimits.configurationVersion(limit);
            this.sync = buckets.builder()
                    .withImplicitConfigurationReplacement(version, TokensInheritanceStrategy.PROPORTIONALLY)
                    .withOptimization(Optimizations.batching())
                    .build(key, () -> configuration);
            this.async = buckets.asAsync().builder()
                    .withImplicitConfigurationReplacement(version, TokensInheritanceStrategy.PROPORTIONALLY)
                    .withOptimization(Optimizations.batching())
                    .build(key, () -> CompletableFuture.completedFuture(configuration));
        }
    }

    /** Builds a {@link RedisThrottleStore}; not thread-safe. */
    public static final class Builder {
        private final RedisClient client;
        private final RedisURI uri;
        private String keyPrefix = DEFAULT_KEY_PREFIX;
        private Duration timeout = DEFAULT_TIMEOUT;
        private int localBuckets = DEFAULT_LOCAL_BUCKETS;
        private SslOptions sslOptions;

        private Builder(RedisClient client, RedisURI uri) {
            this.client = client;
            this.uri = uri;
        }

        /**
         * The prefix of every key: printable ASCII, at most 256 characters (may be empty).
         *
         * @throws IllegalArgumentException otherwise
         */
        public Builder keyPrefix(String prefix) {
            if (prefix == null || prefix.length() > 256) {
                throw new IllegalArgumentException("keyPrefix must not be null nor longer than 256 characters");
            }
            for (int i = 0; i < prefix.length(); i++) {
                char c = prefix.charAt(i);
                if (c <= 0x20 || c >= 0x7F) {
                    throw new IllegalArgumentException("keyPrefix must be printable ASCII without spaces; index " + i + " is not");
                }
            }
            this.keyPrefix = prefix;
            return this;
        }

        /**
         * The longest a call may take, compare-and-swap retries and opening the connection
         * included; default 200 ms.
         *
         * @throws IllegalArgumentException if not within 1 ms..60 s
         */
        public Builder timeout(Duration timeout) {
            if (timeout == null || timeout.compareTo(Duration.ofMillis(1)) < 0 || timeout.compareTo(Duration.ofSeconds(60)) > 0) {
                throw new IllegalArgumentException("timeout must be within 1 ms..60 s, was " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * How many buckets this instance remembers the last state of (default
         * {@value #DEFAULT_LOCAL_BUCKETS}): a forgotten one costs one more round trip on its next
         * request, nothing else.
         *
         * @throws IllegalArgumentException if not within 1..10,000,000
         */
        public Builder localBuckets(int buckets) {
            if (buckets < 1 || buckets > 10_000_000) {
                throw new IllegalArgumentException("localBuckets must be within 1..10000000, was " + buckets);
            }
            this.localBuckets = buckets;
            return this;
        }

        /**
         * The TLS options (key and trust material) of the client the store creates, for a
         * {@code rediss://} URI whose server the JVM's default trust store does not vouch for.
         *
         * @throws IllegalStateException if the store uses the application's client, whose own
         *     options apply
         */
        public Builder sslOptions(SslOptions options) {
            if (client != null) {
                throw new IllegalStateException("sslOptions apply to the client the store creates; set them on the application's client");
            }
            this.sslOptions = Objects.requireNonNull(options, "options");
            return this;
        }

        /** The store; its connection starts opening in the background. */
        public RedisThrottleStore build() {
            return new RedisThrottleStore(this);
        }
    }
}
