package dev.restfault.sandbox;

/**
 * The sandbox's path patterns, shared by the controllers and the interceptors so that what is
 * guarded and what is served cannot drift apart. Every API resource is served twice: under
 * {@code /v1} in the Partner Center format and under {@code /partner/v1} in the Partner API
 * format (the starter picks the format by path prefix).
 */
public final class ApiPaths {

    /** Prefix of the Partner Center-format API. */
    public static final String PARTNER_CENTER = "/v1";
    /** Prefix of the Partner API-format API. */
    public static final String PARTNER_API = "/partner/v1";

    /** Every API path, both formats. */
    public static final String[] API = {"/v1/**", "/partner/v1/**"};
    /** The admin endpoints (maintenance, upstream mode, diagnostics): read-write tokens only. */
    public static final String[] ADMIN = {"/v1/admin/**", "/partner/v1/admin/**"};
    /** The simulation endpoints: open to everyone, not throttled. */
    public static final String[] SIMULATE = {"/v1/simulate/**", "/partner/v1/simulate/**"};

    /** The built-in simulated upstream; outside the API, never guarded. */
    public static final String UPSTREAM = "/upstream";

    /**
     * Interceptor order: cheapest refusal first. Maintenance and the concurrency bound sit in
     * front, as a gateway would; authentication next; the per-token rate limit needs the caller.
     */
    public static final int ORDER_MAINTENANCE = 10;
    public static final int ORDER_CONCURRENCY = 20;
    public static final int ORDER_AUTH = 30;
    public static final int ORDER_ADMIN = 31;
    public static final int ORDER_RATE_LIMIT = 40;

    private ApiPaths() {
    }
}
