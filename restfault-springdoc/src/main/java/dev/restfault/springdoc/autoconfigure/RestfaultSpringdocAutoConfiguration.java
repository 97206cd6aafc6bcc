package dev.restfault.springdoc.autoconfigure;

import dev.restfault.server.ErrorRenderer;
import dev.restfault.spring.autoconfigure.RestfaultAutoConfiguration;
import dev.restfault.springdoc.OperationSecurity;
import dev.restfault.springdoc.RestfaultOpenApiProperties;
import dev.restfault.springdoc.SecurityInspector;
import dev.restfault.springdoc.implementation.ContractErrorsCustomizer;
import dev.restfault.springdoc.implementation.ErrorResponses;
import dev.restfault.springdoc.implementation.OperationFacts;
import dev.restfault.springdoc.implementation.OperationIndex;
import dev.restfault.springdoc.implementation.ReactiveSecurityInspector;
import dev.restfault.springdoc.implementation.ServletSecurityInspector;
import dev.restfault.springdoc.implementation.StackFailures;
import dev.restfault.springdoc.implementation.WebFluxFailures;
import dev.restfault.springdoc.implementation.WebFluxOperations;
import dev.restfault.springdoc.implementation.WebMvcFailures;
import dev.restfault.springdoc.implementation.WebMvcOperations;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import io.swagger.v3.oas.models.OpenAPI;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ClassUtils;

/**
 * Auto-configuration of restfault-springdoc: with springdoc and restfault's starter active (its
 * {@link ErrorRenderer} bean exists), the OpenAPI document gets restfault's error components and,
 * on every operation, the error responses restfault really answers there, rendered by that
 * renderer. For Spring MVC (springdoc's webmvc starter) and for WebFlux (its webflux starter):
 * each stack's part loads only that stack's classes.
 *
 * <p>Active unless {@code restfault.openapi.enabled=false}. The customizer backs off when the
 * application defines a bean named {@code restfaultOpenApiCustomizer}.
 */
// After the starter's Spring MVC and WebFlux auto-configurations, whose ErrorRenderer bean each part
// needs (a name that is not on the class path is ignored).
@AutoConfiguration(after = RestfaultAutoConfiguration.class,
        afterName = "dev.restfault.spring.autoconfigure.RestfaultWebFluxAutoConfiguration")
@ConditionalOnClass(GlobalOpenApiCustomizer.class)
@ConditionalOnBooleanProperty(name = "restfault.openapi.enabled", matchIfMissing = true)
@EnableConfigurationProperties(RestfaultOpenApiProperties.class)
public class RestfaultSpringdocAutoConfiguration {

    private static final ClassLoader LOADER = RestfaultSpringdocAutoConfiguration.class.getClassLoader();

