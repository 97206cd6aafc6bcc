package dev.restfault.springdoc.autoconfigure;

import dev.restfault.core.i18n.ContractMessages;
import dev.restfault.core.model.Descriptions;
import dev.restfault.json.ErrorWriter;
import dev.restfault.server.ErrorRenderer;
import dev.restfault.spring.RestfaultProperties;
import dev.restfault.spring.autoconfigure.RestfaultAutoConfiguration;
import dev.restfault.springdoc.OperationSecurity;
import dev.restfault.springdoc.RestfaultOpenApiProperties;
import dev.restfault.springdoc.SecurityInspector;
import dev.restfault.springdoc.implementation.ContractErrorsCustomizer;
import dev.restfault.springdoc.implementation.ErrorResponses;
import dev.restfault.springdoc.implementation.OperationFacts;
import dev.restfault.springdoc.implementation.PathFormats;
import dev.restfault.springdoc.implementation.ServletSecurityInspector;
import dev.restfault.springdoc.implementation.WebMvcOperations;
import java.util.Optional;
import java.util.function.BiFunction;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Auto-configuration of restfault-springdoc for Spring MVC: with springdoc and restfault's starter
 * on the class path, the OpenAPI document gets restfault's error components and, on every
 * operation, the error responses restfault really answers there.
 *
 * <p>Active in servlet web applications where restfault's starter is active (its renderer bean
 * exists) unless {@code restfault.openapi.enabled=false}. The customizer backs off when the
 * application defines a bean named {@code restfaultOpenApiCustomizer}.
 */
@AutoConfiguration(after = RestfaultAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({GlobalOpenApiCustomizer.class, RequestMappingInfoHandlerMapping.class})
@ConditionalOnBean(ErrorRenderer.class)
@ConditionalOnBooleanProperty(name = "restfault.openapi.enabled", matchIfMissing = true)
@EnableConfigurationProperties(RestfaultOpenApiProperties.class)
public class RestfaultSpringdocAutoConfiguration {

    private static final boolean SECURITY_PRESENT = ClassUtils.isPresent(
            "org.springframework.security.web.FilterChainProxy", RestfaultSpringdocAutoConfiguration.class.getClassLoader());

    /** The customizer springdoc applies to every document (every group) it builds. */
    @Bean
    @ConditionalOnMissingBean(name = "restfaultOpenApiCustomizer")
    public GlobalOpenApiCustomizer restfaultOpenApiCustomizer(RestfaultProperties restfault, RestfaultOpenApiProperties openApi,
            ContractMessages messages, ErrorWriter writer, Environment environment, ApplicationContext context,
            ObjectProvider<RequestMappingInfoHandlerMapping> mappings, ObjectProvider<SecurityInspector> inspectors) {
        ErrorResponses responses = new ErrorResponses(new ErrorResponses.Settings(
                new PathFormats(restfault.format(), restfault.formats()), restfault.problemDetails(),
                source(restfault, environment), messages, writer, openApi.commonStatuses(), openApi.examples()));
        return new ContractErrorsCustomizer(new LazyOperations(context, mappings, inspectors), responses,
                restfault.challenge().toChallenge().toHeaderValue());
    }

    /**
     * The {@code source} the starter writes: {@code restfault.source}, else
     * {@code spring.application.name}, else {@code service} (restfault-spring-boot's documented rule).
     */
    private static String source(RestfaultProperties properties, Environment environment) {
        if (properties.source() != null && !Descriptions.isBlank(properties.source())) {
            return properties.source();
        }
        String name = environment.getProperty("spring.application.name");
        return name != null && !Descriptions.isBlank(name) ? name : "service";
    }

    /**
     * The operations' facts, indexed the first time a document is built: by then every handler
     * mapping and security filter chain is initialized. The index is kept: mappings do not change
     * once the application runs.
     */
    private static final class LazyOperations implements BiFunction<String, String, Optional<OperationFacts>> {
        private final ApplicationContext context;
        private final ObjectProvider<RequestMappingInfoHandlerMapping> mappings;
        private final ObjectProvider<SecurityInspector> inspectors;
        private volatile WebMvcOperations operations;

        LazyOperations(ApplicationContext context, ObjectProvider<RequestMappingInfoHandlerMapping> mappings,
                ObjectProvider<SecurityInspector> inspectors) {
            this.context = context;
            this.mappings = mappings;
            this.inspectors = inspectors;
        }

        @Override
        public Optional<OperationFacts> apply(String path, String method) {
            WebMvcOperations o = operations;
            if (o == null) {
                synchronized (this) {
                    if (operations == null) {
                        operations = new WebMvcOperations(mappings.orderedStream().toList(), security(context, inspectors));
                    }
                    o = operations;
                }
            }
            return o.find(path, method);
        }
    }

    /** Spring Security's answer and every application inspector's, combined: refused when one refuses. */
    private static SecurityInspector security(ApplicationContext context, ObjectProvider<SecurityInspector> inspectors) {
        java.util.List<SecurityInspector> all = new java.util.ArrayList<>();
        if (SECURITY_PRESENT) {
            all.add(SpringSecurity.inspector(context));
        }
        inspectors.orderedStream().forEach(all::add);
        return (method, path, handler) -> {
            OperationSecurity refused = OperationSecurity.NONE;
            for (SecurityInspector i : all) {
                refused = refused.or(i.inspect(method, path, handler));
            }
            return refused;
        };
    }

    /** Loaded only when Spring Security is on the class path. */
    private static final class SpringSecurity {
        static SecurityInspector inspector(ApplicationContext context) {
            var proxies = context.getBeansOfType(org.springframework.security.web.FilterChainProxy.class);
            if (proxies.isEmpty()) {
                return SecurityInspector.NONE;
            }
            java.util.List<org.springframework.security.web.SecurityFilterChain> chains = new java.util.ArrayList<>();
            proxies.values().forEach(p -> chains.addAll(p.getFilterChains()));
            return new ServletSecurityInspector(() -> chains);
        }
    }
}
