package dev.restfault.sandbox;

/**
 * Keys of the sandbox's localized texts, in {@code messages*.properties} (en-US, fr-FR, ja-JP,
 * zh-TW). The starter resolves them in the request's language when it renders an error; the
 * keys starting with {@code code.} describe the sandbox's own error codes.
 */
public final class Texts {

    /** 401: the token is not one the sandbox is configured with. No arguments. */
    public static final String INVALID_TOKEN = "sandbox.auth.invalidToken";
    /** 403: a read-only token on a write. No arguments. */
    public static final String READ_ONLY_TOKEN = "sandbox.auth.readOnly";
    /** 403: a read-only token on an admin endpoint. No arguments. */
    public static final String ADMIN_ONLY = "sandbox.auth.adminOnly";
    /** 429: the token is over its budget. Arguments: the limit, the window in seconds, the seconds to wait. */
    public static final String RATE_LIMITED = "sandbox.rateLimited";
    /** 503: the maintenance switch is on. No arguments. */
    public static final String MAINTENANCE = "sandbox.maintenance";
    /** 503: the bound on requests in flight is reached. Argument: the bound. */
    public static final String OVERLOADED = "sandbox.overloaded";
    /** 404: no such customer. Argument: the customer id. */
    public static final String CUSTOMER_NOT_FOUND = "sandbox.customer.notFound";
    /** 412: a stale {@code If-Match}. Argument: the current entity tag. */
    public static final String CUSTOMER_CHANGED = "sandbox.customer.changed";
    /** Argument: the domain. Describes the code {@code domainTaken}. */
    public static final String DOMAIN_TAKEN = "code.domainTaken";
    /** Argument: the store's capacity. Describes the code {@code customerLimitReached}. */
    public static final String CUSTOMER_LIMIT = "code.customerLimitReached";
    /** 501: invoices. No arguments. */
    public static final String INVOICES_NOT_IMPLEMENTED = "sandbox.notImplemented.invoices";
    /** 501: subscriptions. No arguments. */
    public static final String SUBSCRIPTIONS_NOT_IMPLEMENTED = "sandbox.notImplemented.subscriptions";
    /** 502: the credit upstream's answer cannot be read. No arguments. */
    public static final String UPSTREAM_INVALID = "sandbox.upstream.invalid";
    /** 502: the credit upstream answered a non-2xx status. Argument: that status. */
    public static final String UPSTREAM_FAILED = "sandbox.upstream.failed";
    /** 502: the credit upstream refused or dropped the connection. No arguments. */
    public static final String UPSTREAM_UNREACHABLE = "sandbox.upstream.unreachable";
    /** 504: the credit upstream did not answer in time. Argument: the timeout in milliseconds. */
    public static final String UPSTREAM_TIMEOUT = "sandbox.upstream.timeout";
    /** 503: the bound on delayed simulations is reached. Argument: the bound. */
    public static final String SIMULATIONS_BUSY = "sandbox.simulate.busy";
    /** 403: a caller other than the sandbox itself called the built-in upstream. No arguments. */
    public static final String UPSTREAM_LOOPBACK_ONLY = "sandbox.upstream.loopbackOnly";
    /** 503: the built-in upstream is answering its maximum of calls. Argument: the bound. */
    public static final String UPSTREAM_BUSY = "sandbox.upstream.busy";
    /** 404: the built-in upstream knows no customer with that id (it is no GUID). No argument: the id is not repeated. */
    public static final String UPSTREAM_UNKNOWN_CUSTOMER = "sandbox.upstream.unknownCustomer";

    private Texts() {
    }
}
