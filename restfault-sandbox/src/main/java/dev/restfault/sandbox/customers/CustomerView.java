package dev.restfault.sandbox.customers;

import java.time.Instant;

/**
 * A customer as the API sends it, with Partner Center's {@code attributes} object carrying the
 * entity tag and the object type.
 */
record CustomerView(String id, String companyName, String email, String domain, String country,
        Instant createdAt, Instant updatedAt, Attributes attributes) {

    record Attributes(String etag, String objectType) {
    }

    static CustomerView of(Customer c) {
        return new CustomerView(c.id(), c.companyName(), c.email(), c.domain(), c.country(),
                c.createdAt(), c.updatedAt(), new Attributes(c.entityTag(), "Customer"));
    }
}
