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
    /**
     * The simulation endpoints: open to everyone, not throttled, outside the bound on requests in
     * flight (delayed simulations have their own bound).
     */
    public static final String[] SIMULATE = {"/v1/simulate/**", "/partner/v1/simulate/**"};

    /**
     * The built-in simulated upstream; outside the API and its guards, it answers loopback callers
     * only, within its own bound on calls in progress.
     */
    public static final String UPSTREAM = "/upstream";

    /**
     * Interceptor order (lower runs first): cheapest refusal first. Maintenance and the
     * concurrency bound sit in front, as a gateway would; authentication next. (The per-token
     * rate limit is not an interceptor: the starter's throttling filter counts a request before
     * any of them.) This one: the maintenance switch (503), first of all.
     */
    public static final int ORDER_MAINTENANCE = 10;
    /** Order of the bound on requests in flight (503), right after maintenance. */
    public static final int ORDER_CONCURRENCY = 20;
    /** Order of token authentication (401, and 403 for a read-only token on a write). */
    public static final int ORDER_AUTH = 30;
    /** Order of the admin endpoints' own check (403 for a read-only token), after authentication. */
    public static final int ORDER_ADMIN = 31;

    private ApiPaths() {
    }
}
