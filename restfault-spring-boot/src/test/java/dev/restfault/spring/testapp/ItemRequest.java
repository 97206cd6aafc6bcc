package dev.restfault.spring.testapp;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A request body with constraints. */
public record ItemRequest(@NotBlank String name, @Min(1) int quantity, @Size(max = 5) String sku) {
}
