package dev.restfault.spring.reactive.throttleapp;

import dev.restfault.core.exception.ContractException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The WebFlux application of the throttling tests, on Reactor Netty: reactive Spring Security
 * (HTTP basic, for subject keys), limits in the properties the test passes, and restfault's
 * starter. Nothing throttling-specific in its code.
 */
@SpringBootApplication
@RestController
public class ReactiveThrottleApplication {

    /** Requests the controller has served: a refused request never reaches it. */
    public static final AtomicInteger SERVED = new AtomicInteger();

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http) {
        return http.authorizeExchange(a -> a.pathMatchers("/api/me").authenticated().anyExchange().permitAll())
                .httpBasic(Customizer.withDefaults())
                .csrf(c -> c.disable())
                .build();
    }

    @Bean
    MapReactiveUserDetailsService users() {
        return new MapReactiveUserDetailsService(User.withUsername("alice").password("{noop}alice-pw").roles("USER").build());
    }

    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }

    @GetMapping("/api/items")
    Mono<Map<String, String>> items() {
        return Mono.fromSupplier(() -> {
            SERVED.incrementAndGet();
            return Map.of("items", "[]");
        });
    }

    @GetMapping("/api/items/{id}")
    Mono<Map<String, String>> item(@PathVariable String id) {
        return Mono.error(() -> {
            SERVED.incrementAndGet();
            return ContractException.notFound("Item " + id + " does not exist.");
        });
    }

    @GetMapping("/api/me")
    Mono<Map<String, String>> me(java.security.Principal principal) {
        SERVED.incrementAndGet();
        return Mono.just(Map.of("name", principal.getName()));
    }
}
