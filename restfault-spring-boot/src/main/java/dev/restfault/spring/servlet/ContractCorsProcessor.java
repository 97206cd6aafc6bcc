package dev.restfault.spring.servlet;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Consumer;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.util.ClassUtils;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.filter.CorsFilter;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;

/**
 * Spring's CORS processing with its refusal in the contract. {@link DefaultCorsProcessor} answers
 * a request whose origin, method or headers the CORS configuration does not allow with a 403
 * whose body is the text {@code Invalid CORS request}, written and flushed straight to the
 * response, where no error handling sees it. This processor sends that 403 with
 * {@code sendError} instead, which restfault answers like any other: the contract's 403, its
 * headers, ids and language. Allowed requests and preflights are Spring's, unchanged.
 *
 * <p>{@link #installer()} puts it wherever Spring MVC applications configure CORS: the handler
 * mappings ({@code @CrossOrigin}, {@code WebMvcConfigurer.addCorsMappings}), {@link CorsFilter}
 * beans (also inside a {@link FilterRegistrationBean}) and the {@code CorsFilter} that Spring
 * Security's {@code cors()} adds to a filter chain.
 */
public final class ContractCorsProcessor extends DefaultCorsProcessor {

    private static final boolean SECURITY_PRESENT = ClassUtils.isPresent(
            "org.springframework.security.web.SecurityFilterChain", ContractCorsProcessor.class.getClassLoader());

    /** Sends the refusal through {@code sendError}; any other response type gets Spring's answer. */
    @Override
    protected void rejectRequest(ServerHttpResponse response) throws IOException {
        if (response instanceof ServletServerHttpResponse servlet) {
            servlet.getServletResponse().sendError(HttpServletResponse.SC_FORBIDDEN);
        } else {
            super.rejectRequest(response);
        }
    }

    /**
     * A bean post-processor that gives this processor to every handler mapping still on Spring's
     * default one (a mapping given a processor of the application's own keeps it), to every
     * {@code CorsFilter} bean or registered filter, and to the {@code CorsFilter} of every Spring
     * Security filter chain. A {@code CorsFilter} does not tell which processor it has: one that
     * the application gave a processor of its own must get it again after this post-processor
     * ran (or not be a bean).
     */
    public static BeanPostProcessor installer() {
        return new Installer();
    }

    private static final class Installer implements BeanPostProcessor {

        private final ContractCorsProcessor processor = new ContractCorsProcessor();

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            if (bean instanceof AbstractHandlerMapping mapping) {
                // Exactly Spring's default: a subclass or another processor is the application's choice.
                if (mapping.getCorsProcessor().getClass() == DefaultCorsProcessor.class) {
                    mapping.setCorsProcessor(processor);
                }
            } else if (bean instanceof CorsFilter filter) {
                filter.setCorsProcessor(processor);
            } else if (bean instanceof FilterRegistrationBean<?> registration) {
                install(registration.getFilter());
            } else if (SECURITY_PRESENT) {
                SecurityChains.install(bean, this::install);
            }
            return bean;
        }

        private void install(Filter filter) {
            if (filter instanceof CorsFilter cors) {
                cors.setCorsProcessor(processor);
            }
        }
    }

    /** Kept apart so that Spring Security's types are loaded only when it is present. */
    private static final class SecurityChains {

        static void install(Object bean, Consumer<Filter> install) {
            if (bean instanceof org.springframework.security.web.SecurityFilterChain chain) {
                chain.getFilters().forEach(install);
            }
        }
    }
}
