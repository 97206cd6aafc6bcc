package dev.restfault.spring.testapp;

import dev.restfault.core.exception.ContractException;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.time.Duration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.validation.annotation.Validated;

/** A service layer: contract exceptions, method security and method validation outside MVC. */
@Service
@Validated
public class ItemService {

    public String throttled() {
        throw ContractException.tooManyRequests(Duration.ofSeconds(30));
    }

    @PreAuthorize("hasRole('ADMIN')")
    public String adminOnly() {
        return "admin";
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
