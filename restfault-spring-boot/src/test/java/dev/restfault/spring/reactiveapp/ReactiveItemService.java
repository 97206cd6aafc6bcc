package dev.restfault.spring.reactiveapp;

import dev.restfault.core.exception.ContractException;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.validation.annotation.Validated;
import reactor.core.publisher.Mono;

/** A service layer: contract exceptions, reactive method security and method validation outside WebFlux. */
@Service
@Validated
public class ReactiveItemService {

    public String throttled() {
        throw ContractException.tooManyRequests(Duration.ofSeconds(30));
    }

    /** Reactive method security: the denial is signalled in the returned Mono. */
    @PreAuthorize("hasRole('ADMIN')")
    public Mono<String> adminOnly() {
        return Mono.just("admin");
    }

    public String reserve(@Min(1) int quantity) {
        return "reserved " + quantity;
    }

    /** Validated element by element: a blank one is the caller's error, named "names[i]". */
    public String tag(List<@NotBlank String> names) {
        return String.join(",", names);
    }

    /** Breaks its own return-value constraint: a server bug, not the caller's. */
    @NotNull
    public String brokenReturn() {
        return null;
    }
}
