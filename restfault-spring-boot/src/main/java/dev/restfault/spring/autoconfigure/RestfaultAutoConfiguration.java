package dev.restfault.spring.autoconfigure;

import dev.restfault.core.i18n.ContractMessages;
import dev.restfault.core.model.Descriptions;
import dev.restfault.json.ErrorWriter;
import dev.restfault.spring.ContractErrorRenderer;
import dev.restfault.spring.ExceptionTranslator;
import dev.restfault.spring.MessageSourceMessageProvider;
import dev.restfault.spring.RestfaultProperties;
import dev.restfault.spring.implementation.AllowedMethods;
import dev.restfault.spring.implementation.BeanValidationSupport;
import dev.restfault.spring.implementation.ContractErrorController;
import dev.restfault.spring.implementation.ContractErrorFilter;
import dev.restfault.spring.implementation.ContractHandlerExceptionResolver;
import dev.restfault.spring.implementation.JettyRequestErrors;
import dev.restfault.spring.implementation.SecuritySupport;
import dev.restfault.spring.implementation.SpringMvcExceptionTranslator;
import dev.restfault.spring.implementation.TomcatRequestErrors;
import dev.restfault.spring.implementation.ViolationDescriber;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.error.ErrorPage;
import org.springframework.boot.web.error.ErrorPageRegistrar;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.ExceptionHandlerExceptionResolver;

