package dev.restfault.sandbox.customers;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of a create or a full update. Bean Validation checks every field and reports every
 * violation at once; the starter turns them into a 400 with one {@code data} entry each, whose
 * {@code source} names the field. Lengths are bounded so no field can grow the store without
 * limit.
 *
 * @param companyName required, 1..200 characters
 * @param email required, a well-formed address, at most 254 characters
 * @param domain required, a DNS name such as {@code contoso.example}, at most 253 characters;
 *     compared without regard to case
 * @param country optional ISO 3166 alpha-2 code such as {@code US}
 */
public record CustomerRequest(
        @NotBlank @Size(max = 200) String companyName,
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Size(max = 253)
        @Pattern(regexp = "(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+")
        String domain,
        @Pattern(regexp = "[A-Z]{2}") String country) {
}
