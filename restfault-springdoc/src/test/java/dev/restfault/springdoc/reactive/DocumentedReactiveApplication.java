package dev.restfault.springdoc.reactive;

import dev.restfault.core.annotation.ContractError;
import dev.restfault.core.exception.ContractException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableReactiveMethodSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An ordinary Spring WebFlux service on Reactor Netty with reactive Spring Security, restfault and
 * springdoc's WebFlux starter: what restfault-springdoc documents is checked against what
 * restfault's WebFlux adapter really answers. Its handlers answer with {@code Mono}s and
 * {@code Flux}es.
 */
@SpringBootApplication
@EnableReactiveMethodSecurity
public class DocumentedReactiveApplication {

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http) {
        return http.authorizeExchange(a -> a
                        .pathMatchers("/open/**", "/v3/api-docs/**").permitAll()
                        .pathMatchers(HttpMethod.POST, "/orders").hasRole("ADMIN")
                        .anyExchange().authenticated())
                .httpBasic(Customizer.withDefaults())
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .build();
    }

    @Bean
    MapReactiveUserDetailsService users() {
        return new MapReactiveUserDetailsService(
                User.withUsername("clerk").password("{noop}clerk-password").roles("USER").build(),
                User.withUsername("admin").password("{noop}admin-password").roles("ADMIN").build());
    }

    /** The body of a create. */
    public record OrderRequest(@NotBlank String item) {
    }

    @RestController
    static class Orders {

        @GetMapping(path = "/orders/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
        Mono<Map<String, String>> get(@PathVariable String id) {
            return id.equals("1") ? Mono.just(Map.of("id", id)) : Mono.error(ContractException.notFound("No order " + id + "."));
        }

        @GetMapping(path = "/orders", produces = MediaType.APPLICATION_JSON_VALUE)
        Flux<Map<String, Integer>> list(@RequestParam int page) {
            return Flux.just(Map.of("page", page));
        }

        @ContractError(status = 409, codes = "orderExists", when = "An order for the item exists.")
        @PostMapping(path = "/orders", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
        Mono<Map<String, String>> create(@Valid @RequestBody Mono<OrderRequest> request) {
            return request.flatMap(r -> Mono.error(ContractException.builder(409).code("orderExists").build()));
        }

        /** Answers no body: no 406 can happen. */
        @DeleteMapping("/orders/{id}")
        Mono<Void> delete(@PathVariable String id) {
            return Mono.empty();
        }

        @PreAuthorize("hasRole('AUDITOR')")
        @GetMapping(path = "/orders/{id}/audit", produces = MediaType.APPLICATION_JSON_VALUE)
        Mono<Map<String, String>> audit(@PathVariable String id) {
            return Mono.just(Map.of("id", id));
        }

        @GetMapping(path = "/open/ping", produces = MediaType.APPLICATION_JSON_VALUE)
        Mono<Map<String, String>> ping() {
            return Mono.just(Map.of("pong", "yes"));
        }

        /** Mapped for every method: WebFlux routes them all here but TRACE, which restfault refuses with 405. */
        @RequestMapping(path = "/open/echo", produces = MediaType.APPLICATION_JSON_VALUE)
        Mono<Map<String, String>> echo() {
            return Mono.just(Map.of("echo", "yes"));
        }

        /** Under restfault.formats[/partner]=partner-api: its errors are the Partner API's. */
        @GetMapping(path = "/partner/orders/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
        Mono<Map<String, String>> partner(@PathVariable String id) {
            return Mono.error(ContractException.notFound("No order " + id + "."));
        }
    }
}
