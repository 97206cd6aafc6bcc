package dev.restfault.springdoc;

import java.util.Set;
import java.util.TreeSet;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code restfault.openapi.*} configuration of restfault-springdoc. Values are checked when the
 * application starts: a common status outside 400..599 fails the start with a message naming the
 * property. Immutable.
 *
 * @param enabled Whether restfault adds its error components and responses to the OpenAPI document
 * @param commonStatuses Statuses documented on every operation besides 500 (which always is), for
 *     what can refuse any request: a rate limit, an overload, maintenance
 * @param examples Whether each error response carries one example body per error code
 */
@ConfigurationProperties("restfault.openapi")
public record RestfaultOpenApiProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue({"429", "503"}) Set<Integer> commonStatuses,
        @DefaultValue("true") boolean examples) {

    /** @throws IllegalArgumentException if a common status is not within 400..599 */
    public RestfaultOpenApiProperties {
        Set<Integer> checked = new TreeSet<>();
        if (commonStatuses != null) {
            for (Integer s : commonStatuses) {
                if (s == null || s < 400 || s > 599) {
                    throw new IllegalArgumentException("restfault.openapi.common-statuses must be within 400..599, was " + s);
                }
                checked.add(s);
            }
        }
        commonStatuses = Set.copyOf(checked);
    }

    /** The defaults: what an application without any {@code restfault.openapi.*} property gets. */
    public static RestfaultOpenApiProperties defaults() {
        return new RestfaultOpenApiProperties(true, Set.of(429, 503), true);
    }
}
