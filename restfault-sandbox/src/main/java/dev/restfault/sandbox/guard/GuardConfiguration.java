package dev.restfault.sandbox.guard;

import dev.restfault.sandbox.ApiPaths;
import dev.restfault.sandbox.config.SandboxProperties;
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
 */
@Configuration(proxyBeanMethods = false)
class GuardConfiguration implements WebMvcConfigurer {

    private final SandboxProperties properties;
    private final MaintenanceSwitch maintenance;
    private final ConcurrencyLimiter concurrency;
    private final RateLimiter rateLimiter;

    GuardConfiguration(SandboxProperties properties, MaintenanceSwitch maintenance,
            ConcurrencyLimiter concurrency, RateLimiter rateLimiter) {
        this.properties = properties;
        this.maintenance = maintenance;
        this.concurrency = concurrency;
        this.rateLimiter = rateLimiter;
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

    @Bean
    static RateLimiter rateLimiter(SandboxProperties properties) {
        return new RateLimiter(properties.rateLimit().requests(), properties.rateLimit().window(), System::nanoTime);
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
        registry.addInterceptor(new GuardInterceptors.RateLimit(rateLimiter))
                .addPathPatterns(ApiPaths.API)
                .excludePathPatterns(ApiPaths.ADMIN)
                .excludePathPatterns(ApiPaths.SIMULATE)
                .order(ApiPaths.ORDER_RATE_LIMIT);
    }
}
