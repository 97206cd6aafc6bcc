package dev.restfault.spring.autoconfigure;

import dev.restfault.core.i18n.ContractMessages;
import dev.restfault.json.ErrorWriter;
import dev.restfault.server.ErrorRenderer;
import dev.restfault.server.ExceptionTranslator;
import dev.restfault.spring.RestfaultProperties;
import dev.restfault.spring.reactive.ContractWebExceptionHandler;
import dev.restfault.spring.reactive.ContractWebFilter;
import dev.restfault.spring.reactive.MdcContext;
import dev.restfault.spring.reactive.ReactiveErrorResponder;
import dev.restfault.spring.reactive.ReactiveSecurityHandlers;
import dev.restfault.spring.reactive.ReactiveTranslators;
import dev.restfault.spring.reactive.UnreadBody;
import dev.restfault.spring.reactive.NettyRequestErrors;
import dev.restfault.spring.reactive.ReactiveAllowedMethods;
import dev.restfault.spring.web.SpringRendering;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.web.reactive.DispatcherHandler;
import org.springframework.web.server.WebExceptionHandler;
import org.springframework.web.server.WebFilter;

/**
 * Auto-configuration of restfault for Spring WebFlux applications: with the starter on the class
 * path and no configuration, every 4xx and 5xx the application produces is a contract error, as
 * {@link RestfaultAutoConfiguration} does for Spring MVC.
 *
 * <p>Active in reactive web applications unless {@code restfault.enabled=false}; loads no servlet
 * type. Every bean backs off when the application defines its own (by type for the renderer, by
 * name for the others). Applications add their own exception mappings as {@link ExceptionTranslator}
 * beans, the same ones a Spring MVC application declares.
 *
 * <p>Unless the application set {@code spring.reactor.context-propagation} itself, it turns on
 * Reactor's automatic context propagation, so that the request ids reach the MDC wherever a
 * reactive chain runs; {@code spring.reactor.context-propagation=limited} keeps Reactor's default.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.webflux.autoconfigure.error.ErrorWebFluxAutoConfiguration",
        "org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass({DispatcherHandler.class, ErrorWriter.class})
@ConditionalOnProperty(prefix = "restfault", name = "enabled", havingValue = "true", matchIfMissing = true)
@Import(RestfaultSharedConfiguration.class)
public class RestfaultWebFluxAutoConfiguration {

    /** The property that sets Reactor's context propagation mode (Spring Boot's). */
    static final String CONTEXT_PROPAGATION_PROPERTY = "spring.reactor.context-propagation";

    /**
     * Carries the request ids from the Reactor context to the MDC.
     *
     * @param environment tells whether the application chose a context propagation mode itself
     */
    public RestfaultWebFluxAutoConfiguration(Environment environment) {
        MdcContext.install(!environment.containsProperty(CONTEXT_PROPAGATION_PROPERTY));
    }

    /**
     * The rendering core: the application's {@link ExceptionTranslator} beans in {@code @Order},
     * then a {@code ContractException} in the failure's cause chain, then restfault's translations
     * of WebFlux, Spring Security, Bean Validation and spring-web failures.
     */
    @Bean
    @ConditionalOnMissingBean
    public ErrorRenderer restfaultErrorRenderer(RestfaultProperties properties, ContractMessages messages,
            ErrorWriter writer, ObjectProvider<ExceptionTranslator> applicationTranslators, Environment environment,
            ApplicationContext context) {
        List<ExceptionTranslator> application = new ArrayList<>();
        applicationTranslators.orderedStream().forEach(application::add);
        List<ExceptionTranslator> builtIn = ReactiveTranslators.builtIn(messages,
                SpringRendering.commonTranslators(context, messages, properties));
        return SpringRendering.renderer(properties, environment, messages, writer, application, builtIn);
    }

    /** The reactive side: reads the exchange's facts, settles an unread body, writes the response. */
    @Bean
    @ConditionalOnMissingBean
    public ReactiveErrorResponder restfaultReactiveErrorResponder(ErrorRenderer renderer, RestfaultProperties properties,
            ApplicationContext context) {
        return new ReactiveErrorResponder(renderer, new ReactiveAllowedMethods(context), unreadBody(properties));
    }

    /** Every failure of the application: before Spring Boot's own handler, which backs off. */
    @Bean
    @ConditionalOnMissingBean(name = "restfaultWebExceptionHandler")
    public ContractWebExceptionHandler restfaultWebExceptionHandler(ReactiveErrorResponder responder) {
        return new ContractWebExceptionHandler(responder);
    }

    /**
     * The filter: request ids, their Reactor context, bare error statuses, the request body's fate;
     * and, when it and restfault's handler come first, failures handed to that handler before
     * WebFlux's checkpoint around the filter reads their stack traces.
     */
    @Bean
    @ConditionalOnMissingBean(name = "restfaultWebFilter")
    public ContractWebFilter restfaultWebFilter(ReactiveErrorResponder responder, RestfaultProperties properties,
            ApplicationContext context) {
        return new ContractWebFilter(responder, unreadBody(properties), properties.filterOrder(),
                new FirstInLine(context.getBeanProvider(WebFilter.class), context.getBeanProvider(WebExceptionHandler.class)));
    }

    private static UnreadBody unreadBody(RestfaultProperties properties) {
        RestfaultProperties.UnreadBody bounds = properties.unreadBody();
        return new UnreadBody(bounds.drainLimit().toBytes(), bounds.drainTimeout());
    }

    /** Reactor Netty: requests it refuses before the application (oversized headers...) in the contract. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {"reactor.netty.http.server.HttpServer",
            "org.springframework.boot.reactor.netty.NettyServerCustomizer"})
    static class NettyConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "restfaultNettyCustomizer")
        org.springframework.boot.reactor.netty.NettyServerCustomizer restfaultNettyCustomizer(ErrorRenderer renderer,
                RestfaultProperties properties) {
            return NettyRequestErrors.customizer(renderer, unreadBody(properties));
        }
    }

    /**
     * Spring Security: 401 with the challenge and 403 (an access denied, a CSRF token missing or
     * wrong), for every security web filter chain.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {
            "org.springframework.security.web.server.ServerAuthenticationEntryPoint",
            "org.springframework.security.config.web.server.ServerHttpSecurity"})
    static class SecurityConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "restfaultServerAuthenticationEntryPoint")
        org.springframework.security.web.server.ServerAuthenticationEntryPoint restfaultServerAuthenticationEntryPoint(
                ReactiveErrorResponder responder) {
            return ReactiveSecurityHandlers.entryPoint(responder);
        }

        @Bean
        @ConditionalOnMissingBean(name = "restfaultServerAccessDeniedHandler")
        org.springframework.security.web.server.authorization.ServerAccessDeniedHandler restfaultServerAccessDeniedHandler(
                ReactiveErrorResponder responder) {
            return ReactiveSecurityHandlers.accessDeniedHandler(responder);
        }

        /**
         * Applied by Spring Security to every {@code ServerHttpSecurity} it hands out, before the
         * application's own configuration, which can still override it (or disable CSRF).
         *
         * <p>Reactive Security's CSRF protection, on by default, does not refuse through the
         * exception handling's access-denied handler: it keeps its own, which writes the
         * exception's message as a plain-text 403. restfault's handler is set there too, so that a
         * missing or wrong CSRF token is the same contract 403 as any other denial.
         */
        @Bean
        @ConditionalOnMissingBean(name = "restfaultServerHttpSecurityCustomizer")
        org.springframework.security.config.Customizer<org.springframework.security.config.web.server.ServerHttpSecurity>
                restfaultServerHttpSecurityCustomizer(
                        @Qualifier("restfaultServerAuthenticationEntryPoint")
                        org.springframework.security.web.server.ServerAuthenticationEntryPoint entryPoint,
                        @Qualifier("restfaultServerAccessDeniedHandler")
                        org.springframework.security.web.server.authorization.ServerAccessDeniedHandler denied) {
            return http -> http.exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied))
                    .csrf(csrf -> csrf.accessDeniedHandler(denied));
        }
    }
}
