package dev.restfault.spring.autoconfigure;

import dev.restfault.core.i18n.ContractMessages;
import dev.restfault.json.ErrorWriter;
import dev.restfault.server.ErrorRenderer;
import dev.restfault.server.ExceptionTranslator;
import dev.restfault.spring.RestfaultProperties;
import dev.restfault.spring.servlet.AllowedMethods;
import dev.restfault.spring.servlet.ContractCorsProcessor;
import dev.restfault.spring.servlet.ContractErrorController;
import dev.restfault.spring.servlet.ContractErrorFilter;
import dev.restfault.spring.servlet.ContractHandlerExceptionResolver;
import dev.restfault.spring.servlet.SecurityHandlers;
import dev.restfault.spring.servlet.ServletErrorResponder;
import dev.restfault.spring.servlet.ServletTranslators;
import dev.restfault.spring.web.SecurityTranslator;
import dev.restfault.spring.web.SpringRendering;
import jakarta.servlet.DispatcherType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.error.ErrorPage;
import org.springframework.boot.web.error.ErrorPageRegistrar;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.ExceptionHandlerExceptionResolver;

/**
 * Auto-configuration of restfault for Spring MVC applications: with the starter on the class path
 * and no configuration, every 4xx and 5xx the application produces is a contract error
 * ({@link RestfaultWebFluxAutoConfiguration} is the same for WebFlux applications).
 *
 * <p>Active in servlet web applications unless {@code restfault.enabled=false}; loads no reactive
 * type. Every bean backs
 * off when the application defines its own (by type, or by name for the filter, the Spring
 * Security handlers and the security customizer). Applications add their own exception mappings
 * as {@link ExceptionTranslator} beans (restfault-server's: one translator serves every adapter).
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration",
        "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({DispatcherServlet.class, ErrorWriter.class})
@ConditionalOnProperty(prefix = "restfault", name = "enabled", havingValue = "true", matchIfMissing = true)
@Import(RestfaultSharedConfiguration.class)
public class RestfaultAutoConfiguration {

    private static final boolean SECURITY_WEB_PRESENT = ClassUtils.isPresent(
            "org.springframework.security.web.AuthenticationEntryPoint", RestfaultAutoConfiguration.class.getClassLoader());

    /**
     * The rendering core: the application's {@link ExceptionTranslator} beans in {@code @Order},
     * then a {@code ContractException} in the failure's cause chain, then restfault's translations
     * of Spring MVC, Spring Security, Bean Validation and the servlet container's failures.
     */
    @Bean
    @ConditionalOnMissingBean
    public ErrorRenderer restfaultErrorRenderer(RestfaultProperties properties, ContractMessages messages,
            ErrorWriter writer, ObjectProvider<ExceptionTranslator> applicationTranslators, Environment environment,
            ApplicationContext context) {
        List<ExceptionTranslator> application = new ArrayList<>();
        applicationTranslators.orderedStream().forEach(application::add);
        List<ExceptionTranslator> builtIn = ServletTranslators.builtIn(messages,
                SpringRendering.commonTranslators(context, messages, properties));
        return SpringRendering.renderer(properties, environment, messages, writer, application, builtIn);
    }

    /**
     * The servlet side: reads the request's facts, unwraps the servlet layer's wrappers, settles an
     * unread request body, writes the response.
     */
    @Bean
    @ConditionalOnMissingBean
    public ServletErrorResponder restfaultServletErrorResponder(ErrorRenderer renderer, ApplicationContext context,
            RestfaultProperties properties) {
        return new ServletErrorResponder(renderer, new AllowedMethods(context), properties.unreadBody());
    }

    /** The filter: request ids, MDC, {@code sendError}, failures outside Spring MVC, error dispatches. */
    @Bean
    @ConditionalOnMissingBean(name = "restfaultErrorFilter")
    public FilterRegistrationBean<ContractErrorFilter> restfaultErrorFilter(ServletErrorResponder renderer,
            RestfaultProperties properties) {
        FilterRegistrationBean<ContractErrorFilter> registration = new FilterRegistrationBean<>(new ContractErrorFilter(renderer));
        registration.setName("restfaultErrorFilter");
        registration.setOrder(properties.filterOrder());
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
        registration.setAsyncSupported(true);
        return registration;
    }

    /**
     * Puts restfault's resolver right after the application's {@code @ExceptionHandler}s, and one
     * before them that answers what none of them could take without Spring searching for one.
     */
    @Bean
    @ConditionalOnMissingBean(name = "restfaultWebMvcConfigurer")
    public WebMvcConfigurer restfaultWebMvcConfigurer(ServletErrorResponder renderer) {
        Predicate<Throwable> passOn = SECURITY_WEB_PRESENT ? SecurityTranslator::isSecurityException : t -> false;
        ContractHandlerExceptionResolver resolver = new ContractHandlerExceptionResolver(renderer, passOn);
        return new WebMvcConfigurer() {
            @Override
            public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
                int index = 0;
                ExceptionHandlerExceptionResolver exceptionHandlers = null;
                for (int i = 0; i < resolvers.size(); i++) {
                    if (resolvers.get(i) instanceof ExceptionHandlerExceptionResolver found) {
                        index = i + 1;
                        exceptionHandlers = found;
                    }
                }
                resolvers.add(index, resolver);
                if (exceptionHandlers != null) {
                    resolvers.add(index - 1, ContractHandlerExceptionResolver.aheadOf(exceptionHandlers, renderer, passOn));
                }
            }
        };
    }

    /**
     * Spring's CORS refusals (an origin, method or header not allowed) in the contract, where
     * Spring writes a text 403 of its own: see {@link ContractCorsProcessor}. Static, as a bean
     * post-processor must be, so that it does not make this configuration an early bean.
     */
    @Bean
    @ConditionalOnMissingBean(name = "restfaultCorsProcessorInstaller")
    static BeanPostProcessor restfaultCorsProcessorInstaller() {
        return ContractCorsProcessor.installer();
    }

    /** Replaces Boot's whitelabel/JSON error controller at the error path. */
    @Bean
    @ConditionalOnMissingBean(ErrorController.class)
    public ContractErrorController restfaultErrorController(ServletErrorResponder renderer) {
        return new ContractErrorController(renderer);
    }

    /** A global error page, so that container errors reach restfault even without Boot's error MVC. */
    @Bean
    @ConditionalOnMissingBean(name = "restfaultErrorPageRegistrar")
    public ErrorPageRegistrar restfaultErrorPageRegistrar(@Value("${server.error.path:${error.path:/error}}") String path) {
        return registry -> registry.addErrorPages(new ErrorPage(path));
    }

    /** Tomcat: errors raised before the application (the host's error report valve) in the contract. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {"org.apache.catalina.valves.ErrorReportValve",
            "org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory"})
    static class TomcatConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "restfaultTomcatCustomizer")
        org.springframework.boot.web.server.WebServerFactoryCustomizer<org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory>
                restfaultTomcatCustomizer(ErrorRenderer renderer) {
            return factory -> factory.addContextCustomizers(
                    context -> dev.restfault.spring.servlet.TomcatContractErrorReportValve.install(context, renderer));
        }
    }

    /** Jetty: errors raised before the application (the server's error handler) in the contract. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {"org.eclipse.jetty.server.handler.ErrorHandler",
            "org.springframework.boot.jetty.servlet.JettyServletWebServerFactory"})
    static class JettyConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "restfaultJettyCustomizer")
        org.springframework.boot.web.server.WebServerFactoryCustomizer<org.springframework.boot.jetty.servlet.JettyServletWebServerFactory>
                restfaultJettyCustomizer(ErrorRenderer renderer) {
            return factory -> factory.addServerCustomizers(
                    server -> server.setErrorHandler(new dev.restfault.spring.servlet.JettyContractErrorHandler(renderer)));
        }
    }

    /** Spring Security: 401 with the challenge and 403, for every security filter chain. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {
            "org.springframework.security.web.AuthenticationEntryPoint",
            "org.springframework.security.config.annotation.web.builders.HttpSecurity"})
    static class SecurityConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "restfaultAuthenticationEntryPoint")
        org.springframework.security.web.AuthenticationEntryPoint restfaultAuthenticationEntryPoint(ServletErrorResponder renderer) {
            return SecurityHandlers.entryPoint(renderer);
        }

        @Bean
        @ConditionalOnMissingBean(name = "restfaultAccessDeniedHandler")
        org.springframework.security.web.access.AccessDeniedHandler restfaultAccessDeniedHandler(ServletErrorResponder renderer) {
            return SecurityHandlers.accessDeniedHandler(renderer);
        }

        /**
         * Applied by Spring Security to every {@code HttpSecurity} it hands out, before the
         * application's own configuration, which can still override it.
         */
        @Bean
        @ConditionalOnMissingBean(name = "restfaultHttpSecurityCustomizer")
        org.springframework.security.config.Customizer<org.springframework.security.config.annotation.web.builders.HttpSecurity>
                restfaultHttpSecurityCustomizer(
                        @org.springframework.beans.factory.annotation.Qualifier("restfaultAuthenticationEntryPoint")
                        org.springframework.security.web.AuthenticationEntryPoint entryPoint,
                        @org.springframework.beans.factory.annotation.Qualifier("restfaultAccessDeniedHandler")
                        org.springframework.security.web.access.AccessDeniedHandler denied) {
            return http -> {
                try {
                    http.exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied));
                } catch (Exception e) {
                    throw new IllegalStateException("cannot configure Spring Security's exception handling", e);
                }
            };
        }
    }
}
