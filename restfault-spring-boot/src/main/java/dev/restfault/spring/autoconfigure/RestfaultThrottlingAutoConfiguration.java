package dev.restfault.spring.autoconfigure;

import dev.restfault.server.ErrorRenderer;
import dev.restfault.spring.RestfaultThrottlingProperties;
import dev.restfault.spring.reactive.ReactiveErrorResponder;
import dev.restfault.spring.reactive.ThrottlingWebFilter;
import dev.restfault.spring.servlet.ServletErrorResponder;
import dev.restfault.spring.servlet.ThrottlingFilter;
import dev.restfault.throttling.CallerKeyResolver;
import dev.restfault.throttling.InMemoryThrottleStore;
import dev.restfault.throttling.RateLimit;
import dev.restfault.throttling.Throttle;
import dev.restfault.throttling.ThrottleListener;
import dev.restfault.throttling.ThrottleStore;
import jakarta.servlet.DispatcherType;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Throttling for Spring MVC and Spring WebFlux applications that have restfault-throttling: the
 * limits of {@code restfault.throttling.*} and the application's {@link RateLimit} beans, enforced
 * by a servlet filter or a {@code WebFilter} whose 429s (and fail-closed 503s) are rendered by the
 * starter like every other contract error.
 *
 * <p>Beans, each backing off when the application defines its own: the {@link ThrottleStore}
 * (in memory, or Redis through Spring Boot's Redis connection with
 * {@code restfault.throttling.store=redis}), the {@link ThrottleListener} (Micrometer counters when
 * the application has a {@code MeterRegistry}), the {@link Throttle}, and the filter
 * ({@code restfaultThrottlingFilter} on Spring MVC, {@code restfaultThrottlingWebFilter} on
 * WebFlux). Keys of kind {@code resolver} use the application's {@link CallerKeyResolver} beans.
 * Off with {@code restfault.throttling.enabled=false}, and with restfault itself.
 */