/**
 * Auto-configuration of restfault for Spring MVC applications: with the starter on the class path
 * and no configuration, every 4xx and 5xx the application produces is a contract error.
 *
 * <p>Active in servlet web applications unless {@code restfault.enabled=false}. Every bean backs
 * off when the application defines its own (by type, or by name for the filter, the Spring
 * Security handlers and the security customizer). Applications add their own exception mappings
 * as {@link ExceptionTranslator} beans.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration",
        "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({DispatcherServlet.class, ErrorWriter.class})
@ConditionalOnProperty(prefix = "restfault", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(RestfaultProperties.class)
public class RestfaultAutoConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(RestfaultAutoConfiguration.class);
    private static final boolean SECURITY_PRESENT = ClassUtils.isPresent(
            "org.springframework.security.web.AuthenticationEntryPoint", RestfaultAutoConfiguration.class.getClassLoader());
    private static final boolean VALIDATION_PRESENT = ClassUtils.isPresent(
            "jakarta.validation.ValidatorFactory", RestfaultAutoConfiguration.class.getClassLoader());
    // The server adapters are compiled against Jetty and Tomcat but loaded only when the server
    // is there: the application runs on one of them (or neither), never needs both.
    private static final boolean JETTY_PRESENT = ClassUtils.isPresent(
            "org.eclipse.jetty.http.HttpException", RestfaultAutoConfiguration.class.getClassLoader());
    private static final boolean TOMCAT_PRESENT = ClassUtils.isPresent(
            "org.apache.tomcat.util.http.InvalidParameterException", RestfaultAutoConfiguration.class.getClassLoader())
            && ClassUtils.isPresent("org.apache.coyote.BadRequestException", RestfaultAutoConfiguration.class.getClassLoader());

    /** Texts: the application's {@code MessageSource} first, then ServiceLoader providers, then restfault's. */
    @Bean
    @ConditionalOnMissingBean
    public ContractMessages restfaultContractMessages(ApplicationContext context) {
        return ContractMessages.builder().add(new MessageSourceMessageProvider(context)).useServiceLoader(true).build();
    }

    /** Encodes errors: restfault-json's standard writer. */
    @Bean
    @ConditionalOnMissingBean
    public ErrorWriter restfaultErrorWriter() {
        return ErrorWriter.standard();
    }

    /**
     * The renderer: the application's {@link ExceptionTranslator} beans in {@code @Order}, then a
     * {@code ContractException} in the failure's cause chain, then restfault's translations of
     * Spring Security, Bean Validation and Spring MVC failures.
     */
    @Bean
    @ConditionalOnMissingBean
    public ContractErrorRenderer restfaultErrorRenderer(RestfaultProperties properties, ContractMessages messages,
            ErrorWriter writer, ObjectProvider<ExceptionTranslator> applicationTranslators, Environment environment,
            ApplicationContext context) {
        // Nested descriptions (data entries) are written in the renderer's language for the
        // request, which knows the format (en-US for the Partner API): one resolution, one language.
        AtomicReference<ContractErrorRenderer> renderer = new AtomicReference<>();
        Function<HttpServletRequest, Locale> localeOf = request -> renderer.get().localeFor(request);
        AllowedMethods allowedMethods = new AllowedMethods(context);
        Object validatorFactory = VALIDATION_PRESENT ? validatorFactory(context) : null;

        List<ExceptionTranslator> application = new ArrayList<>();
        applicationTranslators.orderedStream().forEach(application::add);
        List<ExceptionTranslator> translators = new ArrayList<>();
        if (SECURITY_PRESENT) {
            translators.add(SecuritySupport.translator());
        }
        if (VALIDATION_PRESENT) {
            translators.add(BeanValidationSupport.constraintViolations(validatorFactory, messages, localeOf,
                    properties.validationDetails()));
        }
        ViolationDescriber violations = new ViolationDescriber(messages, context, new MessageSourceMessageProvider(context),
                localeOf, VALIDATION_PRESENT ? BeanValidationSupport.interpolator(validatorFactory) : null,
                VALIDATION_PRESENT ? BeanValidationSupport.isConstraintViolation() : null);
        translators.add(new SpringMvcExceptionTranslator(violations, properties.validationDetails(), allowedMethods));
        // The server's own verdicts on a malformed request it meets only when the application
        // reads it (a bad percent-encoding in the query, a malformed chunked body): client errors.
        if (JETTY_PRESENT) {
            translators.add(JettyRequestErrors.translator());
        }
        if (TOMCAT_PRESENT) {
            translators.add(TomcatRequestErrors.translator());
        }

        if (properties.challenge().cid() == null) {
            LOG.warn("restfault.challenge.cid is not set: 401 responses carry a bare 'OAuth' challenge "
                    + "instead of OAuth realm=\"urn:cpsvc:cpid:<cid>\"");
        }
        ContractErrorRenderer created = new ContractErrorRenderer(properties, source(properties, environment), messages,
                writer, application, translators, allowedMethods);
        renderer.set(created);
        return created;
    }

    private static Object validatorFactory(ApplicationContext context) {
        String[] names = context.getBeanNamesForType(ClassUtils.resolveClassName(
                "jakarta.validation.ValidatorFactory", RestfaultAutoConfiguration.class.getClassLoader()), false, false);
        return names.length == 0 ? null : context.getBean(names[0]);
    }

    private static String source(RestfaultProperties properties, Environment environment) {
        if (properties.source() != null && !Descriptions.isBlank(properties.source())) {
            return properties.source();
        }
        String name = environment.getProperty("spring.application.name");
        return name != null && !Descriptions.isBlank(name) ? name : "service";
    }

    /** The filter: request ids, MDC, {@code sendError}, failures outside Spring MVC, error dispatches. */
    @Bean
    @ConditionalOnMissingBean(name = "restfaultErrorFilter")
    public FilterRegistrationBean<ContractErrorFilter> restfaultErrorFilter(ContractErrorRenderer renderer,
            RestfaultProperties properties) {
        FilterRegistrationBean<ContractErrorFilter> registration = new FilterRegistrationBean<>(new ContractErrorFilter(renderer));
        registration.setName("restfaultErrorFilter");
        registration.setOrder(properties.filterOrder());
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
        registration.setAsyncSupported(true);
        return registration;
    }

    /** Puts restfault's resolver right after the application's {@code @ExceptionHandler}s. */
    @Bean
    @ConditionalOnMissingBean(name = "restfaultWebMvcConfigurer")
    public WebMvcConfigurer restfaultWebMvcConfigurer(ContractErrorRenderer renderer) {
        Predicate<Throwable> passOn = SECURITY_PRESENT ? SecuritySupport::isSecurityException : t -> false;
        ContractHandlerExceptionResolver resolver = new ContractHandlerExceptionResolver(renderer, passOn);
        return new WebMvcConfigurer() {
            @Override
            public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
                int index = 0;
                for (int i = 0; i < resolvers.size(); i++) {
                    if (resolvers.get(i) instanceof ExceptionHandlerExceptionResolver) {
                        index = i + 1;
                    }
                }
                resolvers.add(index, resolver);
            }
        };
    }

    /** Replaces Boot's whitelabel/JSON error controller at the error path. */
    @Bean
    @ConditionalOnMissingBean(ErrorController.class)
    public ContractErrorController restfaultErrorController(ContractErrorRenderer renderer) {
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
                restfaultTomcatCustomizer(ContractErrorRenderer renderer) {
            return factory -> factory.addContextCustomizers(
                    context -> dev.restfault.spring.implementation.TomcatContractErrorReportValve.install(context, renderer));
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
                restfaultJettyCustomizer(ContractErrorRenderer renderer) {
            return factory -> factory.addServerCustomizers(
                    server -> server.setErrorHandler(new dev.restfault.spring.implementation.JettyContractErrorHandler(renderer)));
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
        org.springframework.security.web.AuthenticationEntryPoint restfaultAuthenticationEntryPoint(ContractErrorRenderer renderer) {
            return SecuritySupport.entryPoint(renderer);
        }

        @Bean
        @ConditionalOnMissingBean(name = "restfaultAccessDeniedHandler")
        org.springframework.security.web.access.AccessDeniedHandler restfaultAccessDeniedHandler(ContractErrorRenderer renderer) {
            return SecuritySupport.accessDeniedHandler(renderer);
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
