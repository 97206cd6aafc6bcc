package dev.restfault.throttling;

/** Requests for the tests. */
final class Requests {

    private Requests() {
    }

    static ThrottledRequest get(String path) {
        return ThrottledRequest.builder("GET", path).build();
    }

    static ThrottledRequest bySubject(String subject) {
        return ThrottledRequest.builder("GET", "/v1/customers").subject(subject).clientAddress("192.0.2.1").build();
    }

    static ThrottledRequest byTenant(String tenant) {
        return ThrottledRequest.builder("GET", "/v1/customers").header("MS-PartnerTenantId", tenant).build();
    }
}
