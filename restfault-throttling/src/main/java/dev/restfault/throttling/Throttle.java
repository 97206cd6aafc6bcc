package dev.restfault.throttling;

import dev.restfault.core.exception.ContractException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Decides whether a request may go on under a set of {@link RateLimit}s, and if not, which
 * contract error answers it. Framework-free: a server adapter turns its request into a
 * {@link ThrottledRequest}, calls {@link #check} (or {@link #checkAsync} on an event loop) before
 * the application sees the request, and renders the {@link ThrottleDecision#rejection()} like any
 * other {@link ContractException}.
 *
 * <pre>{@code
 * Throttle throttle = Throttle.builder()
 *         .limit(RateLimit.builder("per-token").capacity(20).refill(20, Duration.ofSeconds(10))
 *                 .key(CallerKeyResolver.subject()).build())
 *         .store(InMemoryThrottleStore.create())          // or a RedisThrottleStore
 *         .failureMode(FailureMode.FAIL_OPEN)             // the default
 *         .rateLimitHeaders(true)                         // RateLimit-Policy and RateLimit
 *         .build();
 * }</pre>
 *
 * <p>A request is counted by every limit whose routes and methods it matches and whose key
 * resolves, in the order the limits were added. When one refuses it, the tokens the earlier ones
 * took are given back (a refused request is not counted) and the answer is a 429 with
 * {@code Retry-After} set to the time until that limit's next token, in whole seconds rounded up
 * and never 0, so a client that waits exactly that long gets through. The 429's description is
 * the contract's, localized when rendered like every other error.
 *
 * <p>When the store fails (Redis down, slow or refusing), the {@link FailureMode} decides: the
 * request goes through, or gets a 503 with {@code Retry-After}; never a 500, and never a wait
 * beyond the store's own timeout (what earlier limits took is given back through
 * {@link ThrottleStore#refundAsync} without waiting for it: with a store that implements it
 * asynchronously, as the Redis store does, that costs the request nothing). The outage is
 * logged once and every affected check is reported to the {@link ThrottleListener}.
 *
 * <p>Immutable and thread-safe; {@link #close()} closes the store.
 */
public final class Throttle implements AutoCloseable {

    /** Keys up to this many characters are stored as they are; longer ones as their SHA-256. */
    public static final int MAX_PLAIN_KEY_LENGTH = 128;
    /** The IETF draft's policy field. */
    public static final String RATE_LIMIT_POLICY = "RateLimit-Policy";
    /** The IETF draft's service-limit field. */
    public static final String RATE_LIMIT = "RateLimit";
    /** The default {@code Retry-After} of a fail-closed 503. */
    public static final Duration DEFAULT_FAIL_CLOSED_RETRY_AFTER = Duration.ofSeconds(5);
    /** The default interval between two probes of a store that is down. */
    public static final Duration DEFAULT_STORE_RETRY_INTERVAL = Duration.ofSeconds(1);

    private final RateLimit[] limits;
    private final boolean anyRouteOrMethod;
    private final ThrottleStore store;
    private final FailureMode failureMode;
    private final Duration failClosedRetryAfter;
    private final boolean rateLimitHeaders;
    private final ThrottleListener listener;
    private final StoreHealth health;

    private Throttle(Builder b) {
        this.limits = b.limits.toArray(new RateLimit[0]);
        boolean any = false;
        for (RateLimit l : limits) {
            any |= l.selective();
        }
        this.anyRouteOrMethod = any;
        this.store = b.store != null ? b.store : InMemoryThrottleStore.create();
        this.failureMode = b.failureMode;
        this.failClosedRetryAfter = b.failClosedRetryAfter;
        this.rateLimitHeaders = b.rateLimitHeaders;
        this.listener = b.listener;
        this.health = new StoreHealth(store.description(), failureMode, b.storeRetryInterval.toNanos(), b.nanoClock);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Counts {@code request} against every limit that applies to it; blocks at most for the
     * store's timeout (never, with the in-memory store).
     *
     * @throws NullPointerException if {@code request} is null
     */
    public ThrottleDecision check(ThrottledRequest request) {
        Objects.requireNonNull(request, "request");
        RequestPath path = anyRouteOrMethod ? RequestPath.parse(request.path()) : RequestPath.ROOT;
        List<Counted> counted = null;
        for (RateLimit limit : limits) {
            String storeKey = storeKey(limit, request, path);
            if (storeKey == null) {
                continue;
            }
            if (!health.mayAsk()) {
                if (storeFailed(limit, health.skipped())) {
                    refundWithoutWaiting(counted);
                    return failedClosed(limit);
                }
                continue;
            }
            BucketProbe probe;
            try {
                probe = store.tryConsume(limit, storeKey);
            } catch (RuntimeException e) {
                health.failed(e);
                if (storeFailed(limit, e)) {
                    refundWithoutWaiting(counted);
                    return failedClosed(limit);
                }
                continue;
            }
            health.succeeded();
            if (!probe.permitted()) {
                refund(counted);
                return refused(limit, probe);
            }
            listener.permitted(limit);
            counted = counted(counted, limit, storeKey, probe);
        }
        return permitted(counted);
    }

    /**
     * {@link #check} without blocking: the store is asked asynchronously (the in-memory store
     * answers at once). The stage completes with a decision, never exceptionally, except for what
     * a {@link CallerKeyResolver} or the {@link ThrottleListener} throws.
     *
     * @throws NullPointerException if {@code request} is null
     */
    public CompletionStage<ThrottleDecision> checkAsync(ThrottledRequest request) {
        Objects.requireNonNull(request, "request");
        RequestPath path = anyRouteOrMethod ? RequestPath.parse(request.path()) : RequestPath.ROOT;
        try {
            return checkFrom(0, request, path, null);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private CompletionStage<ThrottleDecision> checkFrom(int from, ThrottledRequest request, RequestPath path, List<Counted> counted) {
        for (int i = from; i < limits.length; i++) {
            RateLimit limit = limits[i];
            String storeKey = storeKey(limit, request, path);
            if (storeKey == null) {
                continue;
            }
            if (!health.mayAsk()) {
                if (storeFailed(limit, health.skipped())) {
                    refundWithoutWaiting(counted);
                    return CompletableFuture.completedFuture(failedClosed(limit));
                }
                continue;
            }
            int next = i + 1;
            CompletionStage<BucketProbe> asked;
            try {
                asked = store.tryConsumeAsync(limit, storeKey);
            } catch (RuntimeException e) {
                asked = CompletableFuture.failedFuture(e);
            }
            return asked.handle((probe, error) -> {
                if (error != null) {
                    Exception cause = unwrap(error);
                    health.failed(cause);
                    if (storeFailed(limit, cause)) {
                        refundWithoutWaiting(counted);
                        return CompletableFuture.completedFuture(failedClosed(limit));
                    }
                    return checkFrom(next, request, path, counted);
                }
                health.succeeded();
                if (!probe.permitted()) {
                    ThrottleDecision refused = refused(limit, probe);
                    return refundAsync(counted).thenApply(v -> refused);
                }
                listener.permitted(limit);
                return checkFrom(next, request, path, counted(counted, limit, storeKey, probe));
            }).thenCompose(Function.identity());
        }
        return CompletableFuture.completedFuture(permitted(counted));
    }

    /** The key of the request's bucket in {@code limit}; null when the limit does not count it. */
    private String storeKey(RateLimit limit, ThrottledRequest request, RequestPath path) {
        if (anyRouteOrMethod && !limit.appliesToPath(request.method(), path)) {
            return null;
        }
        Optional<String> key = limit.key().resolve(request);
        return key == null || key.isEmpty() ? null : storeKey(key.get());
    }

    private static Exception unwrap(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof Error e) {
            throw e;
        }
        return t instanceof Exception e ? e : new IllegalStateException(t);
    }

    /** Reports a store failure; true when the throttle fails closed. */
    private boolean storeFailed(RateLimit limit, Exception cause) {
        listener.storeFailed(limit, failureMode, cause);
        return failureMode == FailureMode.FAIL_CLOSED;
    }

    private ThrottleDecision refused(RateLimit limit, BucketProbe probe) {
        long seconds = Math.min(RateLimit.ceilSeconds(probe.nanosToNextPermit()), RateLimit.MAX_PERIOD.getSeconds());
        Duration retryAfter = Duration.ofSeconds(seconds);
        listener.rejected(limit, retryAfter);
        ContractException.Builder error = ContractException.builder(429).retryAfter(retryAfter);
        limit.code().ifPresent(error::code);
        Object[] arguments = {limit.capacity(), RateLimit.ceilSeconds(limit.refillPeriod().toNanos()), seconds, limit.refillTokens()};
        if (limit.messageKey().isPresent()) {
            error.messageKey(limit.messageKey().get(), arguments);
        } else if (limit.code().isPresent()) {
            error.arguments(arguments);
        }
        if (rateLimitHeaders) {
            error.header(RATE_LIMIT_POLICY, limit.policyItem());
            error.header(RATE_LIMIT, limit.stateItem(0, TimeUnit.SECONDS.toNanos(seconds)));
        }
        return ThrottleDecision.refused(limit, error.build());
    }

    private ThrottleDecision failedClosed(RateLimit limit) {
        return ThrottleDecision.refused(limit, ContractException.serviceUnavailable(failClosedRetryAfter));
    }

    private ThrottleDecision permitted(List<Counted> counted) {
        if (!rateLimitHeaders || counted == null) {
            return ThrottleDecision.PERMITTED;
        }
        // Built for every counted request: one limit (the common case) costs its state item and
        // nothing else, the policy item being the limit's own string.
        Counted first = counted.get(0);
        String state = first.limit.stateItem(first.probe.remaining(), first.probe.nanosToFull());
        if (counted.size() == 1) {
            return ThrottleDecision.permitted(first.limit.policyItem(), state);
        }
        StringBuilder policies = new StringBuilder(first.limit.policyItem());
        StringBuilder states = new StringBuilder(state);
        for (int i = 1; i < counted.size(); i++) {
            Counted c = counted.get(i);
            policies.append(", ").append(c.limit.policyItem());
            states.append(", ").append(c.limit.stateItem(c.probe.remaining(), c.probe.nanosToFull()));
        }
        return ThrottleDecision.permitted(policies.toString(), states.toString());
    }

    private static List<Counted> counted(List<Counted> counted, RateLimit limit, String key, BucketProbe probe) {
        List<Counted> list = counted != null ? counted : new ArrayList<>(2);
        list.add(new Counted(limit, key, probe));
        return list;
    }

    /** Gives back the tokens of a refused request; a store that fails here loses one token, no more. */
    private void refund(List<Counted> counted) {
        if (counted == null) {
            return;
        }
        for (Counted c : counted) {
            try {
                store.refund(c.limit, c.key);
            } catch (RuntimeException e) {
                health.failed(e);
            }
        }
    }

    /**
     * Gives back the tokens of a request refused because the store failed, without waiting for
     * them: a store that just failed (Redis down or slow) would make each refund wait out its
     * timeout as well, and a check waits for one timeout at most. With a store whose
     * {@link ThrottleStore#refundAsync} is asynchronous (Redis) the refunds go on after the answer;
     * one that fails is counted as the store's failure and loses that token, no more.
     */
    private void refundWithoutWaiting(List<Counted> counted) {
        refundAsync(counted);
    }

    private CompletionStage<Void> refundAsync(List<Counted> counted) {
        CompletionStage<Void> done = CompletableFuture.completedFuture(null);
        if (counted == null) {
            return done;
        }
        for (Counted c : counted) {
            done = done.thenCompose(v -> {
                CompletionStage<Void> refunded;
                try {
                    refunded = store.refundAsync(c.limit, c.key);
                } catch (RuntimeException e) {
                    refunded = CompletableFuture.failedFuture(e);
                }
                return refunded.exceptionally(error -> {
                    health.failed(unwrap(error));
                    return null;
                });
            });
        }
        return done;
    }

    /**
     * The key under which the store keeps a caller's bucket: the key itself, or for keys longer
     * than {@link #MAX_PLAIN_KEY_LENGTH} characters, {@code sha256:} and the base64url digest of
     * its UTF-8 bytes, so that no caller can make the store hold a large key. (A short key spelled
     * like a digest reaches the same bucket as the long key only if its sender knows the digest,
     * and then it could have sent the long key itself.)
     */
    static String storeKey(String key) {
        if (key.length() <= MAX_PLAIN_KEY_LENGTH) {
            return key;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** The limits, in the order they are checked. */
    public List<RateLimit> limits() {
        return List.of(limits);
    }

    public ThrottleStore store() {
        return store;
    }

    public FailureMode failureMode() {
        return failureMode;
    }

    /** Whether permitted responses and 429s carry {@code RateLimit-Policy} and {@code RateLimit}. */
    public boolean rateLimitHeaders() {
        return rateLimitHeaders;
    }

    /** Whether the store is in an outage now (its last answer was a failure). */
    public boolean storeDown() {
        return health.isDown();
    }

    /** Closes the store. */
    @Override
    public void close() {
        store.close();
    }

    @Override
    public String toString() {
        return "Throttle[" + limits.length + " limits, store " + store.description() + ", " + failureMode + "]";
    }

    private static final class Counted {
        final RateLimit limit;
        final String key;
        final BucketProbe probe;

        Counted(RateLimit limit, String key, BucketProbe probe) {
            this.limit = limit;
            this.key = key;
            this.probe = probe;
        }
    }

    /** Builds a {@link Throttle}; not thread-safe. */
    public static final class Builder {
        private final List<RateLimit> limits = new ArrayList<>();
        private final Set<String> names = new HashSet<>();
        private ThrottleStore store;
        private FailureMode failureMode = FailureMode.FAIL_OPEN;
        private Duration failClosedRetryAfter = DEFAULT_FAIL_CLOSED_RETRY_AFTER;
        private Duration storeRetryInterval = DEFAULT_STORE_RETRY_INTERVAL;
        private boolean rateLimitHeaders;
        private ThrottleListener listener = ThrottleListener.NONE;
        private LongSupplier nanoClock = System::nanoTime;

        private Builder() {
        }

        /**
         * Adds a limit; limits are checked in the order they are added.
         *
         * @throws IllegalArgumentException if a limit with the same name was added
         */
        public Builder limit(RateLimit limit) {
            Objects.requireNonNull(limit, "limit");
            if (!names.add(limit.name())) {
                throw new IllegalArgumentException("two limits are named " + limit.name());
            }
            limits.add(limit);
            return this;
        }

        /** Adds several limits; see {@link #limit(RateLimit)}. */
        public Builder limits(Collection<RateLimit> limits) {
            Objects.requireNonNull(limits, "limits").forEach(this::limit);
            return this;
        }

        /** Where the buckets live; by default a new {@link InMemoryThrottleStore}. */
        public Builder store(ThrottleStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /** What to do when the store fails; by default {@link FailureMode#FAIL_OPEN}. */
        public Builder failureMode(FailureMode mode) {
            this.failureMode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * The {@code Retry-After} of the 503 a fail-closed throttle answers while its store is
         * down; default 5 seconds.
         *
         * @throws IllegalArgumentException if not within 1 second..1 day
         */
        public Builder failClosedRetryAfter(Duration retryAfter) {
            if (retryAfter == null || retryAfter.compareTo(Duration.ofSeconds(1)) < 0 || retryAfter.compareTo(RateLimit.MAX_PERIOD) > 0) {
                throw new IllegalArgumentException("failClosedRetryAfter must be within 1 s..1 day, was " + retryAfter);
            }
            this.failClosedRetryAfter = retryAfter;
            return this;
        }

        /**
         * How often a store that is down is asked again (by one request; the others get the
         * failure mode at once); default 1 second.
         *
         * @throws IllegalArgumentException if not within 1 ms..1 hour
         */
        public Builder storeRetryInterval(Duration interval) {
            if (interval == null || interval.compareTo(Duration.ofMillis(1)) < 0 || interval.compareTo(Duration.ofHours(1)) > 0) {
                throw new IllegalArgumentException("storeRetryInterval must be within 1 ms..1 h, was " + interval);
            }
            this.storeRetryInterval = interval;
            return this;
        }

        /**
         * Whether to send the IETF draft's {@code RateLimit-Policy} and {@code RateLimit} fields
         * (draft-ietf-httpapi-ratelimit-headers): on 429s, the limit that refused; on permitted
         * responses, every limit that counted the request. Off by default: the draft may still
         * change.
         */
        public Builder rateLimitHeaders(boolean enabled) {
            this.rateLimitHeaders = enabled;
            return this;
        }

        /** Observes every decision, for metrics; by default {@link ThrottleListener#NONE}. */
        public Builder listener(ThrottleListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** The clock of the store retry interval, for tests; by default {@link System#nanoTime()}. */
        Builder nanoClock(LongSupplier clock) {
            this.nanoClock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Throttle build() {
            return new Throttle(this);
        }
    }
}
