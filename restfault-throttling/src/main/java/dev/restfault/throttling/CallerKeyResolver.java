package dev.restfault.throttling;

import dev.restfault.core.http.HeaderValues;
import java.util.Objects;
import java.util.Optional;

/**
 * Who a request counts against: a {@link RateLimit} keeps one bucket per key. Resolvers are the
 * caller's token subject, a tenant header, the client address, one bucket shared by everyone, or
 * the application's own (a lambda).
 *
 * <pre>{@code
 * CallerKeyResolver.header("MS-PartnerTenantId").orElse(CallerKeyResolver.clientAddress())
 * request -> request.header("X-Api-Key").map(apiKeys::ownerOf)
 * }</pre>
 *
 * <p>A request whose key resolves to empty is not counted by that limit. Keys are hostile
 * input: restfault uses them only as bucket names (in memory, or in the Redis key, hashed when
 * longer than {@value Throttle#MAX_PLAIN_KEY_LENGTH} characters) and never sends or logs one.
 * The built-in resolvers prefix their keys ({@code subject:}, {@code header:},
 * {@code address:}), so that a tenant named like an address never shares its bucket.
 *
 * <p>A resolver must be thread-safe and should be cheap: it runs on every request the limit
 * applies to. What it throws reaches the caller of {@link Throttle#check}.
 */
@FunctionalInterface
public interface CallerKeyResolver {

    /**
     * The key of {@code request}, or empty when it has none (the limit then does not count it).
     */
    Optional<String> resolve(ThrottledRequest request);

    /**
     * This resolver, or {@code fallback} for requests this one finds no key for.
     *
     * @throws NullPointerException if {@code fallback} is null
     */
    default CallerKeyResolver orElse(CallerKeyResolver fallback) {
        Objects.requireNonNull(fallback, "fallback");
        CallerKeyResolver first = this;
        return new CallerKeyResolver() {
            @Override
            public Optional<String> resolve(ThrottledRequest request) {
                Optional<String> key = first.resolve(request);
                return key.isPresent() ? key : fallback.resolve(request);
            }

            @Override
            public String toString() {
                return first + " or else " + fallback;
            }
        };
    }

    /** The authenticated caller's subject ({@link ThrottledRequest#subject()}); empty when anonymous. */
    static CallerKeyResolver subject() {
        return BuiltInKeys.SUBJECT;
    }

    /** The client address ({@link ThrottledRequest#clientAddress()}). */
    static CallerKeyResolver clientAddress() {
        return BuiltInKeys.CLIENT_ADDRESS;
    }

    /** One key for every request: the limit protects a route, whoever calls it. */
    static CallerKeyResolver shared() {
        return BuiltInKeys.SHARED;
    }

    /**
     * The value of a request header, such as the partner tenant's: surrounding white space
     * trimmed, empty when the header is absent or blank. Any value is accepted as a key (it is
     * never echoed), so a caller that varies it gets a bucket per value: use a header the caller
     * cannot choose freely, or one checked before the throttle runs.
     *
     * @throws IllegalArgumentException if {@code name} is not a header name (an RFC 9110 token)
     */
    static CallerKeyResolver header(String name) {
        if (!HeaderValues.isToken(name)) {
            throw new IllegalArgumentException("header name must be a token (RFC 9110), such as MS-PartnerTenantId");
        }
        return new BuiltInKeys.Header(name);
    }
}
