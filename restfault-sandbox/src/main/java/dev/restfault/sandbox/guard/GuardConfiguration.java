package dev.restfault.sandbox.guard;

import dev.restfault.sandbox.ApiPaths;
import dev.restfault.sandbox.Texts;
import dev.restfault.sandbox.config.SandboxProperties;
import dev.restfault.sandbox.security.TokenAuthenticator;
import dev.restfault.sandbox.security.TokenKeyResolver;
import dev.restfault.throttling.RateLimit;
import dev.restfault.throttling.RefillStyle;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The guards and where they apply: a bound on request bodies ({@link BodyLimitFilter}, 413),
 * maintenance and the concurrency bound (503), the per-token rate limit (429). The admin
 * endpoints are exempt from maintenance, the concurrency bound and the rate limit, so an operator
 * can always turn maintenance off. The simulation endpoints need no token and are exempt from
 * the rate limit, so a client's retry loop can be tried against them without being throttled for
 * real; they are also outside the concurrency bound, so anonymous callers cannot take the API's
 * slots: the only simulations that hold a thread, the delayed ones, have their own bound
 * ({@link ConcurrencyLimiter#DELAYED_SIMULATIONS}, applied by the simulation itself). The
 * built-in upstream, outside the API, has its own bound too ({@link ConcurrencyLimiter#UPSTREAM_CALLS}).
 *
 * <p>The rate limit is restfault-throttling's, enforced by the starter's throttling filter in
 * front of the API (so before the interceptors: a token's request is counted even when
 * maintenance, the concurrency bound or its read-only access then refuses it). Its buckets are in
 * memory, or in Redis with {@code restfault.throttling.store=redis} and {@code spring.data.redis.*},
 * where several sandboxes share each token's budget.
 */
@Configuration(proxyBeanMethods = false)
class GuardConfiguration implements WebMvcConfigurer {

    /** The name of the per-token limit: in the RateLimit headers, the metrics and the Redis keys. */
    static final String PER_TOKEN = "per-token";

    private final SandboxProperties properties;
    private final MaintenanceSwitch maintenance;
    private final ConcurrencyLimiter concurrency;

    GuardConfiguration(SandboxProperties properties, MaintenanceSwitch maintenance, ConcurrencyLimiter concurrency) {
        this.properties = properties;
        this.maintenance = maintenance;
        this.concurrency = concurrency;
    }

    @Bean
    static MaintenanceSwitch maintenanceSwitch(SandboxProperties properties) {
        return new MaintenanceSwitch(properties.maintenance().enabled(), properties.maintenance().retryAfter());
    }

    @Bean
    @Primary
    static ConcurrencyLimiter concurrencyLimiter(SandboxProperties properties) {
        return new ConcurrencyLimiter(properties.concurrency().maxRequests());
    }

    @Bean(ConcurrencyLimiter.DELAYED_SIMULATIONS)
    static ConcurrencyLimiter delayedSimulationLimiter(SandboxProperties properties) {
        return new ConcurrencyLimiter(properties.simulate().maxDelayed());
    }

    @Bean(ConcurrencyLimiter.UPSTREAM_CALLS)
    static ConcurrencyLimiter upstreamCallLimiter(SandboxProperties properties) {
        return new ConcurrencyLimiter(properties.upstream().maxCalls());
    }

    /**
     * The per-token budget: {@code sandbox.rate-limit.requests} per {@code sandbox.rate-limit.window},
     * a fixed window per token (all of it back when the window ends), on the API but for the admin
     * and simulation endpoints; its 429 says so in the request's language ({@link Texts#RATE_LIMITED}).
     */
    @Bean
    static RateLimit perTokenRateLimit(SandboxProperties properties, TokenAuthenticator authenticator) {
        SandboxProperties.RateLimit budget = properties.rateLimit();
        return RateLimit.builder(PER_TOKEN)
                .capacity(budget.requests())
                .refill(budget.requests(), budget.window(), RefillStyle.INTERVAL)
                .key(new TokenKeyResolver(authenticator))
                .routes(List.of(ApiPaths.API))
                .excludeRoutes(List.of(ApiPaths.ADMIN))
                .excludeRoutes(List.of(ApiPaths.SIMULATE))
                .messageKey(Texts.RATE_LIMITED)
                .build();
    }

    @Bean
    static FilterRegistrationBean<BodyLimitFilter> bodyLimitFilter() {
        FilterRegistrationBean<BodyLimitFilter> registration = new FilterRegistrationBean<>(new BodyLimitFilter());
        registration.addUrlPatterns("/v1/*", "/partner/v1/*");
        return registration;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new GuardInterceptors.Maintenance(maintenance))
                .addPathPatterns(ApiPaths.API)
                .excludePathPatterns(ApiPaths.ADMIN)
                .order(ApiPaths.ORDER_MAINTENANCE);
        registry.addInterceptor(new GuardInterceptors.Concurrency(concurrency, properties.concurrency().retryAfter()))
                .addPathPatterns(ApiPaths.API)
                .excludePathPatterns(ApiPaths.ADMIN)
                .excludePathPatterns(ApiPaths.SIMULATE)
                .order(ApiPaths.ORDER_CONCURRENCY);
    }
}
