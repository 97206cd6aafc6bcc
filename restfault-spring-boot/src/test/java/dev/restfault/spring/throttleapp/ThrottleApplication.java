package dev.restfault.spring.throttleapp;

import dev.restfault.core.exception.ContractException;
import dev.restfault.throttling.CallerKeyResolver;
import dev.restfault.throttling.RateLimit;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The application of the throttling tests: an ordinary Spring MVC service with Spring Security
 * (HTTP basic, for token-subject keys), limits in its properties
 * ({@code throttleapp/application.properties}), one {@link RateLimit} bean and one
 * {@link CallerKeyResolver} bean, and restfault's starter.
 */
@SpringBootApplication
@RestController
public class ThrottleApplication {

    /** Requests the controller has served: a refused request never reaches it. */
    public static final AtomicInteger SERVED = new AtomicInteger();

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a.requestMatchers("/api/me").authenticated().anyRequest().permitAll())
                .httpBasic(Customizer.withDefaults())
                .csrf(c -> c.disable());
        return http.build();
    }

    @Bean
    UserDetailsService users() {
        return new InMemoryUserDetailsManager(
                User.withUsername("alice").password("{noop}alice-pw").roles("USER").build(),
                User.withUsername("bob").password("{noop}bob-pw").roles("USER").build());
    }

    /** The application's own key: the team an API key belongs to. */
    @Bean
    CallerKeyResolver apiKeyTeam() {
        return request -> request.header("X-Api-Key").map(k -> k.startsWith("team-a-") ? "team-a" : "other");
    }

    /** A limit as a bean: one report per minute and team, with its own code and localized text. */
    @Bean
    @Order(1)
    RateLimit reports(CallerKeyResolver apiKeyTeam) {
        return RateLimit.builder("reports").capacity(1).refill(1, Duration.ofMinutes(1))
                .key(apiKeyTeam).route("/api/reports").code("reportsThrottled").build();
    }

    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }

    @GetMapping("/api/items")
    Map<String, String> items() {
        SERVED.incrementAndGet();
        return Map.of("items", "[]");
    }

    @GetMapping("/api/items/{id}")
    Map<String, String> item(@PathVariable String id) {
        SERVED.incrementAndGet();
        throw ContractException.notFound("Item " + id + " does not exist.");
    }

    @PostMapping("/api/items")
    Map<String, String> create() {
        SERVED.incrementAndGet();
        return Map.of("created", "yes");
    }

    @GetMapping("/api/me")
    Map<String, String> me(Principal principal) {
        SERVED.incrementAndGet();
        return Map.of("name", principal.getName());
    }

    @GetMapping("/api/reports")
    Map<String, String> reports() {
        SERVED.incrementAndGet();
        return Map.of("report", "ok");
    }

    /** An error set by sendError: rendered by the starter on the error dispatch, counted once. */
    @GetMapping("/api/gone")
    void gone(HttpServletResponse response) throws IOException {
        SERVED.incrementAndGet();
        response.sendError(410);
    }
}
