package dev.restfault.throttling;

import dev.restfault.core.http.HeaderValues;
import dev.restfault.core.http.RetryAfter;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One rate limit: a token bucket per caller key, on the routes and methods it names.
 *
 * <pre>{@code
 * RateLimit perTenant = RateLimit.builder("per-tenant")
 *         .capacity(100)                                   // a burst of at most 100 requests
 *         .refill(100, Duration.ofMinutes(1))              // and 100 more per minute, one at a time
 *         .key(CallerKeyResolver.header("MS-PartnerTenantId"))
 *         .route("/v1/customers/**")
 *         .build();
 * }</pre>
 *
 * <p>Each request the limit applies to takes one token from its caller's bucket; an empty bucket
 * means a 429 whose {@code Retry-After} is the time until the next token, rounded up to whole
 * seconds and never 0. The bounds keep every limit meaningful and every {@code Retry-After}
 * sendable: capacity and refill tokens within 1..{@value #MAX_TOKENS}, a refill period within
 * 1 ms..1 day (so no wait exceeds a day), at most one token per nanosecond.
 *
 * <p>The name identifies the limit in headers, metrics, logs and the store: two limits with the
 * same name, capacity and refill share their buckets when they share a store (so instances of a
 * service agree). Immutable and thread-safe.
 */
public final class RateLimit {

    /** The longest name, in characters. */
    public static final int MAX_NAME_LENGTH = 64;
    /** The largest capacity and refill amount. */
    public static final long MAX_TOKENS = 1_000_000_000L;
    /** The shortest refill period. */
    public static final Duration MIN_PERIOD = Duration.ofMillis(1);
    /** The longest refill period: the longest delay a {@code Retry-After} may announce. */
    public static final Duration MAX_PERIOD = RetryAfter.MAX_DELAY;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final String name;
    private final long capacity;
    private final long refillTokens;
    private final Duration refillPeriod;
    private final RefillStyle refillStyle;
    private final CallerKeyResolver key;
    private final List<RoutePattern> routes;
    private final List<RoutePattern> excludedRoutes;
    private final Set<String> methods;
    private final String code;
    private final String messageKey;
    private final Duration timeToFull;
    private final String policyItem;
    /** The start of this limit's item of the {@code RateLimit} field: {@code "name";r=}. */
    private final String stateItemStart;
    /** Stores look buckets up by limit on every request: hashed once. */
    private final int hash;

    private RateLimit(Builder b) {
        this.name = b.name;
        this.capacity = b.capacity;
        this.refillTokens = b.refillTokens;
        this.refillPeriod = b.refillPeriod;
        this.refillStyle = b.refillStyle;
        this.key = b.key;
        this.routes = List.copyOf(b.routes);
        this.excludedRoutes = List.copyOf(b.excludedRoutes);
        this.methods = Set.copyOf(b.methods);
        this.code = b.code;
        this.messageKey = b.messageKey;
        this.timeToFull = timeToFull(capacity, refillTokens, refillPeriod.toNanos(), refillStyle);
        long w = timeToFull.getSeconds() + (timeToFull.getNano() > 0 ? 1 : 0);
        this.policyItem = "\"" + name + "\";q=" + capacity + ";w=" + Math.max(1, w);
        this.stateItemStart = "\"" + name + "\";r=";
        this.hash = Objects.hash(name, capacity, refillTokens, refillPeriod, refillStyle);
    }

    /**
     * A builder for a limit named {@code name}: 1..{@value #MAX_NAME_LENGTH} ASCII letters,
     * digits, {@code -}, {@code _} or {@code .}, so that it can go unescaped into a header, a
     * metric tag and a Redis key.
     *
     * @throws IllegalArgumentException if the name is null or not of that form
     */
    public static Builder builder(String name) {
        return new Builder(requireName(name));
    }

    private static String requireName(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("limit name must not be null or empty");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("limit name is " + name.length() + " characters long, max " + MAX_NAME_LENGTH);
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.';
            if (!ok) {
                throw new IllegalArgumentException("limit name may hold only ASCII letters, digits, '-', '_' and '.'; index " + i + " does not");
            }
        }
        return name;
    }

    /** Whether the limit counts a request with this method and (normalized) path. */
    boolean appliesToPath(String method, RequestPath path) {
        if (!methods.isEmpty() && !countsMethod(method)) {
            return false;
        }
        for (int i = 0; i < excludedRoutes.size(); i++) {
            if (excludedRoutes.get(i).matchesPath(path)) {
                return false;
            }
        }
        if (routes.isEmpty()) {
            return true;
        }
        for (int i = 0; i < routes.size(); i++) {
            if (routes.get(i).matchesPath(path)) {
                return true;
            }
        }
        return false;
    }

    private boolean countsMethod(String method) {
        if (method == null) {
            return false;
        }
        String m = method.toUpperCase(Locale.ROOT);
        // A HEAD is answered by the GET handler (Spring MVC, servlet containers): same work, same limit.
        return methods.contains(m) || m.equals("HEAD") && methods.contains("GET");
    }

    /**
     * Whether the limit counts a request with this method and path (as received, without query).
     */
    public boolean appliesTo(String method, String path) {
        return appliesToPath(method, RequestPath.parse(path));
    }

    public String name() {
        return name;
    }

    /** The most tokens a bucket holds: the largest burst a caller can send. */
    public long capacity() {
        return capacity;
    }

    /** How many tokens come back per {@link #refillPeriod()}. */
    public long refillTokens() {
        return refillTokens;
    }

    public Duration refillPeriod() {
        return refillPeriod;
    }

    public RefillStyle refillStyle() {
        return refillStyle;
    }

    /** Who a request counts against. */
    public CallerKeyResolver key() {
        return key;
    }

    /** The routes the limit applies to; empty means every path. */
    public List<RoutePattern> routes() {
        return routes;
    }

    /** The routes the limit never applies to, even where {@link #routes()} match. */
    public List<RoutePattern> excludedRoutes() {
        return excludedRoutes;
    }

    /** The methods the limit applies to, upper-case; empty means every method. */
    public Set<String> methods() {
        return methods;
    }

    /** The error code of this limit's 429, if the limit names one; else the contract's {@code tooManyRequests}. */
    public Optional<String> code() {
        return Optional.ofNullable(code);
    }

    /** The key of the text describing this limit's 429, if the limit names one; see {@link Builder#messageKey}. */
    public Optional<String> messageKey() {
        return Optional.ofNullable(messageKey);
    }

    /**
     * Whether the limit needs anything but the path and method to count a request; true for
     * routes or methods, which a throttle can then skip checking.
     */
    boolean selective() {
        return !routes.isEmpty() || !excludedRoutes.isEmpty() || !methods.isEmpty();
    }

    /**
     * How long an empty bucket takes to fill up again: an idle bucket is full after this long, so
     * a store may forget it then.
     */
    public Duration timeToFull() {
        return timeToFull;
    }

    /**
     * This limit as an item of the IETF {@code RateLimit-Policy} field
     * (draft-ietf-httpapi-ratelimit-headers): {@code "name";q=capacity;w=seconds}, where
     * {@code w} is the time an empty bucket takes to fill up, in whole seconds rounded up.
     */
    public String policyItem() {
        return policyItem;
    }

    /**
     * This limit's item of the IETF {@code RateLimit} field for a bucket with {@code remaining}
     * tokens that is full again in {@code nanosToFull}: {@code "name";r=remaining}, and
     * {@code ;t=seconds} (rounded up) when it is not full.
     */
    String stateItem(long remaining, long nanosToFull) {
        // One concatenation, sized by the compiler: the item is built for every counted request.
        return nanosToFull > 0 ? stateItemStart + remaining + ";t=" + ceilSeconds(nanosToFull) : stateItemStart + remaining;
    }

    /** Whole seconds, rounded up, at least 1. */
    static long ceilSeconds(long nanos) {
        if (nanos <= 0) {
            return 1;
        }
        return nanos / NANOS_PER_SECOND + (nanos % NANOS_PER_SECOND == 0 ? 0 : 1);
    }

    /** Time for an empty bucket to fill (up to 10^9 days: exact, beyond what a long of nanoseconds holds). */
    private static Duration timeToFull(long capacity, long tokens, long periodNanos, RefillStyle style) {
        BigInteger nanos;
        if (style == RefillStyle.INTERVAL) {
            long periods = capacity / tokens + (capacity % tokens == 0 ? 0 : 1);
            nanos = BigInteger.valueOf(periods).multiply(BigInteger.valueOf(periodNanos));
        } else {
            BigInteger[] qr = BigInteger.valueOf(capacity).multiply(BigInteger.valueOf(periodNanos))
                    .divideAndRemainder(BigInteger.valueOf(tokens));
            nanos = qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
        }
        BigInteger[] secondsAndNanos = nanos.divideAndRemainder(BigInteger.valueOf(NANOS_PER_SECOND));
        return Duration.ofSeconds(secondsAndNanos[0].longValueExact(), secondsAndNanos[1].longValue());
    }

    /** Equal when they have the same buckets: name, capacity and refill (not key, routes or methods). */
    @Override
    public boolean equals(Object o) {
        return o instanceof RateLimit other
                && name.equals(other.name)
                && capacity == other.capacity
                && refillTokens == other.refillTokens
                && refillPeriod.equals(other.refillPeriod)
                && refillStyle == other.refillStyle;
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return "RateLimit[" + name + ": " + capacity + " tokens, " + refillTokens + " per " + refillPeriod
                + " " + refillStyle.name().toLowerCase(Locale.ROOT) + ", key " + key
                + (routes.isEmpty() ? "" : ", routes " + routes) + (excludedRoutes.isEmpty() ? "" : ", except " + excludedRoutes)
                + (methods.isEmpty() ? "" : ", methods " + methods) + "]";
    }

    /** Builds a {@link RateLimit}; not thread-safe. Capacity, refill and key are required. */
    public static final class Builder {
        private final String name;
        private long capacity;
        private long refillTokens;
        private Duration refillPeriod;
        private RefillStyle refillStyle = RefillStyle.GREEDY;
        private CallerKeyResolver key;
        private final List<RoutePattern> routes = new ArrayList<>();
        private final List<RoutePattern> excludedRoutes = new ArrayList<>();
        private final Set<String> methods = new LinkedHashSet<>();
        private String code;
        private String messageKey;

        private Builder(String name) {
            this.name = name;
        }

        /**
         * The most tokens a bucket holds; a new bucket starts full.
         *
         * @throws IllegalArgumentException if not within 1..{@value #MAX_TOKENS}
         */
        public Builder capacity(long capacity) {
            this.capacity = requireTokens("capacity", capacity);
            return this;
        }

        /** {@code tokens} per {@code period}, coming back one by one ({@link RefillStyle#GREEDY}). */
        public Builder refill(long tokens, Duration period) {
            return refill(tokens, period, RefillStyle.GREEDY);
        }

        /**
         * {@code tokens} per {@code period}, coming back as {@code style} says.
         *
         * @throws IllegalArgumentException if tokens are not within 1..{@value #MAX_TOKENS}, the
         *     period is null or not within 1 ms..1 day, or the rate exceeds one token per
         *     nanosecond
         * @throws NullPointerException if {@code style} is null
         */
        public Builder refill(long tokens, Duration period, RefillStyle style) {
            requireTokens("refill tokens", tokens);
            if (period == null) {
                throw new IllegalArgumentException("refill period must not be null");
            }
            if (period.compareTo(MIN_PERIOD) < 0 || period.compareTo(MAX_PERIOD) > 0) {
                throw new IllegalArgumentException("refill period must be within " + MIN_PERIOD + ".." + MAX_PERIOD + ", was " + period);
            }
            if (tokens > period.toNanos()) {
                throw new IllegalArgumentException("refill of " + tokens + " tokens per " + period + " is faster than one token per nanosecond");
            }
            this.refillTokens = tokens;
            this.refillPeriod = period;
            this.refillStyle = Objects.requireNonNull(style, "style");
            return this;
        }

        /** Who a request counts against. */
        public Builder key(CallerKeyResolver key) {
            this.key = Objects.requireNonNull(key, "key");
            return this;
        }

        /**
         * A route the limit applies to (see {@link RoutePattern}); without any, it applies to every path.
         *
         * @throws IllegalArgumentException if the pattern is invalid
         */
        public Builder route(String pattern) {
            routes.add(RoutePattern.of(pattern));
            return this;
        }

        /** Several routes; see {@link #route(String)}. */
        public Builder routes(Collection<String> patterns) {
            Objects.requireNonNull(patterns, "patterns").forEach(this::route);
            return this;
        }

        /**
         * A route the limit never applies to, even where {@link #route(String) its routes} match
         * (an admin path inside the API, say).
         *
         * @throws IllegalArgumentException if the pattern is invalid
         */
        public Builder excludeRoute(String pattern) {
            excludedRoutes.add(RoutePattern.of(pattern));
            return this;
        }

        /** Several excluded routes; see {@link #excludeRoute(String)}. */
        public Builder excludeRoutes(Collection<String> patterns) {
            Objects.requireNonNull(patterns, "patterns").forEach(this::excludeRoute);
            return this;
        }

        /**
         * The error code of this limit's 429 instead of the contract's {@code tooManyRequests}:
         * a client can tell the limits apart, and the description is the application's text for
         * the code (see {@link #messageKey}) in the request's language.
         *
         * @throws IllegalArgumentException if null or blank
         */
        public Builder code(String code) {
            if (code == null || code.isBlank()) {
                throw new IllegalArgumentException("code must not be null or blank");
            }
            this.code = code;
            return this;
        }

        /**
         * The key of the application's text describing this limit's 429 (a {@code MessageSource}
         * key, a properties bundle's), localized when the error is rendered and formatted with
         * {@code {0}} the capacity, {@code {1}} the refill period in whole seconds (rounded up),
         * {@code {2}} the {@code Retry-After} in seconds and {@code {3}} the refill tokens: "This
         * token sent more than {0} requests in {1} seconds. Try again in {2} seconds." Without a
         * text for the key, the code's text, else the contract's 429 description.
         *
         * @throws IllegalArgumentException if null or blank
         */
        public Builder messageKey(String key) {
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException("messageKey must not be null or blank");
            }
            this.messageKey = key;
            return this;
        }

        /**
         * A method the limit applies to (case-insensitive); without any, it applies to every method.
         * {@code GET} counts {@code HEAD} too: a server answers it with the same handler.
         *
         * @throws IllegalArgumentException if the method is not a token
         */
        public Builder method(String method) {
            if (!HeaderValues.isToken(method)) {
                throw new IllegalArgumentException("method must be a token, such as POST");
            }
            methods.add(method.toUpperCase(Locale.ROOT));
            return this;
        }

        /** Several methods; see {@link #method(String)}. */
        public Builder methods(Collection<String> methods) {
            Objects.requireNonNull(methods, "methods").forEach(this::method);
            return this;
        }

        /**
         * @throws IllegalStateException if capacity, refill or key was not set
         */
        public RateLimit build() {
            if (capacity == 0) {
                throw new IllegalStateException("limit " + name + " needs a capacity");
            }
            if (refillPeriod == null) {
                throw new IllegalStateException("limit " + name + " needs a refill");
            }
            if (key == null) {
                throw new IllegalStateException("limit " + name + " needs a key");
            }
            return new RateLimit(this);
        }

        private static long requireTokens(String what, long tokens) {
            if (tokens < 1 || tokens > MAX_TOKENS) {
                throw new IllegalArgumentException(what + " must be within 1.." + MAX_TOKENS + ", was " + tokens);
            }
            return tokens;
        }
    }
}
