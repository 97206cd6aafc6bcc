package dev.restfault.spring.autoconfigure;

import dev.restfault.spring.RestfaultThrottlingProperties;
import dev.restfault.spring.RestfaultThrottlingProperties.Key;
import dev.restfault.spring.RestfaultThrottlingProperties.Limit;
import dev.restfault.throttling.CallerKeyResolver;
import dev.restfault.throttling.RateLimit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The limits of {@code restfault.throttling.limits.*}, built and checked: every mistake fails the
 * start with a message that names the property.
 */
final class ThrottlingLimits {

    private static final String PREFIX = "restfault.throttling.limits.";

    private ThrottlingLimits() {
    }

    /**
     * @param resolvers the application's {@code CallerKeyResolver} beans, by bean name
     * @throws IllegalArgumentException naming the property that is wrong
     */
    static List<RateLimit> of(RestfaultThrottlingProperties properties, Map<String, CallerKeyResolver> resolvers) {
        List<RateLimit> limits = new ArrayList<>();
        for (Map.Entry<String, Limit> e : properties.limits().entrySet()) {
            String property = PREFIX + e.getKey();
            try {
                limits.add(limit(e.getKey(), e.getValue(), resolvers));
            } catch (IllegalArgumentException | IllegalStateException invalid) {
                throw new IllegalArgumentException(property + ": " + invalid.getMessage(), invalid);
            }
        }
        return limits;
    }

    private static RateLimit limit(String name, Limit p, Map<String, CallerKeyResolver> resolvers) {
        RateLimit.Builder b = RateLimit.builder(name);
        if (p.capacity() == 0) {
            throw new IllegalArgumentException("capacity is required");
        }
        b.capacity(p.capacity());
        if (p.refillPeriod() == null) {
            throw new IllegalArgumentException("refill-period is required");
        }
        b.refill(p.refillTokens() != null ? p.refillTokens() : p.capacity(), p.refillPeriod(), p.refillStyle());
        b.key(key(p, resolvers));
        b.routes(p.routes()).excludeRoutes(p.excludeRoutes()).methods(p.methods());
        if (p.code() != null) {
            b.code(p.code());
        }
        if (p.messageKey() != null) {
            b.messageKey(p.messageKey());
        }
        return b.build();
    }

    private static CallerKeyResolver key(Limit p, Map<String, CallerKeyResolver> resolvers) {
        if (p.key() == null) {
            throw new IllegalArgumentException("key is required: subject, header, client-address, shared or resolver");
        }
        if (p.header() != null && p.key() != Key.HEADER) {
            throw new IllegalArgumentException("header is set but key is " + name(p.key()) + ", not header");
        }
        if (p.resolver() != null && p.key() != Key.RESOLVER) {
            throw new IllegalArgumentException("resolver is set but key is " + name(p.key()) + ", not resolver");
        }
        CallerKeyResolver key = switch (p.key()) {
            case SUBJECT -> CallerKeyResolver.subject();
            case CLIENT_ADDRESS -> CallerKeyResolver.clientAddress();
            case SHARED -> CallerKeyResolver.shared();
            case HEADER -> {
                if (p.header() == null) {
                    throw new IllegalArgumentException("key=header needs header, the header's name (such as MS-PartnerTenantId)");
                }
                yield CallerKeyResolver.header(p.header());
            }
            case RESOLVER -> resolver(p.resolver(), resolvers);
        };
        if (p.fallback() == null) {
            return key;
        }
        return switch (p.fallback()) {
            case SUBJECT -> key.orElse(CallerKeyResolver.subject());
            case CLIENT_ADDRESS -> key.orElse(CallerKeyResolver.clientAddress());
            case SHARED -> key.orElse(CallerKeyResolver.shared());
            case HEADER, RESOLVER -> throw new IllegalArgumentException("fallback must be subject, client-address or shared");
        };
    }

    private static CallerKeyResolver resolver(String name, Map<String, CallerKeyResolver> resolvers) {
        if (name != null) {
            CallerKeyResolver r = resolvers.get(name);
            if (r == null) {
                throw new IllegalArgumentException("resolver names no CallerKeyResolver bean: " + name);
            }
            return r;
        }
        if (resolvers.size() != 1) {
            throw new IllegalArgumentException("key=resolver needs resolver, the name of a CallerKeyResolver bean ("
                    + resolvers.size() + " such beans exist)");
        }
        return resolvers.values().iterator().next();
    }

    private static String name(Key key) {
        return key.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