    /** Spring MVC: the operations of its request mappings, servlet Spring Security's refusals. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping")
    @ConditionalOnBean(ErrorRenderer.class)
    static class ServletConfiguration {

        private static final boolean SECURITY_PRESENT = ClassUtils.isPresent("org.springframework.security.web.FilterChainProxy", LOADER);

        /**
         * The customizer springdoc applies to every document (every group) it builds. Every response
         * is rendered by the service's own {@link ErrorRenderer}: its configuration (path formats,
         * problem details, source, challenge, locales, translators) is the document's.
         */
        @Bean
        @ConditionalOnMissingBean(name = "restfaultOpenApiCustomizer")
        GlobalOpenApiCustomizer restfaultOpenApiCustomizer(ErrorRenderer renderer, RestfaultOpenApiProperties openApi,
                ApplicationContext context,
                ObjectProvider<org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping> mappings,
                ObjectProvider<SecurityInspector> inspectors) {
            return customizer(renderer, new WebMvcFailures(), openApi, security -> WebMvcOperations.index(
                    mappings.orderedStream().toList(), security),
                    () -> security(SECURITY_PRESENT ? ServletSecurity.inspector(context) : SecurityInspector.NONE, inspectors));
        }
    }

    /** Loaded only when servlet Spring Security is on the class path. */
    private static final class ServletSecurity {
        static SecurityInspector inspector(ApplicationContext context) {
            var proxies = context.getBeansOfType(org.springframework.security.web.FilterChainProxy.class);
            if (proxies.isEmpty()) {
                return SecurityInspector.NONE;
            }
            List<org.springframework.security.web.SecurityFilterChain> chains = new ArrayList<>();
            proxies.values().forEach(p -> chains.addAll(p.getFilterChains()));
            return new ServletSecurityInspector(() -> chains);
        }
    }

    /** WebFlux: the operations of its annotated request mappings, reactive Spring Security's refusals. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    @ConditionalOnClass(name = "org.springframework.web.reactive.result.method.RequestMappingInfoHandlerMapping")
    @ConditionalOnBean(ErrorRenderer.class)
    static class ReactiveConfiguration {

        private static final boolean SECURITY_PRESENT = ClassUtils.isPresent(
                "org.springframework.security.web.server.WebFilterChainProxy", LOADER);

        /** As {@link ServletConfiguration#restfaultOpenApiCustomizer}, for WebFlux. */
        @Bean
        @ConditionalOnMissingBean(name = "restfaultOpenApiCustomizer")
        GlobalOpenApiCustomizer restfaultOpenApiCustomizer(ErrorRenderer renderer, RestfaultOpenApiProperties openApi,
                ApplicationContext context,
                ObjectProvider<org.springframework.web.reactive.result.method.RequestMappingInfoHandlerMapping> mappings,
                ObjectProvider<SecurityInspector> inspectors) {
            return customizer(renderer, new WebFluxFailures(), openApi, security -> WebFluxOperations.index(
                    mappings.orderedStream().toList(), security),
                    () -> security(SECURITY_PRESENT ? ReactiveSecurity.inspector(context) : SecurityInspector.NONE, inspectors));
        }
    }

    /** Loaded only when reactive Spring Security is on the class path. */
    private static final class ReactiveSecurity {
        static SecurityInspector inspector(ApplicationContext context) {
            var proxies = context.getBeansOfType(org.springframework.security.web.server.WebFilterChainProxy.class);
            List<SecurityInspector> each = new ArrayList<>();
            proxies.values().forEach(p -> each.add(new ReactiveSecurityInspector(p)));
            return either(each);
        }
    }

    private static GlobalOpenApiCustomizer customizer(ErrorRenderer renderer, StackFailures failures, RestfaultOpenApiProperties openApi,
            Function<SecurityInspector, OperationIndex> index, Supplier<SecurityInspector> security) {
        ErrorResponses responses = new ErrorResponses(renderer, failures, openApi.commonStatuses(), openApi.examples());
        LazyOperations operations = new LazyOperations(() -> index.apply(security.get()));
        return new IndexedWhenReady(new ContractErrorsCustomizer(operations, responses), operations);
    }

    /**
     * The customizer, which indexes the operations when the application is ready, on the thread
     * that announces it: asking the security what it refuses may have to wait for it, which the
     * event loop where springdoc builds a WebFlux document must never do.
     */
    private static final class IndexedWhenReady implements GlobalOpenApiCustomizer, ApplicationListener<ApplicationReadyEvent> {
        private final GlobalOpenApiCustomizer customizer;
        private final LazyOperations operations;

        IndexedWhenReady(GlobalOpenApiCustomizer customizer, LazyOperations operations) {
            this.customizer = customizer;
            this.operations = operations;
        }

        @Override
        public void customise(OpenAPI openApi) {
            customizer.customise(openApi);
        }

        @Override
        public void onApplicationEvent(ApplicationReadyEvent event) {
            operations.index().prepare();
        }
    }

    /** Spring Security's answer and every application inspector's, combined. */
    private static SecurityInspector security(SecurityInspector springSecurity, ObjectProvider<SecurityInspector> inspectors) {
        List<SecurityInspector> all = new ArrayList<>();
        all.add(springSecurity);
        inspectors.orderedStream().forEach(all::add);
        return either(all);
    }

    /** Every inspector's answer, combined: refused when one refuses. */
    private static SecurityInspector either(List<SecurityInspector> all) {
        return (method, path, handler) -> {
            OperationSecurity refused = OperationSecurity.NONE;
            for (SecurityInspector i : all) {
                refused = refused.or(i.inspect(method, path, handler));
            }
            return refused;
        };
    }

    /**
     * The operations' facts, indexed when the application is ready (or by the first document built
     * before that): by then every handler mapping and security filter chain is initialized. The
     * index is kept: mappings do not change once the application runs.
     */
    private static final class LazyOperations implements BiFunction<String, String, Optional<OperationFacts>> {
        private final Supplier<OperationIndex> build;
        private volatile OperationIndex operations;

        LazyOperations(Supplier<OperationIndex> build) {
            this.build = build;
        }

        @Override
        public Optional<OperationFacts> apply(String path, String method) {
            return index().find(path, method);
        }

        OperationIndex index() {
            OperationIndex o = operations;
            if (o == null) {
                synchronized (this) {
                    if (operations == null) {
                        operations = build.get();
                    }
                    o = operations;
                }
            }
            return o;
        }
    }
}
