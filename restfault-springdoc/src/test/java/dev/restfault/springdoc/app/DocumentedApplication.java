package dev.restfault.springdoc.app;

import dev.restfault.core.annotation.ContractError;
import dev.restfault.core.annotation.UndocumentedErrors;
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
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An ordinary Spring MVC service with Spring Security, restfault's starter and springdoc: what
 * restfault-springdoc documents is checked against what it really answers.
 */
@SpringBootApplication
@EnableMethodSecurity
public class DocumentedApplication {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/open/**", "/v3/api-docs/**", "/legacy").permitAll()
                        .requestMatchers(HttpMethod.POST, "/orders").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                .csrf(c -> c.disable());
        return http.build();
    }

    @Bean
    UserDetailsService users() {
        return new InMemoryUserDetailsManager(User.withUsername("clerk").password("{noop}clerk-password").roles("USER").build(),
                User.withUsername("admin").password("{noop}admin-password").roles("ADMIN").build());
    }

    /** The body of a create. */
    public record OrderRequest(@NotBlank String item) {
    }

    @RestController
    static class Orders {

        @GetMapping(path = "/orders/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
        Map<String, String> get(@PathVariable String id) {
            if (!id.equals("1")) {
                throw ContractException.notFound("No order " + id + ".");
            }
            return Map.of("id", id);
        }

        /** A second method on the path: a 405's Allow names both, in the order the starter answers with. */
        @PatchMapping(path = "/orders/{id}", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
        Map<String, String> change(@PathVariable String id, @RequestBody Map<String, String> changes) {
            return Map.of("id", id);
        }

        @GetMapping(path = "/orders", produces = MediaType.APPLICATION_JSON_VALUE)
        Map<String, Integer> list(@RequestParam int page) {
            return Map.of("page", page);
        }

        @ContractError(status = 409, codes = "orderExists", when = "An order for the item exists.")
        @PostMapping(path = "/orders", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
        Map<String, String> create(@Valid @RequestBody OrderRequest request) {
            throw ContractException.builder(409).code("orderExists").build();
        }

        @PreAuthorize("hasRole('AUDITOR')")
        @GetMapping(path = "/orders/{id}/audit", produces = MediaType.APPLICATION_JSON_VALUE)
        Map<String, String> audit(@PathVariable String id) {
            return Map.of("id", id);
        }

        @GetMapping(path = "/open/ping", produces = MediaType.APPLICATION_JSON_VALUE)
        Map<String, String> ping() {
            return Map.of("pong", "yes");
        }

        @UndocumentedErrors
        @GetMapping(path = "/legacy", produces = MediaType.APPLICATION_JSON_VALUE)
        Map<String, String> legacy() {
            return Map.of();
        }

        @GetMapping(path = "/partner/orders/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
        Map<String, String> partner(@PathVariable String id) {
            throw ContractException.notFound("No order " + id + ".");
        }
    }
}
