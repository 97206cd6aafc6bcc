package dev.restfault.spring;

import dev.restfault.throttling.FailureMode;
import dev.restfault.throttling.RefillStyle;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code restfault.throttling.*} configuration: rate limits that answer with contract 429s,
 * active when the application has restfault-throttling.
 *
 * <pre>
 * restfault.throttling.limits.per-tenant.capacity=100
 * restfault.throttling.limits.per-tenant.refill-period=1m
 * restfault.throttling.limits.per-tenant.key=header
 * restfault.throttling.limits.per-tenant.header=MS-PartnerTenantId
 * restfault.throttling.limits.per-tenant.fallback=client-address
 * restfault.throttling.limits.per-tenant.routes=/v1/**
 * restfault.throttling.store=redis                  # with spring.data.redis.*
 * </pre>
 *
 * <p>Simple values are checked here, a limit's rules when the throttle is built: either way an
 * invalid value fails the start with a message naming the property. Immutable.
 *
 * @param enabled Whether the throttling filter runs at all
 * @param store Where the buckets live: memory (one instance) or redis (shared by every instance,
 *     through Spring Boot's Redis connection, spring.data.redis.*)
 * @param failureMode What a request gets while the store does not answer: fail-open (let through,
 *     the outage logged once and counted) or fail-closed (a 503 with Retry-After)
 * @param failClosedRetryAfter The Retry-After of the fail-closed 503, 1 s..1 day
 * @param storeRetryInterval How often a store that is down is asked again, 1 ms..1 h
 * @param rateLimitHeaders Whether to send the IETF draft's RateLimit-Policy and RateLimit fields
 * @param filterOrder The order of the throttling filter: by default right after Spring Security's
 *     filter chain (-100), so that the subject of a token is known, and after restfault's own
 *     filter, so that a 429 carries the request ids
 * @param memory The in-memory store
 * @param redis The Redis store
 * @param limits The limits, by name (the name is the limit's in headers, metrics and Redis keys);
 *     limits defined as RateLimit beans are added after these
 */
@ConfigurationProperties("restfault.throttling")
public record RestfaultThrottlingProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("memory") Store store,
        @DefaultValue("fail-open") FailureMode failureMode,
        @DefaultValue("5s") Duration failClosedRetryAfter,
        @DefaultValue("1s") Duration storeRetryInterval,
        @DefaultValue("false") boolean rateLimitHeaders,
        @DefaultValue("-90") int filterOrder,
        @DefaultValue Memory memory,
        @DefaultValue Redis redis,
        Map<String, Limit> limits) {

    /** The default filter order: right after Spring Security's filter chain. */
    public static final int DEFAULT_FILTER_ORDER = -90;

    /** Normalizes the values; the throttle checks the rest when it is built. */
    public RestfaultThrottlingProperties {
        store = store == null ? Store.MEMORY : store;
        failureMode = failureMode == null ? FailureMode.FAIL_OPEN : failureMode;
        memory = memory == null ? new Memory(100_000) : memory;
        redis = redis == null ? new Redis(null, null, 10_000) : redis;
        limits = limits == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(limits));
    }

    /** Where the buckets live. */
    public enum Store {
        /** In this JVM: for a service that runs as one instance. */
        MEMORY,
        /** In Redis, shared by every instance; configured from {@code spring.data.redis.*}. */
        REDIS
    }

    /** Who a request counts against. */
    public enum Key {
        /** The authenticated caller (the principal's name: a token's subject). */
        SUBJECT,
        /** The value of the request header named by {@code header}, such as a tenant id. */
        HEADER,
        /** The client address ({@code server.forward-headers-strategy} decides which one). */
        CLIENT_ADDRESS,
        /** One bucket for every request: the limit protects its routes, whoever calls. */
        SHARED,
        /** An application {@code CallerKeyResolver} bean, named by {@code resolver}. */
        RESOLVER
    }

    /**
     * The in-memory store.
     *
     * @param maxKeysPerLimit The most buckets one limit keeps (about 350 bytes each besides the key)
     */
    public record Memory(@DefaultValue("100000") int maxKeysPerLimit) {
    }

    /**
     * The Redis store; the connection itself is Spring Boot's ({@code spring.data.redis.*}).
     *
     * @param timeout The longest a request waits for Redis, 1 ms..60 s
     * @param keyPrefix The prefix of every key the store writes
     * @param localBuckets How many buckets an instance remembers the last state of (a forgotten
     *     one costs one more round trip)
     */
    public record Redis(
            @DefaultValue("200ms") Duration timeout,
            @DefaultValue("restfault:throttle:") String keyPrefix,
            @DefaultValue("10000") int localBuckets) {

        public Redis {
            timeout = timeout == null ? Duration.ofMillis(200) : timeout;
            keyPrefix = keyPrefix == null ? "restfault:throttle:" : keyPrefix;
        }
    }

    /**
     * One limit: a token bucket per caller key.
     *
     * @param capacity The most tokens a bucket holds, the largest burst, 1..10^9
     * @param refillTokens How many tokens come back per refill period; by default the capacity
     * @param refillPeriod The refill period, 1 ms..1 day
     * @param refillStyle greedy (tokens come back one by one) or interval (all at once at the end of
     *     the period, a fixed window)
     * @param key Who a request counts against: subject, header, client-address, shared or resolver
     * @param header The header whose value is the key, for key=header
     * @param resolver The name of the CallerKeyResolver bean, for key=resolver (optional when there
     *     is exactly one)
     * @param fallback The key of requests the first one finds none for: subject, client-address or
     *     shared; by default such requests are not counted
     * @param routes The path patterns the limit applies to (/v1/customers/**); by default every path
     * @param excludeRoutes The path patterns it never applies to
     * @param methods The methods it applies to; by default every method
     * @param code The error code of this limit's 429, instead of tooManyRequests
     * @param messageKey The MessageSource key of this limit's 429 description, formatted with {0}
     *     the capacity, {1} the refill period in seconds, {2} the Retry-After, {3} the refill tokens
     */
    public record Limit(
            long capacity,
            Long refillTokens,
            Duration refillPeriod,
            @DefaultValue("greedy") RefillStyle refillStyle,
            Key key,
            String header,
            String resolver,
            Key fallback,
            List<String> routes,
            List<String> excludeRoutes,
            List<String> methods,
            String code,
            String messageKey) {

        public Limit {
            refillStyle = refillStyle == null ? RefillStyle.GREEDY : refillStyle;
            routes = routes == null ? List.of() : List.copyOf(routes);
            excludeRoutes = excludeRoutes == null ? List.of() : List.copyOf(excludeRoutes);
            methods = methods == null ? List.of() : List.copyOf(methods);
        }
    }
}
