package dev.restfault.benchmarks.e2e;

import java.util.List;
import java.util.Objects;

/**
 * One way of running the benchmark's application: which error handling is on, configured the
 * way its users configure it. Every setup of a suite serves the same application class.
 *
 * @param id               short name used in options and tables ({@code restfault}...)
 * @param label            the name in the report
 * @param applicationClass the {@code @SpringBootApplication} to run
 * @param properties       Spring properties ({@code key=value}) that make this setup
 * @param restfaultActive  whether restfault's starter must be active in the running server; the
 *                         harness refuses to measure a setup where it is not as declared
 * @param check            what the setup's answers look like, checked on every answer (thoroughly before the load)
 */
public record Setup(String id, String label, Class<?> applicationClass, List<String> properties, boolean restfaultActive,
        ResponseCheck check) {

    /** In a property's value, the port of the Redis the harness starts for the setups that name it. */
    public static final String REDIS_PORT = "{redis.port}";

    public Setup {
        Ids.require("setup", id);
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(applicationClass, "applicationClass");
        Objects.requireNonNull(check, "check");
        properties = List.copyOf(properties);
        for (String property : properties) {
            if (property.indexOf('=') < 1) {
                throw new IllegalArgumentException("setup property must be key=value: '" + property + "'");
            }
        }
    }

    /** Whether this setup talks to a Redis: one of its properties names {@link #REDIS_PORT}. */
    public boolean usesRedis() {
        return properties.stream().anyMatch(property -> property.contains(REDIS_PORT));
    }
}
