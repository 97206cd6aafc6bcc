package dev.restfault.sandbox.customers;

import java.time.Instant;
import java.util.Objects;

/**
 * A customer as the store holds it. Immutable: an update makes a new instance with the next
 * version, so a reader never sees half an update.
 *
 * @param id a GUID, lower case
 * @param companyName the company's name
 * @param email the contact address
 * @param domain the company's domain, lower case, unique in the store
 * @param country an ISO 3166 alpha-2 code, or null
 * @param version starts at 1, grows by one per update; the entity tag is derived from it
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
public record Customer(String id, String companyName, String email, String domain, String country,
        long version, Instant createdAt, Instant updatedAt) {

    public Customer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(companyName, "companyName");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1");
        }
    }

    /** The strong entity tag of the current version, quoted as {@code ETag} sends it: {@code "v3"}. */
    public String entityTag() {
        return "\"v" + version + "\"";
    }
}
