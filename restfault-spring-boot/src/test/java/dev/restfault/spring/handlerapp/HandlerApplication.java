package dev.restfault.spring.handlerapp;

import dev.restfault.core.exception.ContractException;
import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * An application with {@code @ExceptionHandler} methods of its own, in a controller and in advice:
 * they take what they map, before restfault; restfault answers the rest.
 */
@SpringBootApplication
public class HandlerApplication {

    @Bean
    SecurityFilterChain openToAll(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(a -> a.anyRequest().permitAll()).csrf(c -> c.disable()).build();
    }

    /** Mapped by the controller's own handler. */
    public static final class LocalFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    /** Mapped by the advice. */
    public static final class AdvisedFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    /** Mapped by an advice method that produces plain text only. */
    public static final class TextOnlyFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    @RestController
    static class FailingController {

        @GetMapping("/local")
        String local() {
            throw new LocalFailure();
        }

        @GetMapping("/advised")
        String advised() {
            throw new AdvisedFailure();
        }

        @GetMapping("/advised-cause")
        String advisedCause() {
            throw new IllegalStateException("wrapped", new AdvisedFailure());
        }

        @GetMapping("/text-only")
        String textOnly() {
            throw new TextOnlyFailure();
        }

        @GetMapping("/contract")
        String contract() {
            throw ContractException.notFound("Item 7 does not exist.");
        }

        @GetMapping("/unexpected")
        String unexpected() {
            throw new IllegalStateException("internal detail");
        }

        @ExceptionHandler(LocalFailure.class)
        ResponseEntity<Map<String, String>> onLocal(LocalFailure failure) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("handledBy", "controller"));
        }
    }

    @RestController
    static class OtherController {

        @GetMapping("/other-local")
        String otherLocal() {
            // The other controller's handler does not apply here.
            throw new LocalFailure();
        }
    }

    @RestControllerAdvice
    static class Advice {

        @ExceptionHandler(AdvisedFailure.class)
        ResponseEntity<Map<String, String>> onAdvised(AdvisedFailure failure) {
            return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY).body(Map.of("handledBy", "advice"));
        }

        @ExceptionHandler(exception = TextOnlyFailure.class, produces = "text/plain")
        ResponseEntity<String> onTextOnly(TextOnlyFailure failure) {
            return ResponseEntity.status(HttpStatus.GONE).body("handled by advice as text");
        }
    }
}
