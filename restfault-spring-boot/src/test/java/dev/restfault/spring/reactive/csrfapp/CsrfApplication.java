package dev.restfault.spring.reactive.csrfapp;

import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * A WebFlux application whose security chain keeps reactive Spring Security's CSRF protection, on
 * by default: every path open to anyone, HTTP basic, nothing CSRF-specific in its code.
 */
@SpringBootApplication
@RestController
public class CsrfApplication {

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http) {
        return http.authorizeExchange(a -> a.anyExchange().permitAll())
                .httpBasic(Customizer.withDefaults())
                .build();
    }

    @Bean
    MapReactiveUserDetailsService users() {
        return new MapReactiveUserDetailsService(User.withUsername("user").password("{noop}secret").roles("USER").build());
    }

    @GetMapping("/notes")
    Mono<Map<String, String>> notes() {
        return Mono.just(Map.of("notes", "[]"));
    }

    @PostMapping(path = "/notes", consumes = "application/json")
    Mono<Map<String, Object>> add(@RequestBody Mono<Map<String, Object>> note) {
        return note;
    }
}