@AutoConfiguration(after = {RestfaultAutoConfiguration.class, RestfaultWebFluxAutoConfiguration.class},
        afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@ConditionalOnWebApplication
@ConditionalOnClass(Throttle.class)
@ConditionalOnBean(ErrorRenderer.class)
@ConditionalOnProperty(prefix = "restfault.throttling", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(RestfaultThrottlingProperties.class)
public class RestfaultThrottlingAutoConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(RestfaultThrottlingAutoConfiguration.class);

    /**
     * Where the buckets live: {@code restfault.throttling.store}, in memory by default. Closed with
     * the context.
     *
     * @throws IllegalStateException for {@code store=redis} without Lettuce and Spring Boot's Redis
     *     support on the class path
     */
    @Bean
    @ConditionalOnMissingBean
    public ThrottleStore restfaultThrottleStore(RestfaultThrottlingProperties properties,
            ObjectProvider<RedisThrottleStoreFactory> redis) {
        if (properties.store() == RestfaultThrottlingProperties.Store.REDIS) {
            RedisThrottleStoreFactory factory = redis.getIfAvailable();
            if (factory == null) {
                throw new IllegalStateException("restfault.throttling.store=redis needs Lettuce and Spring Boot's Redis"
                        + " connection (spring-boot-starter-data-redis) on the class path");
            }
            return factory.get();
        }
        try {
            return InMemoryThrottleStore.builder().maxKeysPerLimit(properties.memory().maxKeysPerLimit()).build();
        } catch (IllegalArgumentException invalid) {
            throw new IllegalArgumentException("restfault.throttling.memory: " + invalid.getMessage(), invalid);
        }
    }

    /**
     * The limits of the properties, then the application's {@link RateLimit} beans in
     * {@code @Order}. The store is the store bean's to close.
     */
    @Bean(destroyMethod = "")
    @ConditionalOnMissingBean
    public Throttle restfaultThrottle(RestfaultThrottlingProperties properties, ThrottleStore store,
            ObjectProvider<RateLimit> limitBeans, ObjectProvider<ThrottleListener> listener, ListableBeanFactory beans) {
        List<RateLimit> limits = ThrottlingLimits.of(properties, beans.getBeansOfType(CallerKeyResolver.class));
        limitBeans.orderedStream().forEach(limits::add);
        Throttle throttle;
        try {
            throttle = Throttle.builder()
                    .limits(limits)
                    .store(store)
                    .failureMode(properties.failureMode())
                    .failClosedRetryAfter(properties.failClosedRetryAfter())
                    .storeRetryInterval(properties.storeRetryInterval())
                    .rateLimitHeaders(properties.rateLimitHeaders())
                    .listener(listener.getIfAvailable(() -> ThrottleListener.NONE))
                    .build();
        } catch (IllegalArgumentException invalid) {
            throw new IllegalArgumentException("restfault.throttling: " + invalid.getMessage(), invalid);
        }
        if (!limits.isEmpty()) {
            LOG.info("Throttling {} with store {}, {}", limits.stream().map(RateLimit::name).collect(Collectors.joining(", ")),
                    store.description(), properties.failureMode().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        }
        return throttle;
    }

    /** Spring MVC: a servlet filter, for the request dispatch only, so each request is counted once. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnBean(ServletErrorResponder.class)
    static class ServletConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "restfaultThrottlingFilter")
        FilterRegistrationBean<ThrottlingFilter> restfaultThrottlingFilter(Throttle throttle, ServletErrorResponder responder,
                RestfaultThrottlingProperties properties) {
            FilterRegistrationBean<ThrottlingFilter> registration = new FilterRegistrationBean<>(new ThrottlingFilter(throttle, responder));
            registration.setName("restfaultThrottlingFilter");
            registration.setOrder(properties.filterOrder());
            registration.setDispatcherTypes(DispatcherType.REQUEST);
            registration.setAsyncSupported(true);
            return registration;
        }
    }

    /** Spring WebFlux: a {@code WebFilter} that asks the throttle without blocking. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    @ConditionalOnBean(ReactiveErrorResponder.class)
    static class ReactiveConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "restfaultThrottlingWebFilter")
        ThrottlingWebFilter restfaultThrottlingWebFilter(Throttle throttle, ReactiveErrorResponder responder,
                RestfaultThrottlingProperties properties) {
            return new ThrottlingWebFilter(throttle, responder, properties.filterOrder());
        }
    }

    /** Makes the Redis store; a bean only when Lettuce and Spring Boot's Redis support are present. */
    @FunctionalInterface
    interface RedisThrottleStoreFactory extends Supplier<ThrottleStore> {
    }

    /** The Redis store from Spring Boot's Redis connection. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {"io.lettuce.core.RedisClient",
            "org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails"})
    static class RedisConfiguration {

        @Bean
        RedisThrottleStoreFactory restfaultRedisThrottleStoreFactory(RestfaultThrottlingProperties properties,
                ObjectProvider<org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails> details,
                ObjectProvider<org.springframework.boot.data.redis.autoconfigure.DataRedisProperties> redisProperties) {
            return () -> {
                org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails connection = details.getIfAvailable();
                if (connection == null) {
                    throw new IllegalStateException("restfault.throttling.store=redis needs Spring Boot's Redis connection"
                            + " (spring.data.redis.*): none is configured");
                }
                org.springframework.boot.data.redis.autoconfigure.DataRedisProperties boot = redisProperties.getIfAvailable();
                io.lettuce.core.RedisURI uri = BootRedisConnection.uri(connection, boot == null ? null : boot.getClientName());
                RestfaultThrottlingProperties.Redis redis = properties.redis();
                try {
                    dev.restfault.throttling.redis.RedisThrottleStore.Builder b = dev.restfault.throttling.redis.RedisThrottleStore
                            .builder(uri)
                            .timeout(redis.timeout())
                            .keyPrefix(redis.keyPrefix())
                            .localBuckets(redis.localBuckets());
                    BootRedisConnection.sslOptions(connection).ifPresent(b::sslOptions);
                    return b.build();
                } catch (IllegalArgumentException invalid) {
                    throw new IllegalArgumentException("restfault.throttling.redis: " + invalid.getMessage(), invalid);
                }
            };
        }
    }

    /** Micrometer counters of the decisions, tagged with each limit's name. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
    static class MetricsConfiguration {

        @Bean
        @ConditionalOnMissingBean
        ThrottleListener restfaultThrottleListener(ObjectProvider<io.micrometer.core.instrument.MeterRegistry> registry) {
            io.micrometer.core.instrument.MeterRegistry r = registry.getIfAvailable();
            return r == null ? ThrottleListener.NONE : new dev.restfault.throttling.micrometer.MicrometerThrottleListener(r);
        }
    }
}
