package dev.restfault.sandbox;

/**
 * Keys of the sandbox's localized texts, in {@code messages*.properties} (en-US, fr-FR, ja-JP,
 * zh-TW). The starter resolves them in the request's language when it renders an error; the
 * keys starting with {@code code.} describe the sandbox's own error codes.
 */
public final class Texts {

    public static final String INVALID_TOKEN = "sandbox.auth.invalidToken";
    public static final String READ_ONLY_TOKEN = "sandbox.auth.readOnly";
    public static final String ADMIN_ONLY = "sandbox.auth.adminOnly";
    /** Arguments: the limit, the window in seconds, the seconds to wait. */
    public static final String RATE_LIMITED = "sandbox.rateLimited";
    public static final String MAINTENANCE = "sandbox.maintenance";
    /** Argument: the bound on requests in flight. */
    public static final String OVERLOADED = "sandbox.overloaded";
    /** Argument: the customer id. */
    public static final String CUSTOMER_NOT_FOUND = "sandbox.customer.notFound";
    /** Argument: the current entity tag. */
    public static final String CUSTOMER_CHANGED = "sandbox.customer.changed";
    /** Argument: the domain. Describes the code {@code domainTaken}. */
    public static final String DOMAIN_TAKEN = "code.domainTaken";
    /** Argument: the store's capacity. Describes the code {@code customerLimitReached}. */
    public static final String CUSTOMER_LIMIT = "code.customerLimitReached";
    public static final String INVOICES_NOT_IMPLEMENTED = "sandbox.notImplemented.invoices";
    public static final String SUBSCRIPTIONS_NOT_IMPLEMENTED = "sandbox.notImplemented.subscriptions";
    public static final String UPSTREAM_INVALID = "sandbox.upstream.invalid";
    /** Argument: the upstream's status. */
    public static final String UPSTREAM_FAILED = "sandbox.upstream.failed";
    public static final String UPSTREAM_UNREACHABLE = "sandbox.upstream.unreachable";
    /** Argument: the timeout in milliseconds. */
    public static final String UPSTREAM_TIMEOUT = "sandbox.upstream.timeout";

    private Texts() {
    }
}
