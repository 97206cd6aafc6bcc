package dev.restfault.spring.corsapp;

import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * CORS configured the way Spring Security applications do: {@code cors()} on the filter chain
 * with a {@link CorsConfigurationSource} bean allowing one origin and {@code GET}. Security then
 * refuses other origins in its own {@code CorsFilter}, before Spring MVC.
 */
@SpringBootApplication
public class CorsApplication {

    /** The one origin allowed. */
    public static final String ALLOWED_ORIGIN = "https://app.example";

    @Bean
    SecurityFilterChain chain(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.disable())
                .cors(Customizer.withDefaults())
                .build();
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource() {
        CorsConfiguration allowed = new CorsConfiguration();
        allowed.setAllowedOrigins(List.of(ALLOWED_ORIGIN));
        allowed.setAllowedMethods(List.of("GET"));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", allowed);
        return source;
    }

    @RestController
    static class Items {

        @GetMapping("/items")
        Map<String, String> items() {
            return Map.of("id", "1");
        }
    }
}
