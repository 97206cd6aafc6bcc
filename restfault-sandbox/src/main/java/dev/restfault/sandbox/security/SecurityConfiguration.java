package dev.restfault.sandbox.security;

import dev.restfault.sandbox.ApiPaths;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts token authentication in front of the API, except the open simulation endpoints. */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration implements WebMvcConfigurer {

    private final TokenAuthenticator authenticator;

    SecurityConfiguration(TokenAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AuthInterceptor(authenticator, false))
                .addPathPatterns(ApiPaths.API)
                .excludePathPatterns(ApiPaths.SIMULATE)
                .order(ApiPaths.ORDER_AUTH);
        registry.addInterceptor(new AuthInterceptor(authenticator, true))
                .addPathPatterns(ApiPaths.ADMIN)
                .order(ApiPaths.ORDER_ADMIN);
    }
}
