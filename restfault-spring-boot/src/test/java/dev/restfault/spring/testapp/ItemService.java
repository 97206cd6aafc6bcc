package dev.restfault.spring.testapp;

import dev.restfault.core.exception.ContractException;
import jakarta.validation.constraints.Min;
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
}
