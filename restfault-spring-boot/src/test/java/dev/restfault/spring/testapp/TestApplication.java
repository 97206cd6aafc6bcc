package dev.restfault.spring.testapp;

import dev.restfault.core.exception.ContractException;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The application the tests run on Tomcat and on Jetty: an ordinary Spring MVC service with
 * Spring Security, Bean Validation and restfault's starter, and no restfault-specific code
 * besides throwing {@link ContractException} and its {@link TestTranslators}.
 */
@SpringBootApplication
@EnableMethodSecurity
public class TestApplication implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                throw ContractException.preconditionFailed("\"v7\"");
            }
        }).addPathPatterns("/throw/interceptor", "/unread/interceptor");
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/secure/admin").hasRole("ADMIN")
                        .requestMatchers("/secure/**").authenticated()
                        .anyRequest().permitAll())
                .httpBasic(Customizer.withDefaults())
                .csrf(c -> c.disable());
        return http.build();
    }

    /** A plain servlet beside Spring MVC's: its failures bypass Spring MVC entirely. */
    @Bean
    ServletRegistrationBean<HttpServlet> plainServlet() {
        return new ServletRegistrationBean<>(new HttpServlet() {
            private static final long serialVersionUID = 1L;

            @Override
            protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
                if (req.getRequestURI().endsWith("/conflict")) {
                    throw ContractException.conflict("plainConflict", "The plain servlet refuses.");
                }
                if (req.getRequestURI().endsWith("/boom")) {
                    throw new IllegalStateException("plain servlet secret");
                }
                resp.sendError(404, "plain internal detail");
            }
        }, "/plain/*");
    }

    /** Functional endpoints (WebMvc.fn), which zalando's problem-spring-web never covered. */
    @Bean
    org.springframework.web.servlet.function.RouterFunction<org.springframework.web.servlet.function.ServerResponse> functionalRoutes() {
        return org.springframework.web.servlet.function.RouterFunctions.route()
                .GET("/fn/items/{id}", request -> {
                    if ("missing".equals(request.pathVariable("id"))) {
                        throw ContractException.notFound("Functional item missing.");
                    }
                    return org.springframework.web.servlet.function.ServerResponse.ok().body(java.util.Map.of("id", request.pathVariable("id")));
                })
                .GET("/fn/boom", request -> {
                    throw new IllegalStateException("functional secret " + request.param("marker").orElse(""));
                })
                .GET("/fn/bare", request -> org.springframework.web.servlet.function.ServerResponse.status(409).build())
                .POST("/fn/items", request -> org.springframework.web.servlet.function.ServerResponse.ok()
                        .body(java.util.Map.of("name", request.body(ItemRequest.class).name())))
                .build();
    }

    @Bean
    UserDetailsService users() {
        return new InMemoryUserDetailsManager(User.withUsername("user").password("{noop}secret").roles("USER").build());
    }

    /** A filter after restfault's: what it throws or sends is rendered by restfault's filter. */
    @Bean
    FilterRegistrationBean<Filter> throwingFilter() {
        FilterRegistrationBean<Filter> r = new FilterRegistrationBean<>((req, res, chain) -> {
            String path = ((HttpServletRequest) req).getRequestURI();
            switch (path) {
                case "/filter/contract":
                    throw ContractException.serviceUnavailable(Duration.ofSeconds(120));
                case "/filter/runtime":
                    throw new IllegalStateException("filter secret: jdbc:postgresql://db/prod " + req.getParameter("marker"));
                case "/filter/disconnect":
                    // What Spring throws when it writes to a client that has gone away.
                    throw new org.springframework.web.context.request.async.AsyncRequestNotUsableException(
                            "Broken pipe " + req.getParameter("marker"));
                case "/filter/upstream-broken-pipe":
                    // The application's own call to an upstream failing: the server's failure.
                    throw new java.io.IOException("Broken pipe " + req.getParameter("marker"));
                case "/filter/send-error":
                    ((HttpServletResponse) res).sendError(403, "filter internal detail");
                    return;
                default:
                    chain.doFilter(req, res);
            }
        });
        r.setOrder(Ordered.LOWEST_PRECEDENCE);
        r.addUrlPatterns("/filter/*");
        return r;
    }

    /**
     * A filter before restfault's: its exception reaches the container, whose error page
     * dispatch restfault renders.
     */
    @Bean
    FilterRegistrationBean<Filter> earlyFilter() {
        FilterRegistrationBean<Filter> r = new FilterRegistrationBean<>((req, res, chain) -> {
            if ("/early/boom".equals(((HttpServletRequest) req).getRequestURI())) {
                throw new IllegalStateException("early filter secret " + req.getParameter("marker"));
            }
            if ("/early/readonly".equals(((HttpServletRequest) req).getRequestURI())
                    && "DELETE".equals(((HttpServletRequest) req).getMethod())) {
                ((HttpServletResponse) res).sendError(405);
                return;
            }
            if ("/early/send-error".equals(((HttpServletRequest) req).getRequestURI())) {
                ((HttpServletResponse) res).sendError(409, "early internal detail");
                return;
            }
            chain.doFilter(req, res);
        });
        r.setOrder(Ordered.HIGHEST_PRECEDENCE);
        r.addUrlPatterns("/early/*");
        return r;
    }
}
