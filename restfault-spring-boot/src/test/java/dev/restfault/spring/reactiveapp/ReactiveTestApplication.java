package dev.restfault.spring.reactiveapp;

import dev.restfault.core.exception.ContractException;
import dev.restfault.spring.testapp.ItemRequest;
import dev.restfault.spring.testapp.TestTranslators;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableReactiveMethodSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

/**
 * The application the WebFlux tests run on Reactor Netty: the same endpoints as the Spring MVC test
 * application ({@code testapp.TestApplication}), written the WebFlux way (annotated controllers,
 * functional routes, {@code WebFilter}s, reactive Spring Security and method security), with Bean
 * Validation and restfault's starter, and no restfault-specific code besides throwing
 * {@link ContractException} and the same {@link TestTranslators}.
 */
@SpringBootApplication
@EnableReactiveMethodSecurity
@Import(TestTranslators.class)
public class ReactiveTestApplication {

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http) {
        return http.authorizeExchange(a -> a
                        .pathMatchers("/secure/admin").hasRole("ADMIN")
                        .pathMatchers("/secure/**").authenticated()
                        .anyExchange().permitAll())
                .httpBasic(Customizer.withDefaults())
                .csrf(c -> c.disable())
                .build();
    }

    @Bean
    MapReactiveUserDetailsService users() {
        return new MapReactiveUserDetailsService(User.withUsername("user").password("{noop}secret").roles("USER").build());
    }

    /**
     * A filter after restfault's: what it throws or signals, and the status it completes without a
     * body, are rendered by restfault. Also the WebFlux stand-in for the Spring MVC application's
     * interceptor ({@code /throw/interceptor}).
     */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    WebFilter throwingFilter() {
        return (exchange, chain) -> {
            String marker = exchange.getRequest().getQueryParams().getFirst("marker");
            switch (exchange.getRequest().getPath().pathWithinApplication().value()) {
                case "/filter/contract":
                    return Mono.error(ContractException.serviceUnavailable(Duration.ofSeconds(120)));
                case "/filter/runtime":
                    throw new IllegalStateException("filter secret: jdbc:postgresql://db/prod " + marker);
                case "/filter/disconnect":
                    // What Reactor Netty signals when it writes to a client that has gone away.
                    return Mono.error(new reactor.netty.channel.AbortedException("Broken pipe " + marker));
                case "/filter/upstream-broken-pipe":
                    // The application's own call to an upstream failing: the server's failure.
                    return Mono.error(new java.io.IOException("Broken pipe " + marker));
                case "/filter/send-error":
                    exchange.getResponse().setStatusCode(HttpStatus.FORBIDDEN);
                    return exchange.getResponse().setComplete();
                case "/throw/interceptor", "/unread/interceptor":
                    throw ContractException.preconditionFailed("\"v7\"");
                default:
                    return chain.filter(exchange);
            }
        };
    }

    /** The failures that went by {@link #earlyFilter}, latest last. */
    public static final List<Throwable> EARLY_FILTER_SAW = new CopyOnWriteArrayList<>();

    /**
     * A filter before restfault's: its exception still reaches restfault's exception handler, and
     * it still sees the failures of the rest of the chain go by.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    WebFilter earlyFilter() {
        return (exchange, chain) -> "/early/boom".equals(exchange.getRequest().getPath().pathWithinApplication().value())
                ? Mono.error(new IllegalStateException("early filter secret "
                        + exchange.getRequest().getQueryParams().getFirst("marker")))
                : chain.filter(exchange).doOnError(EARLY_FILTER_SAW::add);
    }

    /** Functional endpoints, which zalando's problem-spring-web never covered. */
    @Bean
    RouterFunction<ServerResponse> functionalRoutes() {
        return RouterFunctions.route()
                .GET("/fn/items/{id}", request -> "missing".equals(request.pathVariable("id"))
                        ? Mono.error(ContractException.notFound("Functional item missing."))
                        : ServerResponse.ok().bodyValue(Map.of("id", request.pathVariable("id"))))
                .GET("/fn/boom", request -> {
                    throw new IllegalStateException("functional secret " + request.queryParam("marker").orElse(""));
                })
                .GET("/fn/bare", request -> ServerResponse.status(HttpStatus.CONFLICT).build())
                .POST("/fn/items", request -> request.bodyToMono(ItemRequest.class)
                        .flatMap(item -> ServerResponse.ok().bodyValue(Map.of("name", item.name()))))
                .build();
    }
}
