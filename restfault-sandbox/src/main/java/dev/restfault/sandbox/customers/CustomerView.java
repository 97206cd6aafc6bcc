package dev.restfault.sandbox.customers;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * A customer as the API sends it, with Partner Center's {@code attributes} object carrying the
 * entity tag and the object type. (The {@code @Schema} tells the console's OpenAPI document that
 * {@code country} is sent as null when absent, which it cannot see in the record.)
 */
record CustomerView(String id, String companyName, String email, String domain,
        @Schema(types = {"string", "null"}, description = "ISO 3166 alpha-2; null when the customer gave none") String country,
        Instant createdAt, Instant updatedAt, Attributes attributes) {

    record Attributes(String etag, String objectType) {
    }

    static CustomerView of(Customer c) {
        return new CustomerView(c.id(), c.companyName(), c.email(), c.domain(), c.country(),
                c.createdAt(), c.updatedAt(), new Attributes(c.entityTag(), "Customer"));
    }
}
